#include "evaluate/goals.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "evaluate/fixture.h"
#include "evaluate/status.h"

namespace duban {
using namespace duban::testing;

namespace {

const std::string kOffice = "党政综合办公室";

// Task 1: office leads, both communities share; due 2024-08-31.
Workspace with_goals(std::vector<Entry> entries, Task task) {
  TaskList list = small_list();
  list.tasks.push_back(std::move(task));
  return make_workspace(std::move(list), std::move(entries));
}

Task goal_task() {
  Task t = make_task("1", {kOffice, "各社区"}, {kOffice, "甲社区", "乙社区"}, "2024-08-31");
  Target elevators;
  elevators.name = "加装电梯";
  elevators.value = 15;
  elevators.unit = "部";
  elevators.due = t.due;
  Target teams;
  teams.name = "调解队伍";
  teams.value = 1;
  teams.due = {day("2024-06-30"), "2024年6月"};
  teams.per = "各社区";
  t.targets = {elevators, teams};
  t.milestones = {{"分析报告", {day("2024-05-31"), "2024年5月底前"}, std::nullopt},
                  {"端午邻里节", {day("2024-06-10"), "2024年6月10日"}, "各社区"}};
  Duty contest;
  contest.name = "技能比武";
  contest.every = Period::kWeek;
  contest.per = "各社区";
  contest.until = day("2024-12-31");
  Duty assessment;
  assessment.name = "考核";
  assessment.every = Period::kMonth;
  assessment.times = 2;
  assessment.until = day("2024-12-31");
  t.duties = {contest, assessment};
  return t;
}

Entry with_metric(Entry e, const std::string& name, double value) {
  e.metrics = e.metrics.with({name, value});
  return e;
}

Entry with_milestone(Entry e, const std::string& name) {
  e.milestones = e.milestones.with(name);
  return e;
}

Entry with_held(Entry e, const std::string& name, std::vector<const char*> dates) {
  std::vector<DaySpan> spans;
  for (const char* d : dates) spans.push_back({day(d), day(d)});
  e.held = e.held.with({name, "", spans});
  return e;
}

}  // namespace

TEST_CASE("a target without per takes the lead's latest metric") {
  const Workspace ws = with_goals(
      {with_metric(make_entry("2024-05-05", kOffice, "1", EntryStatus::kInProgress), "加装电梯", 9),
       with_metric(make_entry("2024-05-06", "甲社区", "1", EntryStatus::kInProgress), "加装电梯", 15),
       with_metric(make_entry("2024-06-05", kOffice, "1", EntryStatus::kInProgress), "加装电梯", 12)},
      goal_task());
  const Goals may = evaluate_goals(ws, ws.list.tasks[0], day("2024-05-31"));
  REQUIRE(may.targets[0].values.size() == 1);
  CHECK(may.targets[0].values[0].unit == kOffice);
  CHECK(may.targets[0].values[0].value == 9);  // another unit's 15 does not count
  CHECK(may.targets[0].state == GoalState::kOnTrack);
  CHECK(evaluate_goals(ws, ws.list.tasks[0], day("2024-08-01")).targets[0].state == GoalState::kDueSoon);
  const Goals late = evaluate_goals(ws, ws.list.tasks[0], day("2024-09-01"));
  CHECK(late.targets[0].values[0].value == 12);
  CHECK(late.targets[0].state == GoalState::kOverdue);
  const std::vector<Shortfall> short_of = shortfalls_of(late);
  REQUIRE_FALSE(short_of.empty());
  CHECK(short_of[0].kind == ShortfallKind::kTarget);
  CHECK(short_of[0].what == "加装电梯");
  CHECK_FALSE(short_of[0].unit);  // the task's own target, not a member's
  CHECK(short_of[0].value == 12);
  CHECK(short_of[0].goal == 15);
}

TEST_CASE("a per-member target is met only when every member reaches it") {
  const Workspace ws = with_goals(
      {with_metric(make_entry("2024-05-05", "甲社区", "1", EntryStatus::kInProgress), "调解队伍", 1),
       with_metric(make_entry("2024-06-20", "乙社区", "1", EntryStatus::kInProgress), "调解队伍", 2)},
      goal_task());
  const TargetStatus before = evaluate_goals(ws, ws.list.tasks[0], day("2024-06-10")).targets[1];
  REQUIRE(before.values.size() == 2);
  CHECK(before.values[0].met);
  CHECK_FALSE(before.values[1].value.has_value());  // not reported: null, not met
  CHECK(before.state == GoalState::kDueSoon);
  CHECK(evaluate_goals(ws, ws.list.tasks[0], day("2024-06-20")).targets[1].state == GoalState::kMet);
}

TEST_CASE("a milestone reached on its due date is on time, the day after late") {
  // A table, not a structured binding: clang 14 refuses a binding captured
  // by CAPTURE's lambda.
  struct Case {
    const char* date;
    bool on_time;
  };
  for (const Case& c : {Case{"2024-05-31", true}, Case{"2024-06-01", false}}) {
    CAPTURE(std::string(c.date));
    const Workspace ws =
        with_goals({with_milestone(make_entry(c.date, "乙社区", "1", EntryStatus::kInProgress), "分析报告")},
                   goal_task());
    const MilestoneStatus m = evaluate_goals(ws, ws.list.tasks[0], day("2024-06-05")).milestones[0];
    CHECK(m.state == GoalState::kMet);
    REQUIRE(m.reached.size() == 1);
    CHECK(m.reached[0].unit == "乙社区");  // any owner reaches it without per
    CHECK(m.reached[0].on_time == c.on_time);
  }
  const Workspace none = with_goals({}, goal_task());
  CHECK(evaluate_goals(none, none.list.tasks[0], day("2024-05-31")).milestones[0].state ==
        GoalState::kDueSoon);
  CHECK(evaluate_goals(none, none.list.tasks[0], day("2024-06-01")).milestones[0].state ==
        GoalState::kOverdue);
}

TEST_CASE("a per-member milestone waits for every member") {
  const Workspace ws = with_goals(
      {with_milestone(make_entry("2024-06-08", "乙社区", "1", EntryStatus::kInProgress), "端午邻里节"),
       with_milestone(make_entry("2024-06-09", "乙社区", "1", EntryStatus::kInProgress), "端午邻里节"),
       with_milestone(make_entry("2024-06-12", "甲社区", "1", EntryStatus::kInProgress), "端午邻里节")},
      goal_task());
  const MilestoneStatus part = evaluate_goals(ws, ws.list.tasks[0], day("2024-06-11")).milestones[1];
  CHECK(part.state == GoalState::kOverdue);
  CHECK(part.pending == std::vector<std::string>{"甲社区"});
  const MilestoneStatus all = evaluate_goals(ws, ws.list.tasks[0], day("2024-06-12")).milestones[1];
  CHECK(all.state == GoalState::kMet);
  REQUIRE(all.reached.size() == 2);
  CHECK(all.reached[0].unit == "甲社区");  // tasks.yaml order
  CHECK_FALSE(all.reached[0].on_time);
  CHECK(all.reached[1].date == day("2024-06-08"));  // the first entry listing it
}

TEST_CASE("duties: judged once ended, distinct dates against times, per member or all owners") {
  const Workspace ws = with_goals(
      {with_held(make_entry("2024-04-30", "甲社区", "1", EntryStatus::kInProgress), "技能比武",
                 {"2024-04-15", "2024-04-16", "2024-04-29"}),
       with_held(make_entry("2024-05-31", "乙社区", "1", EntryStatus::kInProgress), "考核",
                 {"2024-05-02", "2024-05-02"}),
       with_held(make_entry("2024-05-31", kOffice, "1", EntryStatus::kInProgress), "考核", {"2024-05-20"})},
      goal_task());
  const Goals g = evaluate_goals(ws, ws.list.tasks[0], day("2024-05-05"));
  const DutyRecord& jia = g.duties[0].units[0];
  CHECK(jia.unit == "甲社区");
  CHECK(jia.judged == 4);  // weeks from 04-08 to 04-29, which ends on the as-of date
  CHECK(jia.compliant == 2);
  CHECK(evaluate_goals(ws, ws.list.tasks[0], day("2024-05-04")).duties[0].units[0].judged == 3);
  CHECK(jia.missed == std::vector<Date>{day("2024-04-08"), day("2024-04-22")});
  CHECK(g.duties[0].units[1].compliant == 0);  // 乙社区 held none of its own
  // Without per: one record named after the lead; all owners' dates count;
  // the same date twice counts once. April started before the issue date.
  const Goals may = evaluate_goals(ws, ws.list.tasks[0], day("2024-05-31"));
  REQUIRE(may.duties[1].units.size() == 1);
  CHECK(may.duties[1].units[0].unit == kOffice);
  CHECK(may.duties[1].units[0].judged == 1);
  CHECK(may.duties[1].units[0].compliant == 1);
  const Goals early = evaluate_goals(ws, ws.list.tasks[0], day("2024-05-30"));
  CHECK(early.duties[1].units[0].judged == 0);
}

TEST_CASE("done or closed with a shortfall carries it as unmet") {
  const Workspace ws = with_goals(
      {with_metric(make_entry("2024-06-01", kOffice, "1", EntryStatus::kInProgress), "加装电梯", 12),
       make_entry("2024-06-05", kOffice, "1", EntryStatus::kClosed)},
      goal_task());
  const TaskStatus open = evaluate_task(ws, ws.list.tasks[0], day("2024-06-02"));
  CHECK(open.unmet.empty());  // open work may still be short
  const TaskStatus closed = evaluate_task(ws, ws.list.tasks[0], day("2024-06-05"));
  CHECK(closed.state == TaskState::kClosed);
  std::vector<std::string> unmet;
  for (const Shortfall& s : closed.unmet) {
    unmet.push_back(fmt::format("{}/{}/{}/{}/{}", s.kind == ShortfallKind::kTarget ? "target" : "milestone",
                                s.what, s.unit.value_or("-"), s.value ? fmt::format("{}", *s.value) : "-",
                                s.goal ? fmt::format("{}", *s.goal) : "-"));
  }
  CHECK(unmet == std::vector<std::string>{"target/加装电梯/-/12/15", "target/调解队伍/甲社区/-/1",
                                          "target/调解队伍/乙社区/-/1", "milestone/分析报告/-/-/-",
                                          "milestone/端午邻里节/甲社区/-/-",
                                          "milestone/端午邻里节/乙社区/-/-"});
  REQUIRE(closed.settled_by != nullptr);
  CHECK(closed.settled_by->status == EntryStatus::kClosed);
}

}  // namespace duban

