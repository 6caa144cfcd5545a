// The turn of the year (上年结转): the tasks of a list that were not
// finished by its last reporting round, with what is still missing of
// each, for a draft of next year's list. The rules are those of duban(5),
// STATUS RULES, Carry-over.
#pragma once

#include <vector>

#include "evaluate/status.h"

namespace duban {

/// A target carried over: what is still to reach.
struct CarriedTarget {
  const Target* target = nullptr;
  double remaining = 0;             ///< the value still missing; a ceiling keeps its value
  std::vector<TargetValue> values;  ///< what was reported by the last round, per unit judged
};

/// A task carried into next year's list.
struct CarriedTask {
  const Task* task = nullptr;
  TaskState state = TaskState::kNotStarted;  ///< as of the last round
  int percent = 0;
  std::vector<CarriedTarget> targets;        ///< those not met
  std::vector<const Milestone*> milestones;  ///< those not reached
};

/// What a list hands on to the next year.
struct CarryOver {
  Month last_round;
  Date as_of;                      ///< the last round's report date
  std::vector<CarriedTask> tasks;  ///< in id order
};

/// The tasks not finished as of the last reporting round: not closed, and
/// not done with every target met and milestone reached.
CarryOver carry_over(const Workspace& ws);

}  // namespace duban
