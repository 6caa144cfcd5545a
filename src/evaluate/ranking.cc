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

bool names(const std::vector<std::string>& units, const std::string& unit) {
  return std::find(units.begin(), units.end(), unit) != units.end();
}

// duban(5) RANKING RULES, Parts of the score: on-time reports over the
// period's rounds, each round judged as of its own report date (or the
// as-of date, when earlier).
void add_reporting(const Workspace& ws, const RankReport& r,
                   const std::unordered_map<std::string, UnitRank*>& by_name) {
  for (const Month m : {r.first, r.second}) {
    if (!has_round(ws.list, m)) continue;
    const Round round = reporting_round(ws.list, m);
    for (const Task& task : ws.list.tasks) {
      const RoundReporting rr = round_reporting(ws, task, round, std::min(round.report_date, r.as_of));
      // Each ranked unit once per task, however often `owed` names it.
      std::vector<UnitRank*> owing;
      for (const std::string& unit : rr.owed) {
        const auto it = by_name.find(unit);
        if (it != by_name.end()) owing.push_back(it->second);
      }
      std::sort(owing.begin(), owing.end());
      owing.erase(std::unique(owing.begin(), owing.end()), owing.end());
      for (UnitRank* u : owing) count(part(*u, RankPart::kReporting), !names(rr.missing, u->unit));
    }
  }
}

const ShareStatus* share_of(const TaskStatus& t, const std::string& unit) {
  for (const ShareStatus& s : t.shares) {
    if (s.unit == unit) return &s;
  }
  return nullptr;
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
// targets, from the status as of the period's as-of date.
void add_status_parts(const StatusReport& status, const RankReport& r, UnitRank& u) {
  const Date period_end = r.second.last_day();
  RankComponent& completion = part(u, RankPart::kCompletion);
  RankComponent& overdue = part(u, RankPart::kOverdue);
  RankComponent& duties = part(u, RankPart::kDuties);
  RankComponent& targets = part(u, RankPart::kTargets);
  double attainment = 0;
  for (const TaskStatus& t : status.tasks) {
    const ShareStatus* share = share_of(t, u.unit);
    if (share == nullptr) continue;
    const bool settled = share->state == ShareState::kDone || t.state == TaskState::kClosed;
    if (t.task->due.date <= period_end) count(completion, settled);
    if (is_overdue(t.task->due.date, r.as_of)) count(overdue, settled);
    for (const DutyStatus& d : t.goals.duties) {
      for (const DutyRecord& rec : d.units) {
        if (rec.unit != u.unit) continue;
        for (size_t i = 0; i < rec.held.size(); ++i) {
          // Periods ending in the two rounds' windows: each period counts in exactly one ranking.
          if (rec.periods[i].last >= r.window_start) count(duties, rec.held[i] >= d.duty->times);
        }
      }
    }
    for (const TargetStatus& ts : t.goals.targets) {
      if (ts.target->due.date > period_end) continue;
      for (const TargetValue& v : ts.values) {
        if (v.unit != u.unit) continue;
        count(targets, v.met);
        attainment += attainment_of(*ts.target, v);
      }
    }
  }
  finish_rate(completion);
  finish_rate(overdue);
  finish_rate(duties);
  if (targets.total > 0) targets.rate = attainment / targets.total;  // partial credit
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

}  // namespace

RankReport rank_units(const Workspace& ws, Month m) {
  // duban(5) RANKING RULES, Who and when.
  return rank_units(ws, m, bimonth_of(m).second.day_clamped(ws.list.reporting.day));
}

RankReport rank_units(const Workspace& ws, Month m, Date as_of) {
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
  for (const std::string& unit : group->members) r.units.push_back({unit, 0, std::nullopt, {}});
  std::unordered_map<std::string, UnitRank*> by_name;
  for (UnitRank& u : r.units) by_name.emplace(u.unit, &u);
  add_reporting(ws, r, by_name);
  for (UnitRank& u : r.units) finish_rate(part(u, RankPart::kReporting));
  const StatusReport status = evaluate_status(ws, round_as_of(reporting_round(ws.list, r.second), r.as_of));
  for (UnitRank& u : r.units) {
    add_status_parts(status, r, u);
    score(r.weights, u);
  }
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
