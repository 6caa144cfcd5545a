// Supervision notices (督办通知): one per unit that holds open shares of
// overdue tasks or owes missing reports in a round.
#pragma once

#include <string>
#include <vector>

#include "evaluate/reconcile.h"

namespace duban {

/// One task named in a notice.
struct NoticeItem {
  const TaskStatus* task;
  std::string progress;  ///< the unit's own latest 本月进展, if any
};

/// The notice to one unit.
struct Notice {
  std::string unit;
  std::vector<NoticeItem> overdue;  ///< overdue tasks where the unit's share is open
  std::vector<NoticeItem> missing;  ///< tasks the unit did not report on in the round
};

/// The notices of a reconciliation, in tasks.yaml unit order. `rec` must
/// outlive them.
std::vector<Notice> build_notices(const TaskList& list, const Reconciliation& rec);

}  // namespace duban
