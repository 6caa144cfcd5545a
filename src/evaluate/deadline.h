// Deadlines (完成时限) of open work: whether it is overdue, due soon or in
// time as of a date, by how many days it is late, and its light. Tasks
// (duban(5) STATUS RULES, Task status), goals (GOAL RULES, Targets and
// Milestones) and the ranking (RANKING RULES, Parts of the score) all judge
// deadlines here.
#pragma once

#include "model/date.h"

namespace duban {

/// How open work stands against its due date.
enum class Urgency { kInTime, kDueSoon, kOverdue };

/// The traffic light of a task: red overdue, yellow due soon, green in
/// time, none once done or closed.
enum class Light { kRed, kYellow, kGreen, kNone };

/// Open work judged against its due date.
struct Deadline {
  Urgency urgency = Urgency::kInTime;
  int overdue_days = 0;  ///< days past the due date; 0 unless overdue
  Light light = Light::kGreen;
};

/// Open work due on `due`, as of `as_of`: overdue from the day after its due
/// date, due soon (临期) when at most `warn_days` days are left.
Deadline judge_deadline(Date due, Date as_of, int warn_days);

/// Whether open work due on `due` is overdue on `as_of`.
inline bool is_overdue(Date due, Date as_of) { return as_of > due; }

/// Whether work finished on `done` met its due date `due`: finishing on the
/// day itself is in time (a task done late, a milestone reached late).
inline bool met_deadline(Date done, Date due) { return !is_overdue(due, done); }

}  // namespace duban
