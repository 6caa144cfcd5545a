#include "evaluate/goals.h"

#include <algorithm>
#include <set>

#include "evaluate/deadline.h"

namespace duban {
namespace {

// An open goal stands where its deadline does.
GoalState open_state(Date due, Date as_of, int warn_days) {
  switch (judge_deadline(due, as_of, warn_days).urgency) {
    case Urgency::kOverdue:
      return GoalState::kOverdue;
    case Urgency::kDueSoon:
      return GoalState::kDueSoon;
    case Urgency::kInTime:
      return GoalState::kOnTrack;
  }
  return GoalState::kOnTrack;
}

// The units a goal is judged for: the members of `per`, else the lead.
std::vector<std::string> judged_units(const TaskList& list, const Task& task,
                                      const std::optional<std::string>& per) {
  if (per) return list.find_group(*per)->members;
  return {list.lead_unit(task)};
}

template <typename Fn>
void for_each_entry(const Workspace& ws, const Task& task, Date as_of, Fn fn) {
  for (const Entry& e : ws.entries) {
    if (e.date > as_of) break;
    if (e.task == task.id) fn(e);
  }
}

// duban(5) GOAL RULES, Targets.
TargetStatus evaluate_target(const Workspace& ws, const Task& task, const Target& target, Date as_of) {
  TargetStatus s{&target, GoalState::kOnTrack, {}};
  for (const std::string& unit : judged_units(ws.list, task, target.per)) {
    TargetValue v{unit, std::nullopt, false};
    for_each_entry(ws, task, as_of, [&](const Entry& e) {
      if (e.unit != unit) return;
      for (const auto& [name, value] : e.metrics) {
        if (name == target.name) v.value = value;
      }
    });
    v.met = v.value && *v.value >= target.value;
    s.values.push_back(std::move(v));
  }
  const bool all_met =
      std::all_of(s.values.begin(), s.values.end(), [](const TargetValue& v) { return v.met; });
  s.state = all_met ? GoalState::kMet : open_state(target.due.date, as_of, ws.list.reporting.warn_days);
  return s;
}

// duban(5) GOAL RULES, Milestones.
MilestoneStatus evaluate_milestone(const Workspace& ws, const Task& task, const Milestone& m, Date as_of) {
  MilestoneStatus s{&m, GoalState::kOnTrack, {}, {}};
  const std::vector<std::string> members =
      m.per ? ws.list.find_group(*m.per)->members : std::vector<std::string>{};
  for_each_entry(ws, task, as_of, [&](const Entry& e) {
    if (std::find(e.milestones.begin(), e.milestones.end(), m.name) == e.milestones.end()) return;
    if (m.per && std::find(members.begin(), members.end(), e.unit) == members.end()) return;
    const bool first_for_unit = std::none_of(s.reached.begin(), s.reached.end(),
                                             [&](const MilestoneReach& r) { return r.unit == e.unit; });
    // Without `per` the first entry by any owner reaches it.
    if ((m.per && first_for_unit) || (!m.per && s.reached.empty())) {
      s.reached.push_back({e.unit, e.date, e.date <= m.due.date});
    }
  });
  for (const std::string& unit : members) {
    if (std::none_of(s.reached.begin(), s.reached.end(),
                     [&](const MilestoneReach& r) { return r.unit == unit; })) {
      s.pending.push_back(unit);
    }
  }
  // Reports of each member in tasks.yaml order, whatever order they came in.
  std::stable_sort(s.reached.begin(), s.reached.end(), [&](const MilestoneReach& a, const MilestoneReach& b) {
    return ws.list.unit_index(a.unit) < ws.list.unit_index(b.unit);
  });
  const bool reached = m.per ? s.pending.empty() : !s.reached.empty();
  s.state = reached ? GoalState::kMet : open_state(m.due.date, as_of, ws.list.reporting.warn_days);
  return s;
}

// duban(5) GOAL RULES, Duties.
DutyStatus evaluate_duty(const Workspace& ws, const Task& task, const Duty& duty, Date as_of) {
  DutyStatus s{&duty, {}};
  const std::vector<DateRange> periods = required_periods(duty.every, ws.list.issued, duty.until);
  for (const std::string& unit : judged_units(ws.list, task, duty.per)) {
    std::set<Date> dates;
    for_each_entry(ws, task, as_of, [&](const Entry& e) {
      // Without `per` every owner's dates count for the lead's record.
      if (duty.per && e.unit != unit) return;
      for (const auto& [name, held] : e.held) {
        if (name == duty.name) dates.insert(held.begin(), held.end());
      }
    });
    DutyRecord r{unit, periods, {}, 0, 0, {}};
    for (const DateRange& p : periods) {
      if (p.last > as_of) break;  // judged once it has ended
      const auto n = static_cast<int>(std::distance(dates.lower_bound(p.first), dates.upper_bound(p.last)));
      r.held.push_back(n);
      ++r.judged;
      if (n >= duty.times) {
        ++r.compliant;
      } else {
        r.missed.push_back(p.first);
      }
    }
    s.units.push_back(std::move(r));
  }
  return s;
}

}  // namespace

Goals evaluate_goals(const Workspace& ws, const Task& task, Date as_of) {
  Goals g;
  for (const Target& t : task.targets) g.targets.push_back(evaluate_target(ws, task, t, as_of));
  for (const Milestone& m : task.milestones) g.milestones.push_back(evaluate_milestone(ws, task, m, as_of));
  for (const Duty& d : task.duties) g.duties.push_back(evaluate_duty(ws, task, d, as_of));
  return g;
}

std::vector<Shortfall> shortfalls_of(const Goals& goals) {
  // duban(5) GOAL RULES, Unmet goals.
  std::vector<Shortfall> out;
  for (const TargetStatus& t : goals.targets) {
    if (t.state == GoalState::kMet) continue;
    for (const TargetValue& v : t.values) {
      if (v.met) continue;
      const auto unit = t.target->per ? std::optional<std::string>(v.unit) : std::nullopt;
      out.push_back({ShortfallKind::kTarget, t.target->name, unit, v.value, t.target->value});
    }
  }
  for (const MilestoneStatus& m : goals.milestones) {
    if (m.state == GoalState::kMet) continue;
    if (m.pending.empty()) out.push_back({ShortfallKind::kMilestone, m.milestone->name, {}, {}, {}});
    for (const std::string& unit : m.pending) {
      out.push_back({ShortfallKind::kMilestone, m.milestone->name, unit, {}, {}});
    }
  }
  return out;
}

}  // namespace duban