namespace duban {
using namespace duban::testing;
namespace {

Entry with_spans(Entry e, const std::string& duty, const std::string& item,
                 std::vector<std::pair<const char*, const char*>> spans) {
  std::vector<DaySpan> days;
  for (auto [first, last] : spans) days.push_back({day(first), day(last)});
  e.held = e.held.with({duty, item, days});
  return e;
}

Workspace workday_workspace(std::vector<Entry> entries, Duty duty) {
  TaskList list = small_list();
  list.issued = day("2025-01-20");
  Task t = make_task("1", {"甲社区"}, {"甲社区"}, "2025-12-31");
  t.duties = {std::move(duty)};
  list.tasks.push_back(std::move(t));
  return make_workspace(std::move(list), std::move(entries));
}

}  // namespace

TEST_CASE("a working-day duty: a range over the Spring Festival asks nothing of the holiday") {
  Duty duty;
  duty.name = "日研判";
  duty.every = Period::kWorkday;
  duty.until = day("2025-02-14");
  // 2025-01-26 (Sunday) and 02-08 (Saturday) are worked; 01-28..02-04 are off.
  const Workspace ws = workday_workspace(
      {with_spans(make_entry("2025-02-14", "甲社区", "1", EntryStatus::kInProgress), "日研判", "",
                  {{"2025-01-20", "2025-02-06"}, {"2025-02-08", "2025-02-14"}})},
      duty);
  const DutyRecord r = evaluate_goals(ws, ws.list.tasks[0], day("2025-02-14")).duties[0].units[0];
  // 20-24, 26, 27 January; 5, 6, 7, 8, 10-14 February.
  CHECK(r.periods.size() == 16);
  CHECK(r.periods[5].first == day("2025-01-26"));
  CHECK(r.periods[7].first == day("2025-02-05"));
  CHECK(r.judged == 16);
  CHECK(r.compliant == 15);
  CHECK(r.missed == std::vector<Date>{day("2025-02-07")});
}

TEST_CASE("a duty with items: each item judged per period; from leaves earlier periods out") {
  Duty duty;
  duty.name = "驿站活动";
  duty.every = Period::kMonth;
  duty.items = {"职工之家", "青年之家"};
  duty.from = day("2025-03-01");
  duty.until = day("2025-12-31");
  const Workspace ws = workday_workspace(
      {with_spans(make_entry("2025-04-30", "甲社区", "1", EntryStatus::kInProgress), "驿站活动", "职工之家",
                  {{"2025-03-05", "2025-03-05"}, {"2025-04-09", "2025-04-09"}}),
       with_spans(make_entry("2025-04-30", "甲社区", "1", EntryStatus::kInProgress), "驿站活动", "青年之家",
                  {{"2025-03-08", "2025-03-08"}})},
      duty);
  const DutyStatus s = evaluate_goals(ws, ws.list.tasks[0], day("2025-04-30")).duties[0];
  REQUIRE(s.units.size() == 2);
  CHECK(s.units[0].item == "职工之家");
  CHECK(s.units[0].judged == 2);  // March and April: February is before from
  CHECK(s.units[0].compliant == 2);
  CHECK(s.units[1].item == "青年之家");
  CHECK(s.units[1].missed == std::vector<Date>{day("2025-04-01")});
}

TEST_CASE("a ceiling is met at or below its value") {
  Task t = make_task("1", {"甲社区"}, {"甲社区"}, "2024-08-31");
  Target backlog;
  backlog.name = "信访积案";
  backlog.value = 0;
  backlog.at_most = true;
  backlog.due = t.due;
  t.targets = {backlog};
  auto status_with = [&](double value) {
    Entry e = make_entry("2024-06-08", "甲社区", "1", EntryStatus::kInProgress);
    e.metrics = {{"信访积案", value}};
    const Workspace ws = with_goals({e}, t);
    return evaluate_goals(ws, ws.list.tasks[0], day("2024-06-10")).targets[0];
  };
  CHECK(status_with(0).state == GoalState::kMet);
  CHECK_FALSE(status_with(1).values[0].met);
}

}  // namespace duban
