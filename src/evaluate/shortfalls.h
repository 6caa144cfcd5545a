// What `duban check` warns about once the rules apply: a task done or closed
// while its targets or milestones fall short (duban(5) GOAL RULES, Unmet
// goals).
#pragma once

#include <vector>

#include "evaluate/goals.h"
#include "model/workspace.h"

namespace duban {

/// A task done or closed with unmet goals, and the entry that settled it.
struct SettledShortfall {
  const Task* task = nullptr;
  bool closed = false;  ///< closed by the office, else done by every unit
  const Entry* settled_by = nullptr;
  std::vector<Shortfall> unmet;
};

/// Every task done or closed as of `today` with unmet targets or unreached
/// milestones, in id order.
std::vector<SettledShortfall> settled_shortfalls(const Workspace& ws, Date today);

}  // namespace duban
