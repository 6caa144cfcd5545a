#include "evaluate/reconcile.h"

#include <doctest/doctest.h>

#include "evaluate/fixture.h"
#include "evaluate/notices.h"

namespace duban {
using namespace duban::testing;

namespace {

const std::string kOffice = "党政综合办公室";

Workspace two_tasks(std::vector<Entry> entries) {
  TaskList list = small_list();
  list.tasks.push_back(make_task("1", {"各社区"}, {"甲社区", "乙社区"}, "2024-06-30"));
  list.tasks.push_back(make_task("2", {kOffice}, {kOffice}, "2024-05-31"));
  return make_workspace(std::move(list), std::move(entries));
}

std::vector<std::string> missing(const Reconciliation& rec) {
  std::vector<std::string> out;
  for (const MissingReport& m : rec.missing_reports)
    out.push_back(m.unit.str() + "/" + rec.task(m.task).task->id);
  return out;
}

}  // namespace

TEST_CASE("rounds: report dates and windows") {
  const TaskList list = small_list();
  const Round first = reporting_round(list, Month::of(2024, 5));
  CHECK(first.window_start == day("2024-04-08"));
  CHECK(first.report_date == day("2024-05-10"));
  const Round june = reporting_round(list, Month::of(2024, 6));
  CHECK(june.window_start == day("2024-05-11"));
  CHECK(june.report_date == day("2024-06-10"));
  TaskList late = list;
  late.reporting.day = 31;
  CHECK(reporting_round(late, Month::of(2024, 6)).report_date == day("2024-06-30"));
  CHECK(reporting_round(late, Month::of(2024, 7)).window_start == day("2024-07-01"));
}

TEST_CASE("the default round is the latest one due by today, within first..last") {
  const TaskList list = small_list();
  struct Case {
    const char* today;
    const char* month;  // nullptr: none yet
  };
  const Case cases[] = {
      {"2024-05-09", nullptr},   {"2024-05-10", "2024-05"}, {"2024-06-09", "2024-05"},
      {"2024-06-10", "2024-06"}, {"2025-03-01", "2024-12"}, {"2026-11-27", "2024-12"},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.today));
    const auto m = default_round_month(list, day(c.today));
    if (c.month == nullptr) {
      CHECK_FALSE(m.has_value());
    } else {
      REQUIRE(m.has_value());
      CHECK(m->iso() == c.month);
    }
  }
}

TEST_CASE("an entry on the report day counts in that round, the day after in the next") {
  const Workspace ws = two_tasks({make_entry("2024-05-10", "甲社区", "1", EntryStatus::kInProgress, 10),
                                  make_entry("2024-05-11", "乙社区", "1", EntryStatus::kInProgress, 10),
                                  make_entry("2024-05-09", kOffice, "2", EntryStatus::kInProgress, 10)});
  const Reconciliation may = reconcile(ws, Month::of(2024, 5), day("2024-05-10"));
  CHECK(missing(may) == std::vector<std::string>{"乙社区/1"});
  const Reconciliation june = reconcile(ws, Month::of(2024, 6), day("2024-06-10"));
  CHECK(missing(june) == std::vector<std::string>{"党政综合办公室/2", "甲社区/1"});
}

TEST_CASE("shares done or closed at the start of the window owe no report") {
  const Workspace ws = two_tasks({
      make_entry("2024-05-08", "甲社区", "1", EntryStatus::kDone),
      make_entry("2024-05-09", kOffice, "2", EntryStatus::kDone),
      make_entry("2024-05-10", kOffice, "2", EntryStatus::kClosed),
      make_entry("2024-06-09", "乙社区", "1", EntryStatus::kInProgress, 50),
  });
  const Reconciliation june = reconcile(ws, Month::of(2024, 6), day("2024-06-10"));
  CHECK(missing(june).empty());
  CHECK(june.ledger[0].reporting.owed == std::vector<Name>{"乙社区"});
  CHECK(june.ledger[1].reporting.owed.empty());
  // Task 2 was closed in May, not in June.
  CHECK(june.closed_this_month.empty());
  const Reconciliation may = reconcile(ws, Month::of(2024, 5), day("2024-05-10"));
  REQUIRE(may.closed_this_month.size() == 1);
  CHECK(may.task(may.closed_this_month[0]).task->id == "2");
}

