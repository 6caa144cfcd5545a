// The monthly reconciliation (对账销号) of one reporting round: counts by
// status, the ledger (台账) of every task, what was closed in the round, what
// is overdue and who is behind, and which reports are missing.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "evaluate/rounds.h"
#include "evaluate/status.h"

namespace duban {

/// An overdue task and the units whose shares are still open.
struct OverdueTask {
  size_t task;  ///< index into Reconciliation::status.tasks
  std::vector<std::string> units;
};

/// A report a unit owed in the round and did not send (未按时报送).
struct MissingReport {
  std::string unit;
  std::string task;  ///< task id
};

/// Who owed a report on a task in the round and who sent it.
struct RoundReporting {
  std::vector<std::string> owed;     ///< units, tasks.yaml order
  std::vector<std::string> missing;  ///< subset of owed
};

/// The reconciliation of month `round.month`, as of `status.as_of`.
struct Reconciliation {
  Round round;
  StatusReport status;
  std::array<int, std::size(kTaskStates)> counts{};
  std::vector<std::string> closed_this_month;  ///< task ids
  std::vector<OverdueTask> overdue;
  std::vector<MissingReport> missing_reports;  ///< by unit (tasks.yaml order), then task id
  std::vector<RoundReporting> reporting;       ///< parallel to status.tasks
};

/// Reconciles round `m` as of `as_of` (normally the round's report date).
Reconciliation reconcile(const Workspace& ws, Month m, Date as_of);

}  // namespace duban
