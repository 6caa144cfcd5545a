// Supervision notices (督办通知): one per unit that holds open shares of
// overdue tasks or owes missing reports in a round. The rules are those of
// duban(5), STATUS RULES, Supervision notices.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "evaluate/reconcile.h"

namespace duban {

/// One task named in a notice.
struct NoticeItem {
  size_t task;                       ///< index into the reconciliation's ledger
  std::string progress;              ///< the unit's own latest 本月进展, if any
  std::optional<Date> reopened;      ///< the office's 退回 when it is its latest action
  std::vector<std::string> reasons;  ///< that 退回's texts: progress, problems, next
};

/// The notice to one unit.
struct Notice {
  std::string unit;
  Date issued;                         ///< the round's report date
  Date reply_by;                       ///< when the answer is due
  std::vector<NoticeItem> overdue;     ///< overdue tasks where the unit's share is open
  std::vector<NoticeItem> missing;     ///< tasks the unit did not report on in the round
  std::vector<RejectedFile> rejected;  ///< the unit's files left out: to correct and send again
};

/// The day by which the notices of `round` ask for an answer: the
/// reporting.reply_workdays-th working day after R(M) when set, else R(M)
/// plus reporting.reply_days.
Date reply_deadline(const TaskList& list, const Round& round);

/// The notices of a round.
struct NoticeReport {
  Date reply_by;                ///< when the answers are due (reply_deadline())
  std::vector<Notice> notices;  ///< in tasks.yaml unit order
};

/// The notices of a reconciliation.
NoticeReport build_notices(const TaskList& list, const Reconciliation& rec);

}  // namespace duban
