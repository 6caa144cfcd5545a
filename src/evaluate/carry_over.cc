#include "evaluate/carry_over.h"

#include <algorithm>

#include "evaluate/rounds.h"

namespace duban {
namespace {

// The part of a target still missing: the value less the lead's (or the
// one unit's) last report; a target per group member, or a ceiling, stays
// as it was.
double remaining_of(const TargetStatus& ts) {
  const Target& target = *ts.target;
  if (target.at_most || (target.per && !target.per_unit)) return target.value;
  const TargetValue& v = ts.values.front();
  return std::max(target.value - v.value.value_or(0), 0.0);
}

}  // namespace

CarryOver carry_over(const Workspace& ws) {
  // duban(5) STATUS RULES, Carry-over.
  CarryOver out;
  out.last_round = ws.list.reporting.last;
  const Round round = reporting_round(ws.list, out.last_round);
  out.as_of = round.report_date;
  const StatusReport status = evaluate_status(ws, round_as_of(round, round.report_date));
  for (const TaskStatus& t : status.tasks) {
    if (t.state == TaskState::kClosed || (t.state == TaskState::kDone && t.unmet.empty())) continue;
    CarriedTask c{t.task, t.state, t.percent, {}, {}};
    for (const TargetStatus& ts : t.goals.targets) {
      if (ts.state != GoalState::kMet) c.targets.push_back({ts.target, remaining_of(ts), ts.values});
    }
    for (const MilestoneStatus& ms : t.goals.milestones) {
      if (ms.state != GoalState::kMet) c.milestones.push_back(ms.milestone);
    }
    out.tasks.push_back(std::move(c));
  }
  return out;
}

}  // namespace duban
