#include "evaluate/status.h"

#include <doctest/doctest.h>

#include "evaluate/fixture.h"

namespace duban {
using namespace duban::testing;

namespace {

constexpr auto kNotStarted = EntryStatus::kNotStarted;
constexpr auto kInProgress = EntryStatus::kInProgress;
constexpr auto kDone = EntryStatus::kDone;
constexpr auto kClosed = EntryStatus::kClosed;
constexpr auto kReopened = EntryStatus::kReopened;
const std::string kOffice = "党政综合办公室";

// Task 1: office and both communities (through the group 各社区), due 2024-06-30.
Workspace with_entries(std::vector<Entry> entries, const char* due = "2024-06-30") {
  TaskList list = small_list();
  list.tasks.push_back(make_task("1", {kOffice, "各社区"}, {kOffice, "甲社区", "乙社区"}, due));
  return make_workspace(std::move(list), std::move(entries));
}

TaskStatus status_on(const Workspace& ws, const char* as_of) {
  return evaluate_task(ws, ws.list.tasks[0], day(as_of));
}

}  // namespace

TEST_CASE("deadline boundaries: due on D, warn_days and one more") {
  struct Case {
    const char* as_of;
    TaskState state;
    int overdue_days;
  };
  // Due 2024-06-30, warn_days 30; one community has started.
  const Case cases[] = {
      {"2024-05-30", TaskState::kOnTrack, 0},  // due - D = 31 = warn_days + 1
      {"2024-05-31", TaskState::kDueSoon, 0},  // due - D = 30 = warn_days
      {"2024-06-30", TaskState::kDueSoon, 0},  // due on D: not overdue
      {"2024-07-01", TaskState::kOverdue, 1}, {"2024-07-31", TaskState::kOverdue, 31},
  };
  const Workspace ws = with_entries({make_entry("2024-05-08", "甲社区", "1", kInProgress, 20)});
  for (const Case& c : cases) {
    CAPTURE(std::string(c.as_of));
    const TaskStatus t = status_on(ws, c.as_of);
    CHECK(t.state == c.state);
    CHECK(t.overdue_days == c.overdue_days);
  }
}

TEST_CASE("not started until some share reports more than 未启动") {
  const Workspace ws = with_entries({make_entry("2024-04-20", "甲社区", "1", kNotStarted),
                                     make_entry("2024-05-08", "乙社区", "1", kInProgress, 10)});
  CHECK(status_on(ws, "2024-04-30").state == TaskState::kNotStarted);
  CHECK(status_on(ws, "2024-05-08").state == TaskState::kOnTrack);
  CHECK(status_on(ws, "2024-05-07").light == Light::kGreen);
}

TEST_CASE("entries after the as-of date do not count") {
  const Workspace ws = with_entries({make_entry("2024-05-10", "甲社区", "1", kInProgress, 40),
                                     make_entry("2024-05-11", "甲社区", "1", kDone)});
  CHECK(status_on(ws, "2024-05-10").shares[1].state == ShareState::kInProgress);
  CHECK(status_on(ws, "2024-05-11").shares[1].state == ShareState::kDone);
}

TEST_CASE("shares: state, percent, last report; task percent is the rounded mean") {
  const Workspace ws = with_entries({make_entry("2024-05-05", kOffice, "1", kInProgress, 50),
                                     make_entry("2024-05-06", "甲社区", "1", kInProgress, 25),
                                     make_entry("2024-05-07", "甲社区", "1", kInProgress)});
  const TaskStatus t = status_on(ws, "2024-05-10");
  REQUIRE(t.shares.size() == 3);
  CHECK(t.shares[0].percent == 50);
  CHECK(t.shares[1].percent == 25);  // an entry without percent keeps the last one given
  CHECK(t.shares[1].last_report == day("2024-05-07"));
  CHECK(t.shares[2].state == ShareState::kNone);
  CHECK(t.shares[2].percent == 0);
  CHECK(t.percent == 25);  // (50 + 25 + 0) / 3 = 25
  const Workspace half = with_entries({make_entry("2024-05-05", kOffice, "1", kInProgress, 50),
                                       make_entry("2024-05-06", "甲社区", "1", kInProgress, 51)});
  CHECK(status_on(half, "2024-05-10").percent == 34);  // 101 / 3 = 33.67
}

TEST_CASE("all shares done: done, dated by the latest run start, on time or not") {
  const Workspace ws = with_entries({
      make_entry("2024-05-05", kOffice, "1", kDone),
      make_entry("2024-05-06", "甲社区", "1", kDone),
      make_entry("2024-06-08", "甲社区", "1", kDone),  // still the same run
      make_entry("2024-06-20", "乙社区", "1", kInProgress, 90),
      make_entry("2024-07-02", "乙社区", "1", kDone),
  });
  CHECK(status_on(ws, "2024-06-25").state == TaskState::kDueSoon);
  const TaskStatus t = status_on(ws, "2024-07-05");
  CHECK(t.state == TaskState::kDone);
  CHECK(t.light == Light::kNone);
  CHECK(t.shares[1].done_date == day("2024-05-06"));
  CHECK(t.done_date == day("2024-07-02"));
  CHECK(t.on_time == false);
  CHECK(t.percent == 100);
  CHECK(t.overdue_days == 0);
}

TEST_CASE("a share's done run restarts after it stops being done") {
  const Workspace ws = with_entries({make_entry("2024-05-05", "甲社区", "1", kDone),
                                     make_entry("2024-05-20", "甲社区", "1", kInProgress, 80),
                                     make_entry("2024-06-01", "甲社区", "1", kDone)});
  CHECK(status_on(ws, "2024-05-10").shares[1].done_date == day("2024-05-05"));
  CHECK_FALSE(status_on(ws, "2024-05-25").shares[1].done_date.has_value());
  CHECK(status_on(ws, "2024-06-05").shares[1].done_date == day("2024-06-01"));
}

TEST_CASE("退回 after 已完成 turns done shares back to in progress") {
  const Workspace ws = with_entries({
      make_entry("2024-05-05", kOffice, "1", kDone),
      make_entry("2024-05-06", "甲社区", "1", kDone),
      make_entry("2024-05-07", "乙社区", "1", kInProgress, 60),
      make_entry("2024-05-20", kOffice, "1", kReopened),
  });
  const TaskStatus t = status_on(ws, "2024-05-25");
  CHECK(t.state == TaskState::kOnTrack);
  CHECK(t.shares[0].state == ShareState::kInProgress);
  CHECK(t.shares[1].state == ShareState::kInProgress);
  CHECK_FALSE(t.shares[1].done_date.has_value());
  CHECK(t.shares[2].percent == 60);
  CHECK(status_on(ws, "2024-05-19").shares[1].state == ShareState::kDone);
}

TEST_CASE("close, reopen, close again") {
  const Workspace ws = with_entries({
      make_entry("2024-05-05", kOffice, "1", kDone),
      make_entry("2024-05-06", "甲社区", "1", kDone),
      make_entry("2024-05-07", "乙社区", "1", kDone),
      make_entry("2024-05-09", kOffice, "1", kClosed),
      make_entry("2024-05-20", kOffice, "1", kReopened),
      make_entry("2024-06-03", "甲社区", "1", kDone),
      make_entry("2024-06-10", kOffice, "1", kClosed),
  });
  const TaskStatus first = status_on(ws, "2024-05-10");
  CHECK(first.state == TaskState::kClosed);
  CHECK(first.close_date == day("2024-05-09"));
  CHECK(first.done_date == day("2024-05-07"));
  CHECK(first.on_time == true);

  const TaskStatus reopened = status_on(ws, "2024-05-25");
  CHECK(reopened.state == TaskState::kOnTrack);
  CHECK_FALSE(reopened.close_date.has_value());

  // Closed again, with shares 1 and 3 not done since the reopen: dated by the close.
  const TaskStatus again = status_on(ws, "2024-06-12");
  CHECK(again.state == TaskState::kClosed);
  CHECK(again.close_date == day("2024-06-10"));
  CHECK(again.done_date == day("2024-06-10"));
  CHECK(again.light == Light::kNone);
}

TEST_CASE("a closed task stays closed past its deadline") {
  const Workspace ws = with_entries({make_entry("2024-05-05", kOffice, "1", kClosed)});
  const TaskStatus t = status_on(ws, "2024-08-01");
  CHECK(t.state == TaskState::kClosed);
  CHECK(t.overdue_days == 0);
}

TEST_CASE("2024-02-29 as a deadline and as the as-of date") {
  TaskList list = small_list();
  list.issued = day("2024-02-01");
  list.tasks.push_back(make_task("1", {"甲社区"}, {"甲社区"}, "2024-02-29"));
  const Workspace ws = make_workspace(list, {make_entry("2024-02-10", "甲社区", "1", kInProgress, 50)});
  CHECK(evaluate_task(ws, ws.list.tasks[0], day("2024-02-29")).state == TaskState::kDueSoon);
  const TaskStatus after = evaluate_task(ws, ws.list.tasks[0], day("2024-03-01"));
  CHECK(after.state == TaskState::kOverdue);
  CHECK(after.overdue_days == 1);
}

TEST_CASE("texts of the latest entries are labelled by unit when several units report") {
  Entry a = make_entry("2024-05-05", "甲社区", "1", kInProgress, 10);
  a.progress = "完成摸底";
  Entry b = make_entry("2024-05-06", "乙社区", "1", kInProgress, 10);
  b.progress = "制定方案";
  b.problems = "缺经费";
  const TaskStatus t = status_on(with_entries({a, b}), "2024-05-10");
  REQUIRE(t.texts.progress.size() == 2);
  CHECK(t.texts.progress[0].unit == "甲社区");
  CHECK(t.texts.progress[0].text == "完成摸底");
  CHECK(t.texts.progress[1].unit == "乙社区");
  CHECK(t.texts.progress[1].text == "制定方案");
  REQUIRE(t.texts.problems.size() == 1);  // an entry without a text gives none
  CHECK(t.texts.problems[0].unit == "乙社区");
  CHECK(t.texts.next.empty());
}

TEST_CASE("status report lists tasks in id order") {
  TaskList list = small_list();
  for (const char* id : {"10", "2", "12.1", "1"})
    list.tasks.push_back(make_task(id, {"甲社区"}, {"甲社区"}, "2024-06-30"));
  const Workspace ws = make_workspace(list, {});
  const StatusReport r = evaluate_status(ws, day("2024-05-01"));
  std::vector<std::string> ids;
  for (const TaskStatus& t : r.tasks) ids.push_back(t.task->id);
  CHECK(ids == std::vector<std::string>{"1", "2", "10", "12.1"});
}

}  // namespace duban