TEST_CASE("counts, overdue tasks with their open units, notices") {
  const Workspace ws = two_tasks({make_entry("2024-06-05", "甲社区", "1", EntryStatus::kDone),
                                  make_entry("2024-06-06", "乙社区", "1", EntryStatus::kInProgress, 50)});
  const Reconciliation july = reconcile(ws, Month::of(2024, 7), day("2024-07-10"));
  CHECK(july.counts[static_cast<size_t>(TaskState::kOverdue)] == 2);
  REQUIRE(july.overdue.size() == 2);
  CHECK(july.task(july.overdue[0].task).task->id == "1");
  CHECK(july.overdue[0].units == std::vector<Name>{"乙社区"});
  CHECK(july.task(july.overdue[0].task).overdue_days == 10);
  CHECK(missing(july) == std::vector<std::string>{"党政综合办公室/2", "乙社区/1"});

  // The office issues notices and gets none, though it is behind on task 2.
  const std::vector<Notice> notices = build_notices(ws.list, july).notices;
  REQUIRE(notices.size() == 1);
  CHECK(notices[0].unit == "乙社区");
  CHECK(notices[0].overdue.size() == 1);
  CHECK(notices[0].missing.size() == 1);
}

TEST_CASE("the ledger shows this round's texts, and the office's word on a 退回") {
  Entry may = make_entry("2024-05-08", "甲社区", "1", EntryStatus::kInProgress, 10);
  may.progress = "五月进展";
  Entry done = make_entry("2024-06-01", "乙社区", "1", EntryStatus::kDone);
  done.progress = "六月完成";
  Entry back = make_entry("2024-06-05", kOffice, "1", EntryStatus::kReopened);
  back.progress = "资料不全";
  const Workspace ws = two_tasks({may, done, back});
  const Reconciliation june = reconcile(ws, Month::of(2024, 6), day("2024-06-10"));
  // Only texts dated inside the round's window; the office's comes last, with its action.
  const std::vector<TaskText>& round = june.task(0).texts.progress;
  REQUIRE(round.size() == 2);
  CHECK(round[0].unit == "乙社区");
  CHECK(round[0].text == "六月完成");
  CHECK_FALSE(round[0].action);
  CHECK(round[1].unit == kOffice);
  CHECK(round[1].action == EntryStatus::kReopened);
  CHECK(round[1].text == "资料不全");
  const StatusReport status = evaluate_status(ws, day("2024-06-10"));
  REQUIRE(status.tasks[0].texts.progress.size() == 3);
  CHECK(status.tasks[0].texts.progress[0].text == "五月进展");
}

TEST_CASE("--as-of before the report date sees only earlier entries") {
  const Workspace ws = two_tasks({make_entry("2024-06-09", "甲社区", "1", EntryStatus::kInProgress, 10)});
  const Reconciliation early = reconcile(ws, Month::of(2024, 6), day("2024-06-08"));
  CHECK(early.as_of == day("2024-06-08"));
  CHECK(missing(early).size() == 3);
}

}  // namespace duban

