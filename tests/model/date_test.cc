#include "model/date.h"

#include <doctest/doctest.h>

namespace duban {

TEST_CASE("iso dates parse only when the day exists") {
  struct Case {
    const char* text;
    const char* iso;  // nullptr: rejected
  };
  const Case cases[] = {
      {"2024-06-30", "2024-06-30"}, {"2024-6-8", "2024-06-08"}, {"2024-02-29", "2024-02-29"},
      {"2023-02-29", nullptr},      {"2024-02-30", nullptr},    {"2024-04-31", nullptr},
      {"2024-13-01", nullptr},      {"2024-00-10", nullptr},    {"2024-06", nullptr},
      {"2024/06/30", nullptr},      {"2024-06-30x", nullptr},   {"", nullptr},
      {"-2024-06-30", nullptr},     {"2100-02-29", nullptr},    {"2000-02-29", "2000-02-29"},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.text));
    const auto d = parse_iso_date(c.text);
    if (c.iso == nullptr) {
      CHECK_FALSE(d.has_value());
    } else {
      REQUIRE(d.has_value());
      CHECK(d->iso() == c.iso);
    }
  }
}

TEST_CASE("date arithmetic crosses months, years and leap days") {
  const Date feb28 = *Date::from_ymd(2024, 2, 28);
  CHECK((feb28 + 1).iso() == "2024-02-29");
  CHECK((feb28 + 2).iso() == "2024-03-01");
  CHECK((*Date::from_ymd(2024, 12, 31) + 1).iso() == "2025-01-01");
  CHECK(*Date::from_ymd(2024, 6, 30) - *Date::from_ymd(2024, 6, 10) == 20);
  CHECK(Date::from_days(0).iso() == "1970-01-01");
}

TEST_CASE("iso weekday: Monday is 1") {
  CHECK(Date::from_ymd(2024, 6, 3)->iso_weekday() == 1);  // a Monday
  CHECK(Date::from_ymd(2024, 6, 9)->iso_weekday() == 7);  // a Sunday
  CHECK(Date::from_ymd(1970, 1, 1)->iso_weekday() == 4);  // a Thursday
  CHECK(Date::from_ymd(1969, 12, 29)->iso_weekday() == 1);
}

TEST_CASE("months know their days and clamp the reporting day") {
  CHECK(Month::of(2024, 2).last_day().iso() == "2024-02-29");
  CHECK(Month::of(2023, 2).last_day().iso() == "2023-02-28");
  CHECK(Month::of(2024, 2).day_clamped(31).iso() == "2024-02-29");
  CHECK(Month::of(2024, 6).day_clamped(10).iso() == "2024-06-10");
  CHECK((Month::of(2024, 12) + 1).iso() == "2025-01");
  CHECK((Month::of(2025, 1) - 1).iso() == "2024-12");
  CHECK(Month::containing(*Date::from_ymd(2024, 5, 31)).iso() == "2024-05");
  CHECK(parse_iso_month("2024-05")->iso() == "2024-05");
  CHECK_FALSE(parse_iso_month("2024-13").has_value());
  CHECK_FALSE(parse_iso_month("2024-05-01").has_value());
}

TEST_CASE("dates, months and deadlines outside 1900..2999 are refused when parsed") {
  CHECK(parse_iso_date("1900-01-01").has_value());
  CHECK(parse_iso_date("2999-12-31").has_value());
  CHECK_FALSE(parse_iso_date("1899-12-31").has_value());
  CHECK_FALSE(parse_iso_date("3000-01-01").has_value());
  CHECK(parse_iso_month("2999-12").has_value());
  CHECK_FALSE(parse_iso_month("3000-01").has_value());  // the upper bound was missing
  CHECK_FALSE(parse_iso_month("9999-12").has_value());
  CHECK_FALSE(parse_iso_month("1899-12").has_value());
}

TEST_CASE("the year a date text gives, when it is out of range") {
  struct Case {
    const char* text;
    int year;  // 0: nothing (in range, or not a date)
  };
  const Case cases[] = {
      {"2024-06-30", 0},
      {"3000-01", 3000},
      {"1012年1月", 1012},
      {"0999-06-08", 999},
      {"12024-12-31", 12024},
      {"9999-12", 9999},
      {"八月底", 0},
      {"3000", 0},
      {"", 0},
      {"2999年12月", 0},
      {"1900-1-1", 0},
      {"-3000-01", 0},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.text));
    const auto year = year_out_of_range(c.text);
    CHECK(year.value_or(0) == c.year);
  }
}

TEST_CASE("months are whole at and beyond the ends of the range") {
  // Month arithmetic goes one past reporting.last: 2999-12 + 1.
  CHECK((Month::of(2999, 12) + 1).first_day().iso() == "3000-01-01");
  CHECK((Month::of(2999, 12) + 1).last_day().iso() == "3000-01-31");
  CHECK((Month::of(2999, 12) + 1).day_clamped(10).iso() == "3000-01-10");
  CHECK((Month::of(1900, 1) - 1).last_day().iso() == "1899-12-31");
  CHECK(Month::from_index(-1).year() == -1);
  CHECK(Month::from_index(-1).month() == 12);
  CHECK(Month::of(2024, 6).day_clamped(0).iso() == "2024-06-01");
}

}  // namespace duban
