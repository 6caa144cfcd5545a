// The evaluation carried from round to round (StatusTimeline, GoalsTrack)
// against a fresh evaluation of each round, on a generated workspace with
// office decisions in the settle days, reopened tasks, late reports and goals.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include "evaluate/fixture.h"
#include "evaluate/ranking.h"
#include "evaluate/reconcile.h"
#include "evaluate/status_timeline.h"
#include "render/rank_render.h"

namespace duban {
using namespace duban::testing;

namespace {

const std::string kOffice = "党政综合办公室";

std::string iso(const std::optional<Date>& d) { return d ? d->iso() : "-"; }

// Every field of a task's status, as text, entries by their position.
std::string dump(const TaskStatus& t) {
  auto at = [](const Entry* e) { return e ? std::to_string(e->position) : std::string("-"); };
  std::string out =
      fmt::format("{} {} {} {} {} {} {} {} {} {} {} {}\n", t.task->id, static_cast<int>(t.state),
                  static_cast<int>(t.light), t.percent, iso(t.done_date),
                  t.on_time ? std::to_string(*t.on_time) : "-", t.overdue_days, iso(t.close_date),
                  iso(t.reopened), at(t.office_action), at(t.settled_by), t.unmet.size());
  for (const ShareStatus& s : t.shares) {
    out += fmt::format(" share {} {} {} {} {} {}\n", s.unit, static_cast<int>(s.state), iso(s.last_report),
                       iso(s.done_date), s.percent, at(s.latest));
  }
  for (const auto* texts : {&t.texts.progress, &t.texts.problems, &t.texts.next}) {
    for (const TaskText& x : *texts)
      out += fmt::format(" text {} {} {}\n", x.unit, x.action.has_value(), x.text);
  }
  for (const TargetStatus& g : t.goals.targets) {
    out += fmt::format(" target {} {}", g.target->name, static_cast<int>(g.state));
    for (const TargetValue& v : g.values)
      out += fmt::format(" {}={}/{}", v.unit, v.value.value_or(-1), v.met);
    out += '\n';
  }
  for (const MilestoneStatus& m : t.goals.milestones) {
    out += fmt::format(" milestone {} {}", m.milestone->name, static_cast<int>(m.state));
    for (const MilestoneReach& r : m.reached)
      out += fmt::format(" {}@{}/{}", r.unit, r.date.iso(), r.on_time);
    for (const std::string& u : m.pending) out += " pending " + u;
    out += '\n';
  }
  for (const DutyStatus& d : t.goals.duties) {
    for (const DutyRecord& r : d.units) {
      out += fmt::format(" duty {} {} {} {}/{} periods {}", d.duty->name, r.unit, r.item, r.compliant,
                         r.judged, r.periods.size());
      for (const int n : r.held) out += fmt::format(" {}", n);
      for (const Date& m : r.missed) out += " missed " + m.iso();
      out += '\n';
    }
  }
  return out;
}

std::string dump(const Reconciliation& rec) {
  std::string out = fmt::format("{} {}", rec.round.month.iso(), rec.as_of.iso());
  for (const int n : rec.counts) out += fmt::format(" {}", n);
  out += '\n';
  for (const LedgerRow& row : rec.ledger) {
    out += dump(row.status);
    out += " owed";
    for (const std::string& u : row.reporting.owed) out += " " + u;
    out += " missing";
    for (const std::string& u : row.reporting.missing) out += " " + u;
    out += '\n';
  }
  for (const size_t i : rec.closed_this_month) out += fmt::format("closed {}\n", i);
  for (const OverdueTask& o : rec.overdue) out += fmt::format("overdue {} {}\n", o.task, o.units.size());
  for (const MissingReport& m : rec.missing_reports) out += fmt::format("missing {} {}\n", m.unit, m.task);
  return out;
}

// Three tasks with goals, and about a year of reports drawn from a fixed
// seed: every status, the office's decisions on report days and in the
// settle days after, metrics, milestones and duty days, some reported late;
// and two tasks sent back in the settle days.
Workspace generated() {
  TaskList list = small_list();
  list.reporting.settle_days = 5;
  Task shared = make_task("1", {"各社区"}, {"甲社区", "乙社区"}, "2024-09-30");
  shared.targets.push_back({"户数", 10, "户", shared.due, "各社区", false, false});
  shared.targets.push_back({"投诉", 3, "件", {day("2024-08-31"), "2024-08-31"}, std::nullopt, false, true});
  shared.milestones.push_back({"方案", {day("2024-07-31"), "2024-07-31"}, "各社区", false});
  shared.duties.push_back({"巡查", Period::kMonth, 2, "各社区", false, {}, std::nullopt, day("2024-12-31")});
  Task own = make_task("2", {kOffice}, {kOffice}, "2024-06-30");
  own.milestones.push_back({"验收", own.due, std::nullopt, false});
  own.duties.push_back(
      {"例会", Period::kWeek, 1, std::nullopt, false, {"一", "二"}, day("2024-06-01"), day("2024-11-30")});
  Task single = make_task("3", {"甲社区"}, {"甲社区"}, "2024-11-15");
  list.tasks = {shared, own, single};

  std::vector<Entry> entries;
  unsigned seed = 12345;
  auto next = [&](unsigned n) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) % n;
  };
  const EntryStatus statuses[] = {EntryStatus::kNotStarted, EntryStatus::kInProgress,
                                  EntryStatus::kInProgress, EntryStatus::kDone};
  for (Date d = day("2024-04-08"); d <= day("2025-01-20"); d = d + 1) {
    for (const Task& task : list.tasks) {
      if (next(6) != 0) continue;
      const bool office = next(5) == 0;
      const std::string unit = office ? kOffice : task.shares[next(task.shares.size())].str();
      const EntryStatus status =
          office ? (next(2) == 0 ? EntryStatus::kClosed : EntryStatus::kReopened) : statuses[next(4)];
      // Entries are sorted by date; a late one is dated before the day it was generated.
      Entry e = make_entry(d.iso().c_str(), unit, task.id, status,
                           next(2) == 0 ? std::optional<int>(static_cast<int>(next(101))) : std::nullopt);
      if (next(4) == 0) e.date = e.date - static_cast<int>(next(40));
      e.progress = next(2) == 0 ? "进展" + std::to_string(e.position) : "";
      e.problems = next(3) == 0 ? "问题" + std::to_string(e.position) : "";
      e.next = next(3) == 0 ? "计划" + std::to_string(e.position) : "";
      if (next(3) == 0) e.metrics = e.metrics.with({"户数", static_cast<double>(next(15))});
      if (next(4) == 0) e.metrics = e.metrics.with({"投诉", static_cast<double>(next(6))});
      if (next(8) == 0) e.milestones = {next(2) == 0 ? "方案" : "验收"};
      if (next(2) == 0) {
        const Date first = e.date - static_cast<int>(next(20));
        e.held = {{"巡查", "", {{first, first + static_cast<int>(next(3))}}},
                  {"例会", next(2) == 0 ? "一" : "二", {{first, first}}}};
      }
      entries.push_back(std::move(e));
    }
  }
  // The office's 退回 in the settle days after R(2024-08), with the unit's
  // reports on either side of it: round 2024-09 must replay them in date order.
  list.tasks.push_back(make_task("4", {"乙社区"}, {"乙社区"}, "2024-12-31"));
  list.tasks.push_back(make_task("5", {"乙社区"}, {"乙社区"}, "2024-12-31"));
  entries.push_back(make_entry("2024-08-05", "乙社区", "4", EntryStatus::kDone, 90));
  entries.push_back(make_entry("2024-08-11", "乙社区", "4", EntryStatus::kInProgress));
  entries.push_back(make_entry("2024-08-12", kOffice, "4", EntryStatus::kReopened));
  entries.push_back(make_entry("2024-08-05", "乙社区", "5", EntryStatus::kDone));
  entries.push_back(make_entry("2024-08-12", kOffice, "5", EntryStatus::kReopened));
  entries.push_back(make_entry("2024-08-14", "乙社区", "5", EntryStatus::kDone));
  return make_workspace(std::move(list), std::move(entries));
}

}  // namespace

