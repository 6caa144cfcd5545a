// What `duban check` warns about once the rules apply: a task done or closed
// while its targets or milestones fall short (duban(5) GOAL RULES, Unmet
// goals), and a task the office closed while units have not reported it
// done (STATUS RULES, Office actions).
#pragma once

#include <vector>

#include "evaluate/goals.h"
#include "evaluate/status.h"
#include "model/workspace.h"

namespace duban {

/// A task settled short: done or closed with unmet goals, or closed with
/// shares not done; and the entry that settled it.
struct SettledShortfall {
  const Task* task = nullptr;
  bool closed = false;  ///< closed by the office, else done by every unit
  const Entry* settled_by = nullptr;
  std::vector<Shortfall> unmet;
  std::vector<ShareStatus> open_shares;  ///< closed while these shares were not done
};

/// Every task settled short as of `today`, in id order.
std::vector<SettledShortfall> settled_shortfalls(const Workspace& ws, Date today);

}  // namespace duban
