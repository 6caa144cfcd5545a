// The audit (留痕) of a reporting round: which of its entries entered the
// record late, which changed after the round was reconciled, and which no
// commit holds yet (duban(1) audit; duban(5) STATUS RULES, Reporting rounds).
#pragma once

#include <vector>

#include "model/history.h"
#include "model/task_list.h"
#include "model/workspace.h"

namespace duban {

/// What an audit row reports.
enum class AuditKind {
  kLate,                   ///< 补录: first committed after the round's report date
  kChangedAfterReconcile,  ///< 对账后改动
  kRemovedAfterReconcile,  ///< 对账后删除
  kUncommitted,            ///< 未提交
  kOddCommitDate,  ///< 提交日期异常: its commit's date is after today or before the list was issued
};

/// A part of an entry that a change touched.
enum class EntryField { kStatus, kPercent, kProgress, kProblems, kNext, kMetrics, kMilestones, kHeld };

/// One row of the audit.
struct AuditRow {
  AuditKind kind = AuditKind::kLate;
  Month round;
  const EntryEvent* event = nullptr;
  std::vector<EntryField> changed;  ///< what differs between event->before and event->after
};

/// Whether the date of `commit` can say when something entered the record:
/// it is known and lies between the day `list` was issued and `today`.
bool commit_date_plausible(const TaskList& list, const CommitInfo& commit, Date today);

/// The audit of round `m` as of `today`, in the order of the history.
std::vector<AuditRow> audit_round(const TaskList& list, const History& history, Month m, Date today);

/// With reporting.on_time: commit (duban(5) STATUS RULES, Reporting rounds),
/// each entry counts from the date of the commit that first holds it when
/// that is later than its own date; an entry no commit holds, or first held
/// by a commit whose date is not plausible, counts from `today`. The entries
/// are put back in order.
void date_by_record(Workspace& ws, const History& history, Date today);

/// The fields in which `a` and `b` differ, in the order of EntryField.
std::vector<EntryField> changed_fields(const Entry& a, const Entry& b);

}  // namespace duban
