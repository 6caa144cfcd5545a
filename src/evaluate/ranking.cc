#include "evaluate/ranking.h"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <unordered_map>

#include "evaluate/deadline.h"
#include "evaluate/periods.h"
#include "evaluate/reconcile.h"
#include "evaluate/rounds.h"
#include "evaluate/status.h"
#include "evaluate/status_timeline.h"

namespace duban {
namespace {

void count(RankComponent& c, bool good) {
  ++c.total;
  if (good) ++c.count;
}

void finish_rate(RankComponent& c) {
  if (c.total > 0) c.rate = static_cast<double>(c.count) / c.total;
}

RankComponent& part(UnitRank& u, RankPart p) { return u.parts[static_cast<size_t>(p)]; }

// The ranked units by name.
using RankedUnits = std::unordered_map<Name, UnitRank*, NameAddressHash>;

// duban(5) RANKING RULES, Parts of the score: on-time reports over the
// period's rounds, each round judged as of its own report date (or the
// as-of date, when earlier).
void add_reporting(StatusTimeline& timeline, const RankReport& r, const RankedUnits& by_name) {
  const Workspace& ws = timeline.workspace();
  for (const Month m : {r.first, r.second}) {
    if (!has_round(ws.list, m)) continue;
    const Round round = reporting_round(ws.list, m);
    for (const Task& task : ws.list.tasks) {
      const RoundReporting rr = round_reporting(timeline, task, round, std::min(round.report_date, r.as_of));
      // Each ranked unit once per task, however often `owed` names it.
      // `missing` is a part of `owed`, in the same order: one walk finds both.
      std::vector<std::pair<UnitRank*, bool>> owing;  // and whether it reported
      size_t next_missing = 0;
      for (const Name& unit : rr.owed) {
        const bool missed = next_missing < rr.missing.size() && rr.missing[next_missing] == unit;
        if (missed) ++next_missing;
        const auto it = by_name.find(unit);
        if (it != by_name.end()) owing.emplace_back(it->second, !missed);
      }
      std::sort(owing.begin(), owing.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
      owing.erase(std::unique(owing.begin(), owing.end(),
                              [](const auto& a, const auto& b) { return a.first == b.first; }),
                  owing.end());
      for (const auto& [u, reported] : owing) count(part(*u, RankPart::kReporting), reported);
    }
  }
}

// duban(5) RANKING RULES, Parts of the score: a target's attainment, up to
// 1; a ceiling (at_most) exceeded scores the ceiling over the value.
double attainment_of(const Target& target, const TargetValue& v) {
  if (v.met) return 1;
  if (!v.value) return 0;
  if (target.at_most) return *v.value > 0 ? target.value / *v.value : 0;
  return std::min(*v.value / target.value, 1.0);
}

// duban(5) RANKING RULES, Parts of the score: completion, overdue, duties and
// targets, from the status as of the period's as-of date, for each member
// with a share of the task. One pass over the tasks in id order, each
// task's status taken in turn (a report of every task at once would hold
// each of a million shares); each member's parts are added in task order.
void add_status_parts(StatusTimeline& timeline, AsOf as_of, RankReport& r, const RankedUnits& by_name) {
  const Date period_end = r.second.last_day();
  std::vector<double> attainment(r.units.size(), 0);
  // Per member, 1 + the place (in id order) of the latest task it has a share of.
  std::vector<size_t> sharing(r.units.size(), 0);
  auto index = [&](const Name& unit) -> std::optional<size_t> {
    const auto it = by_name.find(unit);
    if (it == by_name.end()) return std::nullopt;
    return static_cast<size_t>(it->second - r.units.data());
  };
  size_t place = 0;
  for (const Task* task : timeline.tasks_in_id_order()) {
    ++place;
    // The ranking shows no texts: none are taken.
    const TaskStatus t = timeline.task(*task, as_of, as_of.decisions + 1);
    for (const ShareStatus& share : t.shares) {
      const auto i = index(share.unit);
      if (!i || sharing[*i] == place) continue;  // a member's first share only
      sharing[*i] = place;
      const bool settled = share.state == ShareState::kDone || t.state == TaskState::kClosed;
      if (t.task->due.date <= period_end) count(part(r.units[*i], RankPart::kCompletion), settled);
      if (is_overdue(t.task->due.date, r.as_of)) count(part(r.units[*i], RankPart::kOverdue), settled);
    }
    for (const DutyStatus& d : t.goals.duties) {
      for (const DutyRecord& rec : d.units) {
        const auto i = index(rec.unit);
        if (!i || sharing[*i] != place) continue;
        for (size_t k = 0; k < rec.held.size(); ++k) {
          // Periods ending in the two rounds' windows: each period counts in exactly one ranking.
          if (rec.periods[k].last >= r.window_start) {
            count(part(r.units[*i], RankPart::kDuties), rec.held[k] >= d.duty->times);
          }
        }
      }
    }
    for (const TargetStatus& ts : t.goals.targets) {
      if (ts.target->due.date > period_end) continue;
      for (const TargetValue& v : ts.values) {
        const auto i = index(v.unit);
        if (!i || sharing[*i] != place) continue;
        count(part(r.units[*i], RankPart::kTargets), v.met);
        attainment[*i] += attainment_of(*ts.target, v);
      }
    }
  }
  for (size_t i = 0; i < r.units.size(); ++i) {
    UnitRank& u = r.units[i];
    finish_rate(part(u, RankPart::kCompletion));
    finish_rate(part(u, RankPart::kOverdue));
    finish_rate(part(u, RankPart::kDuties));
    RankComponent& targets = part(u, RankPart::kTargets);
    if (targets.total > 0) targets.rate = attainment[i] / targets.total;  // partial credit
  }
}

// duban(5) RANKING RULES, Score and rank.
void score(const RankingWeights& w, UnitRank& u) {
  double sum = 0;
  double weights = 0;
  for (RankPart p : kRankParts) {
    const RankComponent& c = u.part(p);
    if (!c.rate) continue;  // nothing to judge: no weight either way
    sum += weight_of(w, p) * *c.rate;
    weights += weight_of(w, p);
  }
  if (weights > 0) u.score = std::round(sum / weights * 1000) / 10;
}

RankReport rank_period(StatusTimeline& timeline, Month m, std::optional<Date> given_as_of) {
  const Workspace& ws = timeline.workspace();
  // duban(5) RANKING RULES, Who and when.
  const Date as_of = given_as_of.value_or(report_date(ws.list, bimonth_of(m).second));
  RankReport r;
  std::tie(r.first, r.second) = bimonth_of(m);
  r.as_of = as_of;
  r.window_start = reporting_round(ws.list, r.first).window_start;
  r.group = ws.list.ranking.group;
  r.weights = ws.list.ranking.weights;
  r.rejected = rejected_through(ws, r.second);
  r.sample = ws.sample;
  const Group* group = ws.list.find_group(r.group);
  if (group == nullptr) return r;
  for (const std::string& unit : group->members) {
    if (owes_reports(ws.list, unit)) r.units.push_back({unit, 0, std::nullopt, {}});
  }
  RankedUnits by_name;
  for (UnitRank& u : r.units) by_name.emplace(u.unit, &u);
  add_reporting(timeline, r, by_name);
  for (UnitRank& u : r.units) finish_rate(part(u, RankPart::kReporting));
  add_status_parts(timeline, round_as_of(reporting_round(ws.list, r.second), r.as_of), r, by_name);
  for (UnitRank& u : r.units) score(r.weights, u);
  // Higher scores first; units without a score last; ties keep tasks.yaml order.
  std::stable_sort(r.units.begin(), r.units.end(), [](const UnitRank& a, const UnitRank& b) {
    return a.score.value_or(-1) > b.score.value_or(-1);
  });
  for (size_t i = 0; i < r.units.size(); ++i) {
    const bool tie = i > 0 && r.units[i].score == r.units[i - 1].score;
    r.units[i].rank = tie ? r.units[i - 1].rank : static_cast<int>(i) + 1;
  }
  return r;
}

}  // namespace

void rank_units(const Workspace& ws, std::span<const PeriodQuery> periods,
                const std::function<void(const RankReport&)>& each) {
  StatusTimeline timeline(ws);
  for (const PeriodQuery& q : periods) each(rank_period(timeline, q.month, q.as_of));
}

RankReport rank_units(const Workspace& ws, Month m, std::optional<Date> as_of) {
  StatusTimeline timeline(ws);
  return rank_period(timeline, m, as_of);
}

double weight_of(const RankingWeights& w, RankPart p) {
  switch (p) {
    case RankPart::kReporting:
      return w.reporting;
    case RankPart::kCompletion:
      return w.completion;
    case RankPart::kOverdue:
      return w.overdue;
    case RankPart::kDuties:
      return w.duties;
    case RankPart::kTargets:
      return w.targets;
  }
  return 0;
}

}  // namespace duban
