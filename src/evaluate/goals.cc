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

// duban(5) GOAL RULES, Targets: each judged unit's latest value.
class TargetTrack {
 public:
  TargetTrack(const Workspace& ws, const Task& task, const Target& target)
      : target_(target),
        name_(target.name),
        units_(judged_units(ws.list, task, target.per)),
        warn_days_(ws.list.reporting.warn_days) {}

  void apply(const Entry& e) {
    for (const auto& [name, value] : e.metrics) {
      if (name == name_) latest_.insert_or_assign(e.unit, value);
    }
  }

  TargetStatus at(Date as_of) const {
    TargetStatus s{&target_, GoalState::kOnTrack, {}};
    for (const std::string& unit : units_) {
      TargetValue v{unit, std::nullopt, false};
      if (const auto it = latest_.find(Name(unit)); it != latest_.end()) v.value = it->second;
      v.met = target_met(target_, v.value);
      s.values.push_back(std::move(v));
    }
    const bool all_met =
        std::all_of(s.values.begin(), s.values.end(), [](const TargetValue& v) { return v.met; });
    s.state = all_met ? GoalState::kMet : open_state(target_.due.date, as_of, warn_days_);
    return s;
  }

 private:
  const Target& target_;
  Name name_;  // the target's name, compared by handle
  std::vector<std::string> units_;
  int warn_days_;
  std::unordered_map<Name, double, NameAddressHash> latest_;  // by unit
};

// duban(5) GOAL RULES, Milestones: who reached it, and when.
class MilestoneTrack {
 public:
  MilestoneTrack(const Workspace& ws, const Milestone& m)
      : list_(ws.list),
        milestone_(m),
        name_(m.name),
        members_(m.per ? ws.list.members_of(*m.per) : std::vector<std::string>{}),
        is_member_(members_.begin(), members_.end()) {}

  void apply(const Entry& e) {
    const Milestone& m = milestone_;
    if (std::find(e.milestones.begin(), e.milestones.end(), name_) == e.milestones.end()) return;
    if (m.per && is_member_.count(e.unit) == 0) return;
    // Without `per` the first entry by any owner reaches it.
    if ((m.per && reached_units_.insert(e.unit).second) || (!m.per && reached_.empty())) {
      reached_.push_back({e.unit, e.date, met_deadline(e.date, m.due.date)});
    }
  }

  MilestoneStatus at(Date as_of) const {
    const Milestone& m = milestone_;
    MilestoneStatus s{&m, GoalState::kOnTrack, reached_, {}};
    for (const std::string& unit : members_) {
      if (reached_units_.count(unit) == 0) s.pending.push_back(unit);
    }
    // Reports of each member in tasks.yaml order, whatever order they came in.
    std::unordered_map<std::string, int> position;  // sorting moves the names a view would see
    for (const MilestoneReach& r : s.reached) position.emplace(r.unit, list_.unit_index(r.unit));
    std::stable_sort(s.reached.begin(), s.reached.end(),
                     [&](const MilestoneReach& a, const MilestoneReach& b) {
                       return position.at(a.unit) < position.at(b.unit);
                     });
    const bool reached = m.per ? s.pending.empty() : !s.reached.empty();
    s.state = reached ? GoalState::kMet : open_state(m.due.date, as_of, list_.reporting.warn_days);
    return s;
  }

 private:
  const TaskList& list_;
  const Milestone& milestone_;
  Name name_;  // the milestone's name, compared by handle
  std::vector<std::string> members_;
  std::unordered_set<std::string> is_member_;
  std::vector<MilestoneReach> reached_;                 // in the order reached
  std::unordered_set<std::string_view> reached_units_;  // with `per`: views into the entries
};

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

// The days reported for one duty: by unit and item with `per`, else by
// item, every owner's dates together. Runs already merged stay merged; the
// spans reported since are merged in when asked for.
class ReportedDays {
 public:
  explicit ReportedDays(const Duty& duty) : duty_(duty), name_(duty.name) {}

  void apply(const Entry& e) {
    for (const HeldDays& h : e.held) {
      if (h.duty != name_) continue;
      Days& days = days_[key(e.unit, h.item)];
      days.fresh.insert(days.fresh.end(), h.spans.begin(), h.spans.end());
    }
  }

