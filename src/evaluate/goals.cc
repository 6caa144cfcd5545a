#include "evaluate/goals.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

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

// The units a goal is judged for: the members of `per` (or the one unit it
// names), else the lead.
std::vector<std::string> judged_units(const TaskList& list, const Task& task,
                                      const std::optional<std::string>& per) {
  if (per) return list.members_of(*per);
  return {list.lead_unit(task)};
}

// duban(5) GOAL RULES, Targets: a ceiling is met at or below its value.
bool target_met(const Target& target, std::optional<double> value) {
  if (!value) return false;
  return target.at_most ? *value <= target.value : *value >= target.value;
}

template <typename Fn>
void for_each_entry(const Workspace& ws, const Task& task, Date as_of, Fn fn) {
  for (const Entry* e : ws.entries_of(task.id)) {
    if (e->date > as_of) break;
    fn(*e);
  }
}

// duban(5) GOAL RULES, Targets.
TargetStatus evaluate_target(const Workspace& ws, const Task& task, const Target& target, Date as_of) {
  TargetStatus s{&target, GoalState::kOnTrack, {}};
  // Each unit's latest value, from one pass over the task's entries.
  std::unordered_map<std::string_view, double> latest;
  for_each_entry(ws, task, as_of, [&](const Entry& e) {
    for (const auto& [name, value] : e.metrics) {
      if (name == target.name) latest.insert_or_assign(e.unit, value);
    }
  });
  for (const std::string& unit : judged_units(ws.list, task, target.per)) {
    TargetValue v{unit, std::nullopt, false};
    if (const auto it = latest.find(unit); it != latest.end()) v.value = it->second;
    v.met = target_met(target, v.value);
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
  const std::vector<std::string> members = m.per ? ws.list.members_of(*m.per) : std::vector<std::string>{};
  const std::unordered_set<std::string_view> is_member(members.begin(), members.end());
  std::unordered_set<std::string_view> reached_units;  // the units in s.reached, until it is sorted
  for_each_entry(ws, task, as_of, [&](const Entry& e) {
    if (std::find(e.milestones.begin(), e.milestones.end(), m.name) == e.milestones.end()) return;
    if (m.per && is_member.count(e.unit) == 0) return;
    // Without `per` the first entry by any owner reaches it.
    if ((m.per && reached_units.insert(e.unit).second) || (!m.per && s.reached.empty())) {
      s.reached.push_back({e.unit, e.date, e.date <= m.due.date});
    }
  });
  for (const MilestoneReach& r : s.reached) reached_units.insert(r.unit);
  for (const std::string& unit : members) {
    if (reached_units.count(unit) == 0) s.pending.push_back(unit);
  }
  // Reports of each member in tasks.yaml order, whatever order they came in.
  std::unordered_map<std::string, int> position;  // sorting moves the names a view would see
  for (const MilestoneReach& r : s.reached) position.emplace(r.unit, ws.list.unit_index(r.unit));
  std::stable_sort(s.reached.begin(), s.reached.end(), [&](const MilestoneReach& a, const MilestoneReach& b) {
    return position.at(a.unit) < position.at(b.unit);
  });
  const bool reached = m.per ? s.pending.empty() : !s.reached.empty();
  s.state = reached ? GoalState::kMet : open_state(m.due.date, as_of, ws.list.reporting.warn_days);
  return s;
}

// The days of `spans` merged into disjoint runs, in order.
std::vector<DaySpan> merged(std::vector<DaySpan> spans) {
  std::sort(spans.begin(), spans.end(), [](const DaySpan& a, const DaySpan& b) { return a.first < b.first; });
  std::vector<DaySpan> out;
  for (const DaySpan& s : spans) {
    if (!out.empty() && s.first <= out.back().last + 1) {
      out.back().last = std::max(out.back().last, s.last);
    } else {
      out.push_back(s);
    }
  }
  return out;
}

// The number of distinct days of `runs` (merged, in order) inside `p`;
// `next` is the first run that may still reach `p`, periods coming in order.
int days_held_in(const std::vector<DaySpan>& runs, size_t& next, const DateRange& p) {
  while (next < runs.size() && runs[next].last < p.first) ++next;
  int n = 0;
  for (size_t i = next; i < runs.size() && runs[i].first <= p.last; ++i) {
    n += std::min(runs[i].last, p.last) - std::max(runs[i].first, p.first) + 1;
  }
  return n;
}

// The days reported for one duty, in one pass over the task's entries: by
// unit and item with `per`, else by item, every owner's dates together.
class ReportedDays {
 public:
  ReportedDays(const Workspace& ws, const Task& task, const Duty& duty, Date as_of)
      : per_(duty.per.has_value()) {
    for_each_entry(ws, task, as_of, [&](const Entry& e) {
      for (const HeldDays& h : e.held) {
        if (h.duty != duty.name) continue;
        std::vector<DaySpan>& spans = days_[key(e.unit, h.item)];
        spans.insert(spans.end(), h.spans.begin(), h.spans.end());
      }
    });
  }

  // The merged days of `unit` (with `per`; else of all) and `item`.
  std::vector<DaySpan> of(const std::string& unit, const std::string& item) const {
    const auto it = days_.find(key(unit, item));
    return it == days_.end() ? std::vector<DaySpan>{} : merged(it->second);
  }

 private:
  std::string key(const std::string& unit, const std::string& item) const {
    return per_ ? unit + '\0' + item : item;
  }
  bool per_;
  std::unordered_map<std::string, std::vector<DaySpan>> days_;
};

// duban(5) GOAL RULES, Duties.
DutyStatus evaluate_duty(const Workspace& ws, const Task& task, const Duty& duty, Date as_of) {
  DutyStatus s{&duty, {}};
  const Date start = duty.from ? std::max(*duty.from, ws.list.issued) : ws.list.issued;
  const std::vector<DateRange> periods = required_periods(duty.every, start, duty.until, ws.list.calendar);
  const std::vector<std::string> items = duty.items.empty() ? std::vector<std::string>{""} : duty.items;
  const ReportedDays reported(ws, task, duty, as_of);
  for (const std::string& unit : judged_units(ws.list, task, duty.per)) {
    for (const std::string& item : items) {
      const std::vector<DaySpan> runs = reported.of(unit, item);
      DutyRecord r{unit, item, periods, {}, 0, 0, {}};
      size_t next = 0;
      for (const DateRange& p : periods) {
        if (p.last > as_of) break;  // judged once it has ended
        const int n = days_held_in(runs, next, p);
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
      out.push_back(
          {ShortfallKind::kTarget, t.target->name, unit, v.value, t.target->value, t.target->at_most});
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
