#include "evaluate/periods.h"

#include <doctest/doctest.h>

#include "evaluate/fixture.h"

namespace duban {
using namespace duban::testing;

TEST_CASE("the period containing a day") {
  struct Case {
    Period period;
    const char* day;
    const char* first;
    const char* last;
  };
  const Case cases[] = {
      {Period::kDay, "2024-02-29", "2024-02-29", "2024-02-29"},
      {Period::kWeek, "2024-06-03", "2024-06-03", "2024-06-09"},  // a Monday
      {Period::kWeek, "2024-06-09", "2024-06-03", "2024-06-09"},  // a Sunday
      {Period::kWeek, "2024-07-31", "2024-07-29", "2024-08-04"},  // across two months
      {Period::kWeek, "2025-01-01", "2024-12-30", "2025-01-05"},  // across two years
      {Period::kMonth, "2024-02-10", "2024-02-01", "2024-02-29"},
      {Period::kBimonth, "2024-06-10", "2024-05-01", "2024-06-30"},
      {Period::kBimonth, "2024-01-31", "2024-01-01", "2024-02-29"},
      {Period::kQuarter, "2024-06-30", "2024-04-01", "2024-06-30"},  // quarter end
      {Period::kQuarter, "2024-07-01", "2024-07-01", "2024-09-30"},
      {Period::kQuarter, "2024-12-31", "2024-10-01", "2024-12-31"},
      {Period::kHalfYear, "2024-07-01", "2024-07-01", "2024-12-31"},
      {Period::kYear, "2024-04-08", "2024-01-01", "2024-12-31"},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(period_code(c.period)) + " " + c.day);
    const DateRange r = period_containing(c.period, day(c.day));
    CHECK(r.first.iso() == c.first);
    CHECK(r.last.iso() == c.last);
  }
}

TEST_CASE("required periods start on or after issue and end by until") {
  // Issued on a Wednesday: the partial first week and quarter are not required.
  const auto weeks = required_periods(Period::kWeek, day("2024-04-10"), day("2024-05-05"));
  REQUIRE(weeks.size() == 3);
  CHECK(weeks.front().first.iso() == "2024-04-15");
  CHECK(weeks.back().last.iso() == "2024-05-05");
  const auto quarters = required_periods(Period::kQuarter, day("2024-04-08"), day("2024-12-31"));
  REQUIRE(quarters.size() == 2);
  CHECK(quarters[0].first.iso() == "2024-07-01");
  CHECK(quarters[1].last.iso() == "2024-12-31");
  // Issued on the first day of a quarter: that quarter counts.
  CHECK(required_periods(Period::kQuarter, day("2024-04-01"), day("2024-12-31")).size() == 3);
  // A week that runs past `until` is not required.
  const auto late = required_periods(Period::kWeek, day("2024-12-23"), day("2024-12-31"));
  REQUIRE(late.size() == 1);
  CHECK(late[0].last.iso() == "2024-12-29");
}

TEST_CASE("bimonths pair January with February") {
  CHECK(bimonth_of(Month::of(2024, 6)).first.iso() == "2024-05");
  CHECK(bimonth_of(Month::of(2024, 5)).second.iso() == "2024-06");
  CHECK(bimonth_of(Month::of(2025, 1)).second.iso() == "2025-02");
}

}  // namespace duban
