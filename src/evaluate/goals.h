// Targets (目标), milestones (节点) and recurring duties (常态化) of a task
// as of a date. The rules are those of duban(5), section GOAL RULES.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "evaluate/periods.h"
#include "model/workspace.h"

namespace duban {

/// Where a target or milestone stands: met/reached, or open by its due.
enum class GoalState { kMet, kOnTrack, kDueSoon, kOverdue };

/// One unit's value for a target; nothing when not reported yet.
struct TargetValue {
  std::string unit;
  std::optional<double> value;
  bool met = false;
};

struct TargetStatus {
  const Target* target = nullptr;
  GoalState state = GoalState::kOnTrack;
  std::vector<TargetValue> values;  ///< one per member with `per`, else the lead
};

/// A unit that reached a milestone, and when.
struct MilestoneReach {
  std::string unit;
  Date date;
  bool on_time = false;
};

struct MilestoneStatus {
  const Milestone* milestone = nullptr;
  GoalState state = GoalState::kOnTrack;
  std::vector<MilestoneReach> reached;  ///< with `per`: each member that reached it
  std::vector<std::string> pending;     ///< with `per`: members not there yet
};

/// One unit's record on a duty: periods judged, compliant, and the first
/// day of each judged period that fell short.
struct DutyRecord {
  std::string unit;
  std::vector<DateRange> periods;  ///< every required period, judged or not
  std::vector<int> held;           ///< distinct held dates per period (judged ones)
  int judged = 0;
  int compliant = 0;
  std::vector<Date> missed;
};

struct DutyStatus {
  const Duty* duty = nullptr;
  std::vector<DutyRecord> units;  ///< one per member with `per`, else the lead
};

/// All three kinds for one task.
struct Goals {
  std::vector<TargetStatus> targets;
  std::vector<MilestoneStatus> milestones;
  std::vector<DutyStatus> duties;
};

/// Evaluates a task's goals from the entries dated on or before `as_of`.
Goals evaluate_goals(const Workspace& ws, const Task& task, Date as_of);

/// met | on_track | due_soon | overdue (targets); reached for milestones.
const char* target_state_code(GoalState s);
const char* milestone_state_code(GoalState s);
const char* goal_state_label(GoalState s, bool milestone);

/// 加装电梯 9/15 — for a target not met: value / goal (per member when `per`).
std::vector<std::string> unmet_labels(const Goals& goals);

/// A number without needless decimals: 15, 98.5.
std::string format_number(double v);

}  // namespace duban
