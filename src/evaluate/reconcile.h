// The monthly reconciliation (对账销号) of one reporting round: counts by
// status, the ledger (台账) of every task, what was closed in the round, what
// is overdue and who is behind, and which reports are missing. The rules are
// those of duban(5), STATUS RULES: Reporting rounds and The reconciliation.
#pragma once

#include <array>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "evaluate/rounds.h"
#include "evaluate/status.h"

namespace duban {

/// Who owed a report on a task in a round and who did not send it.
struct RoundReporting {
  std::vector<Name> owed;     ///< units, tasks.yaml order
  std::vector<Name> missing;  ///< subset of owed
};

/// One task of the ledger: its status and its reporting in the round.
struct LedgerRow {
  TaskStatus status;
  RoundReporting reporting;
};

/// An overdue task and the units whose shares are still open.
struct OverdueTask {
  size_t task;  ///< index into Reconciliation::ledger
  std::vector<Name> units;
};

/// A report a unit owed in the round and did not send (未按时报送).
struct MissingReport {
  Name unit;
  size_t task;  ///< index into Reconciliation::ledger
};

/// The reconciliation of month `round.month`, as of `as_of`. Every part
/// refers to a task by its index in the ledger.
struct Reconciliation {
  Round round;
  Date as_of;
  std::array<int, std::size(kTaskStates)> counts{};
  std::vector<LedgerRow> ledger;          ///< every task, in id order
  std::vector<size_t> closed_this_month;  ///< closed inside the round's window
  std::vector<OverdueTask> overdue;
  std::vector<MissingReport> missing_reports;  ///< by unit (tasks.yaml order), then task id
  /// The report day is over (as of it or later): a report still missing is
  /// late (未按时报送); before, it may still come (尚未报送).
  bool final = true;
  std::vector<RejectedFile> rejected;  ///< files left out that may bear on the round
  bool sample = false;                 ///< computed from sample data (示例数据)

  const TaskStatus& task(size_t index) const { return ledger[index].status; }
};

/// Whether the reports of `round` are all in as of `as_of`: its report day
/// is over (duban(5) STATUS RULES, Reporting rounds).
bool reporting_closed(const Round& round, Date as_of);

/// Whether `unit` owes progress reports at all: every unit but those the
/// list marks `reports: false` (duban(5) STATUS RULES, Reporting rounds).
/// Such a unit keeps its shares but never owes a report, receives no
/// notice and is not ranked.
bool owes_reports(const TaskList& list, const std::string& unit);

/// Who owed a report on `task` in `round` and who did not send one dated in
/// the window and not after `as_of`.
RoundReporting round_reporting(const Workspace& ws, const Task& task, const Round& round, Date as_of);

/// A round to reconcile: its month, as of a day (normally its report date).
struct RoundQuery {
  Month month;
  Date as_of;
};

/// Reconciles `rounds`, given in increasing order, and hands each
/// reconciliation to `each` before computing the next: the rounds share one
/// evaluation, so that all of them read each entry about once.
void reconcile(const Workspace& ws, std::span<const RoundQuery> rounds,
               const std::function<void(const Reconciliation&)>& each);

/// Reconciles round `m` as of `as_of` alone.
Reconciliation reconcile(const Workspace& ws, Month m, Date as_of);

}  // namespace duban