namespace duban {
using namespace duban::testing;

TEST_CASE("settle_days: the office's decisions in the days after R(M) belong to round M") {
  // Task 1 due 2024-06-30; the office closes task 2 on R(June)+2 and sends
  // task 1 back on R(June)+4; a unit's entry on R(June)+1 stays late.
  TaskList list = small_list();
  list.reporting.settle_days = 3;
  list.tasks.push_back(make_task("1", {"各社区"}, {"甲社区", "乙社区"}, "2024-06-30"));
  list.tasks.push_back(make_task("2", {"党政综合办公室"}, {"党政综合办公室"}, "2024-05-31"));
  const Workspace ws =
      make_workspace(list, {make_entry("2024-06-08", "甲社区", "1", EntryStatus::kDone),
                            make_entry("2024-06-11", "乙社区", "1", EntryStatus::kDone),
                            make_entry("2024-06-12", "党政综合办公室", "2", EntryStatus::kClosed),
                            make_entry("2024-06-14", "党政综合办公室", "1", EntryStatus::kReopened)});
  const Reconciliation june = reconcile(ws, Month::of(2024, 6), day("2024-06-10"));
  CHECK(june.round.decisions_start == day("2024-05-14"));
  CHECK(june.round.decisions_end == day("2024-06-13"));
  REQUIRE(june.closed_this_month.size() == 1);
  CHECK(june.task(june.closed_this_month[0]).task->id == "2");
  CHECK(june.task(1).state == TaskState::kClosed);   // not overdue, so no notice for it
  CHECK(june.task(0).state == TaskState::kDueSoon);  // 乙社区's 06-11 is a report for July
  CHECK_FALSE(june.task(0).reopened);                // R+4 is July's decision
  CHECK(missing(june) == std::vector<std::string>{"乙社区/1"});

  const Reconciliation july = reconcile(ws, Month::of(2024, 7), day("2024-07-10"));
  CHECK(july.round.decisions_start == day("2024-06-14"));
  CHECK(july.closed_this_month.empty());  // task 2 was June's
  CHECK(july.task(0).reopened == day("2024-06-14"));
  CHECK(july.ledger[1].reporting.owed.empty());  // closed by the start of July's window
  // Without settle_days the close on R+2 is July's.
  list.reporting.settle_days = 0;
  const Workspace plain = make_workspace(list, ws.entries);
  const Reconciliation plain_june = reconcile(plain, Month::of(2024, 6), day("2024-06-10"));
  CHECK(plain_june.closed_this_month.empty());
  CHECK(plain_june.task(1).state == TaskState::kOverdue);
  const Reconciliation plain_july = reconcile(plain, Month::of(2024, 7), day("2024-07-10"));
  REQUIRE(plain_july.closed_this_month.size() == 1);
}

TEST_CASE("a task sent back: its date, and the office's reason in the notice") {
  Entry back = make_entry("2024-07-09", "党政综合办公室", "1", EntryStatus::kReopened);
  back.progress = "台账不全";
  back.next = "月底前补齐";
  Entry mine = make_entry("2024-07-05", "乙社区", "1", EntryStatus::kDone);
  mine.progress = "全部完成";
  const Workspace ws = two_tasks({make_entry("2024-06-05", "甲社区", "1", EntryStatus::kDone), mine, back});
  const Reconciliation july = reconcile(ws, Month::of(2024, 7), day("2024-07-10"));
  CHECK(july.task(0).state == TaskState::kOverdue);
  CHECK(july.task(0).reopened == day("2024-07-09"));
  const std::vector<Notice> notices = build_notices(ws.list, july).notices;
  REQUIRE(notices.size() == 2);
  REQUIRE(notices[1].overdue.size() == 1);
  CHECK(notices[1].unit == "乙社区");
  CHECK(notices[1].overdue[0].progress == "全部完成");
  CHECK(notices[1].overdue[0].reopened == day("2024-07-09"));
  CHECK(notices[1].overdue[0].reasons == std::vector<std::string>{"台账不全", "月底前补齐"});
  CHECK(notices[1].reply_by == day("2024-07-15"));
  // A later close ends it.
  const Workspace closed = two_tasks({make_entry("2024-06-05", "甲社区", "1", EntryStatus::kDone), mine, back,
                                      make_entry("2024-07-20", "党政综合办公室", "1", EntryStatus::kClosed)});
  CHECK_FALSE(evaluate_task(closed, closed.list.tasks[0], day("2024-07-21")).reopened);
}

}  // namespace duban

namespace duban {
using namespace duban::testing;

TEST_CASE("a file left out is named in the rounds it may bear on, and in its unit's notice") {
  Workspace ws = two_tasks({make_entry("2024-05-08", "甲社区", "1", EntryStatus::kInProgress, 10),
                            make_entry("2024-05-08", "乙社区", "1", EntryStatus::kInProgress, 10),
                            make_entry("2024-05-08", kOffice, "2", EntryStatus::kInProgress, 10)});
  ws.rejected = {{"progress/2024-06/乙社区.yaml", "乙社区", Month::of(2024, 6), 3, 9, "错误"},
                 {"progress/杂项.yaml", std::nullopt, std::nullopt, 1, 1, "错误"}};
  const Reconciliation may = reconcile(ws, Month::of(2024, 5), day("2024-05-10"));
  REQUIRE(may.rejected.size() == 1);  // June's file cannot bear on May
  CHECK(may.rejected[0].path == "progress/杂项.yaml");
  CHECK(build_notices(ws.list, may).notices.empty());  // a file of no known unit: no notice
  const Reconciliation june = reconcile(ws, Month::of(2024, 6), day("2024-06-10"));
  CHECK(june.rejected.size() == 2);
  const std::vector<Notice> notices = build_notices(ws.list, june).notices;
  std::vector<std::string> units;
  for (const Notice& n : notices) units.push_back(n.unit);
  CHECK(units == std::vector<std::string>{"甲社区", "乙社区"});  // both missed June; 乙 also has its file
  REQUIRE(notices[1].rejected.size() == 1);
  CHECK(notices[1].rejected[0].line == 3);
  CHECK(notices[0].rejected.empty());
}

}  // namespace duban
