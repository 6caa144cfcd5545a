#include "evaluate/rounds.h"

#include <doctest/doctest.h>

#include "evaluate/fixture.h"

namespace duban {
using namespace duban::testing;

namespace {

// One line per choice: the months, or the error's name.
std::string describe(const RoundChoice& c) {
  if (c.error == RoundChoiceError::kNoneYet) return "none yet";
  if (c.error == RoundChoiceError::kOutOfRange) return "out of range";
  std::string out;
  for (const Month m : c.months) out += (out.empty() ? "" : " ") + m.iso();
  return out;
}

std::optional<Month> month(const char* iso) {
  if (iso == nullptr) return std::nullopt;
  return parse_iso_month(iso);
}

// A command's request and the months it covers.
struct ChoiceCase {
  const char* month;  // nullptr: --month (or --period) not given
  bool all;
  const char* today;
  const char* chosen;
};

}  // namespace

TEST_CASE("the rounds a command covers: the one asked for, all up to the default, or the default") {
  const TaskList list = small_list();  // rounds 2024-05 .. 2024-12, report day 10
  const ChoiceCase cases[] = {
      {nullptr, false, "2024-07-09", "2024-06"},
      {nullptr, false, "2024-07-10", "2024-07"},
      {nullptr, false, "2026-11-27", "2024-12"},
      {nullptr, false, "2024-05-09", "none yet"},
      {"2024-08", false, "2024-05-09", "2024-08"},  // a round not yet due may be asked for
      {"2024-05", false, "2024-07-01", "2024-05"},
      {"2024-12", false, "2024-07-01", "2024-12"},
      {"2024-04", false, "2024-07-01", "out of range"},
      {"2025-01", false, "2024-07-01", "out of range"},
      {nullptr, true, "2024-07-10", "2024-05 2024-06 2024-07"},
      {nullptr, true, "2024-05-10", "2024-05"},
      {nullptr, true, "2024-05-09", "none yet"},
      {nullptr, true, "2025-03-01", "2024-05 2024-06 2024-07 2024-08 2024-09 2024-10 2024-11 2024-12"},
  };
  for (const ChoiceCase& c : cases) {
    CAPTURE(std::string(c.month == nullptr ? "-" : c.month));
    CAPTURE(c.all);
    CAPTURE(std::string(c.today));
    CHECK(describe(choose_rounds(list, month(c.month), c.all, day(c.today))) == c.chosen);
  }
}

TEST_CASE("the ranking periods a command covers, each named by its second month") {
  const TaskList list = small_list();
  const ChoiceCase cases[] = {
      {nullptr, false, "2024-06-30", "none yet"},  // May-June has not ended
      {nullptr, false, "2024-07-01", "2024-06"},
      {nullptr, false, "2024-08-31", "2024-06"},
      {nullptr, false, "2024-09-01", "2024-08"},
      {nullptr, false, "2026-11-27", "2024-12"},
      {"2024-05", false, "2024-06-30", "2024-06"},  // a period not yet ended may be asked for
      {"2024-06", false, "2024-07-01", "2024-06"},
      {"2024-11", false, "2024-07-01", "2024-12"},
      {"2024-04", false, "2024-07-01", "out of range"},  // March-April: before the first round
      {"2025-01", false, "2024-07-01", "out of range"},  // January-February: after the last
      {nullptr, true, "2024-11-01", "2024-06 2024-08 2024-10"},
      {nullptr, true, "2024-06-30", "none yet"},
      {nullptr, true, "2026-11-27", "2024-06 2024-08 2024-10 2024-12"},
  };
  for (const ChoiceCase& c : cases) {
    CAPTURE(std::string(c.month == nullptr ? "-" : c.month));
    CAPTURE(c.all);
    CAPTURE(std::string(c.today));
    CHECK(describe(choose_rank_periods(list, month(c.month), c.all, day(c.today))) == c.chosen);
  }
}

TEST_CASE("a ranking period counts when its bimonth overlaps the rounds and ends by the last") {
  TaskList list = small_list();
  list.reporting.first = Month::of(2024, 6);  // the first round is the second month of May-June
  list.reporting.last = Month::of(2025, 1);   // the last is the first month of January-February
  struct Case {
    const char* month;
    bool counts;
  };
  const Case cases[] = {
      {"2024-04", false}, {"2024-05", true},  {"2024-06", true},  {"2024-12", true},
      {"2025-01", false}, {"2025-02", false}, {"2025-03", false},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.month));
    CHECK(has_rank_period(list, *month(c.month)) == c.counts);
  }
  // January-February 2025 has no February round: November-December is the last period.
  CHECK(default_rank_month(list, day("2030-01-01"))->iso() == "2024-12");
  list.reporting.last = Month::of(2025, 2);
  CHECK(has_rank_period(list, *month("2025-01")));
  CHECK(default_rank_month(list, day("2030-01-01"))->iso() == "2025-02");
}

