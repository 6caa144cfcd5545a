// The reminder (催报) of a round before its report day: each unit that still
// owes reports, with the tasks, and the working days left. The rules are
// those of duban(5), STATUS RULES, Reporting rounds (who owes a report) and
// Reminders.
#pragma once

#include <string>
#include <vector>

#include "evaluate/reconcile.h"

namespace duban {

/// What one unit still owes in the round.
struct Reminder {
  std::string unit;
  std::vector<const Task*> owed;  ///< in task id order
};

/// The reminders of a round as of a day.
struct RemindReport {
  Round round;
  Date as_of;
  bool closed = false;          ///< after the report day: notices, not reminders
  int workdays_left = 0;        ///< working days from as_of to the report date, both included
  std::vector<Reminder> units;  ///< units that owe something, tasks.yaml order
  bool sample = false;          ///< computed from sample data (示例数据)
};

/// The reminders of `rec`'s round as of its as-of date, by `calendar`.
RemindReport build_reminders(const Reconciliation& rec, const WorkCalendar& calendar);

}  // namespace duban