TEST_CASE("reconciling every round with one timeline equals reconciling each from scratch") {
  const Workspace ws = generated();
  REQUIRE(ws.entries.size() > 100);
  std::vector<RoundQuery> rounds;
  for (Month m = ws.list.reporting.first; m <= ws.list.reporting.last; m = m + 1) {
    const Round round = reporting_round(ws.list, m);
    for (const Date as_of : {round.window_start + 3, round.report_date}) rounds.push_back({m, as_of});
  }
  // Going back to an earlier round starts again.
  rounds.push_back({Month::of(2024, 6), day("2024-06-10")});
  size_t seen = 0;
  int decided_in_settle_days = 0;
  reconcile(ws, rounds, [&](const Reconciliation& carried) {
    const RoundQuery& q = rounds.at(seen++);
    CAPTURE(q.month.iso());
    CAPTURE(q.as_of.iso());
    const Reconciliation fresh = reconcile(ws, q.month, q.as_of);
    CHECK(dump(carried) == dump(fresh));
    for (const LedgerRow& row : fresh.ledger) {
      const Entry* action = row.status.office_action;
      if (action != nullptr && action->date > q.as_of) ++decided_in_settle_days;
    }
  });
  CHECK(seen == rounds.size());
  // The case a carried replay gets wrong if it applies the office's later decisions for good.
  CHECK(decided_in_settle_days > 0);
}

TEST_CASE("ranking every period with one timeline equals ranking each from scratch") {
  Workspace ws = generated();
  ws.list.ranking.group = "各社区";
  std::vector<PeriodQuery> periods;
  for (Month m = Month::of(2024, 6); m <= Month::of(2024, 12); m = m + 2) {
    periods.push_back({m, std::nullopt});
    periods.push_back({m, reporting_round(ws.list, m).window_start + 2});
  }
  size_t seen = 0;
  rank_units(ws, periods, [&](const RankReport& carried) {
    const PeriodQuery& q = periods.at(seen++);
    CAPTURE(q.month.iso());
    CHECK(render_rank(ws.list, carried, Format::kJson) ==
          render_rank(ws.list, rank_units(ws, q.month, q.as_of), Format::kJson));
  });
  CHECK(seen == periods.size());
}

TEST_CASE("a task's status after many steps equals its status from scratch") {
  const Workspace ws = generated();
  StatusTimeline timeline(ws);
  for (Date d = day("2024-04-01"); d <= day("2025-01-31"); d = d + 7) {
    CAPTURE(d.iso());
    const AsOf as_of{d, d + 5};
    for (const Task& task : ws.list.tasks) {
      CHECK(dump(timeline.task(task, as_of, d - 20)) == dump(evaluate_task(ws, task, as_of, d - 20)));
    }
  }
}

}  // namespace duban