TEST_CASE("the ranking group must be a group of the list") {
  TaskList list = small_list();
  CHECK(has_ranking_group(list));  // 各社区, the default
  list.ranking.group = "甲社区";
  CHECK_FALSE(has_ranking_group(list));
  list.ranking.group = "各村";
  CHECK_FALSE(has_ranking_group(list));
}

}  // namespace duban

namespace duban {
using namespace duban::testing;

TEST_CASE("the round an entry counts in: by its window, the office's decisions by theirs") {
  TaskList list = small_list();  // issued 2024-04-08, rounds 2024-05 .. 2024-12, report day 10
  list.reporting.settle_days = 3;
  struct Case {
    const char* date;
    EntryStatus status;
    const char* round;  // nullptr: none
  };
  const Case cases[] = {
      {"2024-04-07", EntryStatus::kInProgress, nullptr},  // before the list was issued
      {"2024-04-08", EntryStatus::kInProgress, "2024-05"},
      {"2024-05-10", EntryStatus::kInProgress, "2024-05"},
      {"2024-05-11", EntryStatus::kInProgress, "2024-06"},
      {"2024-05-13", EntryStatus::kClosed, "2024-05"},  // R+3: still May's decision
      {"2024-05-14", EntryStatus::kReopened, "2024-06"},
      {"2024-04-09", EntryStatus::kClosed, "2024-05"},
      {"2024-12-10", EntryStatus::kDone, "2024-12"},
      {"2024-12-11", EntryStatus::kDone, nullptr},  // after the last round's window
      {"2024-12-13", EntryStatus::kClosed, "2024-12"},
      {"2024-12-14", EntryStatus::kClosed, nullptr},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.date));
    Entry e;
    e.date = day(c.date);
    e.status = c.status;
    const std::optional<Month> got = entry_round(list, e);
    CHECK((got ? got->iso() : std::string("none")) == (c.round ? c.round : "none"));
  }
}

TEST_CASE("day_shift: next_workday moves a report day off a holiday or weekend, and the rounds follow") {
  TaskList list = small_list();  // rounds 2024-05 .. 2024-12, report day 10
  CHECK(report_date(list, Month::of(2024, 6)) == day("2024-06-10"));  // 端午, none: unchanged
  list.reporting.day_shift = DayShift::kNextWorkday;
  CHECK(report_date(list, Month::of(2024, 6)) == day("2024-06-11"));   // 端午
  CHECK(report_date(list, Month::of(2024, 8)) == day("2024-08-12"));   // a Saturday
  CHECK(report_date(list, Month::of(2024, 11)) == day("2024-11-11"));  // a Sunday
  CHECK(report_date(list, Month::of(2024, 7)) == day("2024-07-10"));   // a working day stays
  const Round june = reporting_round(list, Month::of(2024, 6));
  CHECK(june.report_date == day("2024-06-11"));
  CHECK(reporting_round(list, Month::of(2024, 7)).window_start == day("2024-06-12"));
  list.reporting.settle_days = 2;  // the office's decisions: two days after the moved day
  CHECK(reporting_round(list, Month::of(2024, 6)).decisions_end == day("2024-06-13"));
  CHECK(reporting_round(list, Month::of(2024, 7)).decisions_start == day("2024-06-14"));
  list.reporting.settle_days = 0;
  CHECK(month_reporting(list, day("2024-06-11")) == Month::of(2024, 6));
  CHECK(month_reporting(list, day("2024-06-12")) == Month::of(2024, 7));

  // A report day moved into the next month: 2024-11-30 is a Saturday.
  list.reporting.day = 30;
  CHECK(report_date(list, Month::of(2024, 11)) == day("2024-12-02"));
  CHECK(reporting_round(list, Month::of(2024, 12)).window_start == day("2024-12-03"));
  CHECK(month_reporting(list, day("2024-12-01")) == Month::of(2024, 11));
  CHECK(month_reporting(list, day("2024-12-02")) == Month::of(2024, 11));
  CHECK(month_reporting(list, day("2024-12-03")) == Month::of(2024, 12));
  CHECK(default_round_month(list, day("2024-12-01")) == Month::of(2024, 10));
  CHECK(default_round_month(list, day("2024-12-02")) == Month::of(2024, 11));
}

}  // namespace duban