  // The merged days of `unit` (with `per`; else of all) and `item`.
  const std::vector<DaySpan>& of(const std::string& unit, const std::string& item) {
    static const std::vector<DaySpan> kNone;
    const auto it = days_.find(key(unit, item));
    if (it == days_.end()) return kNone;
    Days& days = it->second;
    if (!days.fresh.empty()) {
      days.runs.insert(days.runs.end(), days.fresh.begin(), days.fresh.end());
      days.runs = merged(std::move(days.runs));
      days.fresh.clear();
    }
    return days.runs;
  }

 private:
  struct Days {
    std::vector<DaySpan> runs;   // merged
    std::vector<DaySpan> fresh;  // reported since, not merged yet
  };
  std::string key(const std::string& unit, const std::string& item) const {
    return duty_.per ? unit + '\0' + item : item;
  }
  const Duty& duty_;
  Name name_;  // the duty's name, compared by handle
  std::unordered_map<std::string, Days> days_;
};

// duban(5) GOAL RULES, Duties.
class DutyTrack {
 public:
  DutyTrack(const Workspace& ws, const Task& task, const Duty& duty)
      : duty_(duty),
        periods_(required_periods(duty.every,
                                  duty.from ? std::max(*duty.from, ws.list.issued) : ws.list.issued,
                                  duty.until, ws.list.calendar)),
        units_(judged_units(ws.list, task, duty.per)),
        reported_(duty) {}

  void apply(const Entry& e) { reported_.apply(e); }

  DutyStatus at(Date as_of) {
    DutyStatus s{&duty_, {}};
    const std::vector<std::string> items = duty_.items.empty() ? std::vector<std::string>{""} : duty_.items;
    for (const std::string& unit : units_) {
      for (const std::string& item : items) {
        const std::vector<DaySpan>& runs = reported_.of(unit, item);
        DutyRecord r{unit, item, periods_, {}, 0, 0, {}};
        size_t next = 0;
        for (const DateRange& p : periods_) {
          if (p.last > as_of) break;  // judged once it has ended
          const int n = days_held_in(runs, next, p);
          r.held.push_back(n);
          ++r.judged;
          if (n >= duty_.times) {
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

 private:
  const Duty& duty_;
  std::vector<DateRange> periods_;
  std::vector<std::string> units_;
  ReportedDays reported_;
};

}  // namespace

// The goals of one task, and how far into its entries they have been read.
struct GoalsTrack::State {
  State(const Workspace& ws, const Task& task) : ws(ws), task(task) { start(); }

  void start() {
    targets.clear();
    milestones.clear();
    duties.clear();
    for (const Target& t : task.targets) targets.emplace_back(ws, task, t);
    for (const Milestone& m : task.milestones) milestones.emplace_back(ws, m);
    for (const Duty& d : task.duties) duties.emplace_back(ws, task, d);
    next = 0;
    through.reset();
  }

  const Workspace& ws;
  const Task& task;
  std::vector<TargetTrack> targets;
  std::vector<MilestoneTrack> milestones;
  std::vector<DutyTrack> duties;
  size_t next = 0;              // the first entry of the task not read yet
  std::optional<Date> through;  // entries dated up to here have been read
};

GoalsTrack::GoalsTrack(const Workspace& ws, const Task& task) : state_(std::make_unique<State>(ws, task)) {}
GoalsTrack::GoalsTrack(GoalsTrack&&) noexcept = default;
GoalsTrack& GoalsTrack::operator=(GoalsTrack&&) noexcept = default;
GoalsTrack::~GoalsTrack() = default;

Goals GoalsTrack::at(Date as_of) {
  State& s = *state_;
  if (s.through && as_of < *s.through) s.start();
  const std::vector<const Entry*>& entries = s.ws.entries_of(s.task.id);
  for (; s.next < entries.size() && entries[s.next]->date <= as_of; ++s.next) {
    const Entry& e = *entries[s.next];
    for (TargetTrack& t : s.targets) t.apply(e);
    for (MilestoneTrack& m : s.milestones) m.apply(e);
    for (DutyTrack& d : s.duties) d.apply(e);
  }
  s.through = as_of;
  Goals g;
  for (const TargetTrack& t : s.targets) g.targets.push_back(t.at(as_of));
  for (const MilestoneTrack& m : s.milestones) g.milestones.push_back(m.at(as_of));
  for (DutyTrack& d : s.duties) g.duties.push_back(d.at(as_of));
  return g;
}

Goals evaluate_goals(const Workspace& ws, const Task& task, Date as_of) {
  return GoalsTrack(ws, task).at(as_of);
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
