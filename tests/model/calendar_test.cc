#include "model/calendar.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace duban {
namespace {

Date day(const char* iso) { return *parse_iso_date(iso); }

// Expands "MM-DD" and "MM-DD..MM-DD" of one year into days.
std::vector<Date> days_of(int year, const std::vector<std::string>& items) {
  std::vector<Date> out;
  for (const std::string& item : items) {
    const std::string first = std::to_string(year) + "-" + item.substr(0, 5);
    const std::string last = item.size() > 5 ? std::to_string(year) + "-" + item.substr(7, 5) : first;
    for (Date d = day(first.c_str()); d <= day(last.c_str()); d = d + 1) out.push_back(d);
  }
  return out;
}

// The notices as issue 11 lists them: 国办发明电〔2023〕7号, 〔2024〕12号 and
// the notice of 2025-11-04.
struct YearCase {
  int year;
  std::vector<std::string> off;
  std::vector<std::string> work;
};

const std::vector<YearCase> kYears = {
    {2024,
     {"01-01", "02-10..02-17", "04-04..04-06", "05-01..05-05", "06-10", "09-15..09-17", "10-01..10-07"},
     {"02-04", "02-18", "04-07", "04-28", "05-11", "09-14", "09-29", "10-12"}},
    {2025,
     {"01-01", "01-28..02-04", "04-04..04-06", "05-01..05-05", "05-31..06-02", "10-01..10-08"},
     {"01-26", "02-08", "04-27", "09-28", "10-11"}},
    {2026,
     {"01-01..01-03", "02-15..02-23", "04-04..04-06", "05-01..05-05", "06-19..06-21", "09-25..09-27",
      "10-01..10-07"},
     {"01-04", "02-14", "02-28", "05-09", "09-20", "10-10"}},
};

TEST_CASE("every listed holiday is off and every listed working weekend is worked, per year") {
  const WorkCalendar calendar;
  for (const YearCase& y : kYears) {
    CAPTURE(y.year);
    CHECK(calendar.covers(y.year));
    const std::vector<Date> off = days_of(y.year, y.off);
    const std::vector<Date> work = days_of(y.year, y.work);
    for (Date d : off) {
      CAPTURE(d.iso());
      CHECK(is_statutory_holiday(d));
      CHECK_FALSE(calendar.is_workday(d));
    }
    for (Date d : work) {
      CAPTURE(d.iso());
      CHECK(d.iso_weekday() >= 6);  // a working weekend is a Saturday or Sunday
      CHECK(is_adjusted_workday(d));
      CHECK(calendar.is_workday(d));
    }
    // Every other day goes by its weekday: the table holds nothing more.
    for (Date d = Month::of(y.year, 1).first_day(); d <= Month::of(y.year, 12).last_day(); d = d + 1) {
      const bool listed_off = std::find(off.begin(), off.end(), d) != off.end();
      const bool listed_work = std::find(work.begin(), work.end(), d) != work.end();
      if (listed_off || listed_work) continue;
      CAPTURE(d.iso());
      CHECK(calendar.is_workday(d) == (d.iso_weekday() <= 5));
    }
  }
  CHECK(statutory_years() == std::vector<int>{2024, 2025, 2026});
}

TEST_CASE("a year the table does not cover goes by the weekday, unless the list gives days of it") {
  WorkCalendar calendar;
  CHECK_FALSE(calendar.covers(2027));
  CHECK_FALSE(calendar.is_workday(day("2027-01-02")));  // a Saturday
  CHECK(calendar.is_workday(day("2027-01-01")));        // a Friday: no table says otherwise
  calendar.off.insert(day("2027-01-01"));
  calendar.work.insert(day("2027-01-02"));
  CHECK(calendar.covers(2027));
  CHECK_FALSE(calendar.is_workday(day("2027-01-01")));
  CHECK(calendar.is_workday(day("2027-01-02")));
  // The list's own days override the table too.
  calendar.work.insert(day("2024-10-01"));
  CHECK(calendar.is_workday(day("2024-10-01")));
}

TEST_CASE("the Nth working day after a date, across the holidays") {
  const WorkCalendar calendar;
  struct Case {
    const char* from;
    int n;
    const char* expected;
  };
  const Case cases[] = {
      // 中秋 2024: the 14th is a working Saturday, the 15th to 17th are off.
      {"2024-09-10", 5, "2024-09-18"},
      {"2024-09-13", 1, "2024-09-14"},
      {"2024-09-14", 1, "2024-09-18"},
      // Spring Festival 2025: 28 January to 4 February off, 8 February worked.
      {"2025-01-27", 1, "2025-02-05"},
      {"2025-01-24", 2, "2025-01-27"},  // Sunday the 26th is worked
      {"2025-02-07", 1, "2025-02-08"},
      {"2025-01-10", 5, "2025-01-17"},
      // National Day 2024: 29 September worked, 1 to 7 October off, 12 October worked.
      {"2024-09-27", 1, "2024-09-29"},
      {"2024-09-29", 2, "2024-10-08"},
      {"2024-10-10", 5, "2024-10-16"},  // Saturday the 12th is worked
      // National Day 2025: 1 to 8 October off, 28 September and 11 October worked.
      {"2025-09-26", 1, "2025-09-28"},
      {"2025-09-30", 1, "2025-10-09"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.from);
    CHECK(calendar.nth_workday_after(day(c.from), c.n).iso() == c.expected);
  }
}

TEST_CASE("working days in a range skip the holidays") {
  const WorkCalendar calendar;
  CHECK(calendar.workdays_between(day("2025-01-27"), day("2025-02-08")) == 5);  // 27th, 5-7 Feb, 8th
  CHECK(calendar.workdays_between(day("2024-09-14"), day("2024-09-18")) == 2);
  CHECK(calendar.workdays_between(day("2024-10-01"), day("2024-10-07")) == 0);
}

}  // namespace
}  // namespace duban
