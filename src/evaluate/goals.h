// Targets (目标), milestones (节点) and recurring duties (常态化) of a task
// as of a date, and what falls short. The rules are those of duban(5), GOAL
// RULES: Targets, Milestones, Duties and Unmet goals.
#pragma once

#include <memory>
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
  std::string item;                ///< the item, for a duty with items; else empty
  std::vector<DateRange> periods;  ///< every required period, judged or not
  std::vector<int> held;           ///< distinct held dates per period (judged ones)
  int judged = 0;
  int compliant = 0;
  std::vector<Date> missed;
};

struct DutyStatus {
  const Duty* duty = nullptr;
  std::vector<DutyRecord> units;  ///< one per member with `per`, else the lead; per item when it has items
};

/// All three kinds for one task.
struct Goals {
  std::vector<TargetStatus> targets;
  std::vector<MilestoneStatus> milestones;
  std::vector<DutyStatus> duties;
};

/// Evaluates a task's goals from the entries dated on or before `as_of`.
Goals evaluate_goals(const Workspace& ws, const Task& task, Date as_of);

/// A task's goals carried forward through increasing dates: each call reads
/// only the entries dated since the previous one, so a run over every round
/// reads each entry about once. An earlier date than the last starts again.
class GoalsTrack {
 public:
  GoalsTrack(const Workspace& ws, const Task& task);
  GoalsTrack(GoalsTrack&&) noexcept;
  GoalsTrack& operator=(GoalsTrack&&) noexcept;
  ~GoalsTrack();

  /// The goals from the entries dated on or before `as_of`.
  Goals at(Date as_of);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// What a shortfall is about.
enum class ShortfallKind { kTarget, kMilestone };

/// A target not met or a milestone not reached, for a task done or closed.
struct Shortfall {
  ShortfallKind kind = ShortfallKind::kTarget;
  std::string what;                 ///< the target's or milestone's name
  std::optional<std::string> unit;  ///< the member concerned, when the goal is per unit
  std::optional<double> value;      ///< targets: the value reported; nothing when none was
  std::optional<double> goal;       ///< targets: the value to reach
  bool at_most = false;             ///< targets: the value is a ceiling
};

/// The targets not met (per member when `per`), then the milestones not
/// reached (one per member still pending when `per`), in task order.
std::vector<Shortfall> shortfalls_of(const Goals& goals);

}  // namespace duban
