#include "evaluate/report_form.h"

#include <doctest/doctest.h>

#include "evaluate/fixture.h"

namespace duban {
using namespace duban::testing;

TEST_CASE("a form is for the first round whose report date is on or after today") {
  const TaskList list = small_list();  // rounds 2024-05 .. 2024-12, report day 10
  const struct {
    const char* today;
    const char* month;  // nullptr: every round is over
  } cases[] = {
      {"2024-04-20", "2024-05"}, {"2024-06-10", "2024-06"}, {"2024-06-11", "2024-07"},
      {"2024-12-10", "2024-12"}, {"2024-12-11", nullptr},
  };
  for (const auto& c : cases) {
    CAPTURE(c.today);
    const auto m = next_round_month(list, day(c.today));
    CHECK(m.has_value() == (c.month != nullptr));
    if (m && c.month) CHECK(m->iso() == c.month);
  }
}

TEST_CASE("an undated form speaks for today inside the round's window, else for its report date") {
  const Round june = reporting_round(small_list(), Month::of(2024, 6));  // 2024-05-11 .. 2024-06-10
  CHECK(default_fill_date(june, day("2024-05-11")) == day("2024-05-11"));
  CHECK(default_fill_date(june, day("2024-06-10")) == day("2024-06-10"));
  CHECK(default_fill_date(june, day("2024-05-10")) == day("2024-06-10"));
  CHECK(default_fill_date(june, day("2024-06-11")) == day("2024-06-10"));
}

TEST_CASE("a unit's form: the tasks it owes a report on and its other open shares, in id order") {
  TaskList list = small_list();
  list.tasks = {make_task("10", {"各社区"}, {"甲社区", "乙社区"}, "2024-12-31"),
                make_task("2", {"甲社区"}, {"甲社区"}, "2024-12-31"),
                make_task("3", {"甲社区"}, {"甲社区"}, "2024-12-31"),
                make_task("4", {"乙社区"}, {"乙社区"}, "2024-12-31")};
  Target per_unit{"调解队伍", 2, "支", {}, std::string("各社区")};
  list.tasks[0].targets = {per_unit};
  Target lead_only{"加装电梯", 15, "部", {}, std::nullopt};
  list.tasks[1].targets = {lead_only};
  // Task 3 was done in May: owed nothing in July, and not open.
  const Workspace ws =
      make_workspace(list, {make_entry("2024-05-20", "甲社区", "3", EntryStatus::kDone),
                            make_entry("2024-06-20", "甲社区", "2", EntryStatus::kInProgress, 40)});
  const ReportForm form =
      build_report_form(ws, "甲社区", reporting_round(list, Month::of(2024, 7)), day("2024-07-01"));
  REQUIRE(form.rows.size() == 2);
  CHECK(form.rows[0].task->id == "2");
  CHECK(form.rows[0].state == ShareState::kInProgress);
  CHECK(form.rows[0].percent == 40);
  CHECK(form.rows[0].targets.size() == 1);  // 甲社区 leads task 2
  CHECK(form.rows[1].task->id == "10");
  CHECK(form.rows[1].state == ShareState::kNone);
  CHECK_FALSE(form.rows[1].percent.has_value());
  CHECK(form.rows[1].targets.size() == 1);  // per 各社区
  CHECK(form.statuses.size() == 3);
  CHECK(form.fill_date == day("2024-07-01"));
  const ReportForm office =
      build_report_form(ws, "党政综合办公室", reporting_round(list, Month::of(2024, 7)), day("2024-07-01"));
  CHECK(office.rows.empty());
  CHECK(office.statuses.size() == 5);
}

}  // namespace duban
