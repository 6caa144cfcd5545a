// Calendar dates and months as plain values. A Date is a day number counted
// from 1970-01-01 in the proleptic Gregorian calendar, so date arithmetic is
// integer arithmetic and nothing depends on the time zone or the locale.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace duban {

/// The first and last year duban reads: every date, month and deadline in the
/// input must lie in 1900-01-01..2999-12-31.
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2999;

/// A calendar day.
class Date {
 public:
  constexpr Date() = default;
  /// The day with this number, counted from 1970-01-01 (day 0).
  static constexpr Date from_days(int days) {
    Date d;
    d.days_ = days;
    return d;
  }
  /// The given day, or nothing when it does not exist (2024-02-30) or its
  /// year is outside kMinYear..kMaxYear.
  static std::optional<Date> from_ymd(int year, int month, int day);

  int days() const { return days_; }
  int year() const;
  int month() const;
  int day() const;
  /// 1 = Monday ... 7 = Sunday.
  int iso_weekday() const;

  /// ISO 8601 text: 2024-06-30.
  std::string iso() const;

  Date operator+(int n) const { return from_days(days_ + n); }
  Date operator-(int n) const { return from_days(days_ - n); }
  int operator-(Date other) const { return days_ - other.days_; }
  auto operator<=>(const Date&) const = default;

 private:
  int days_ = 0;
};

/// A calendar month (2024-06).
class Month {
 public:
  constexpr Month() = default;
  static constexpr Month from_index(int index) {
    Month m;
    m.index_ = index;
    return m;
  }
  static Month of(int year, int month) { return from_index(year * 12 + month - 1); }
  static Month containing(Date d) { return of(d.year(), d.month()); }

  int index() const { return index_; }
  int year() const { return (index_ >= 0 ? index_ : index_ - 11) / 12; }
  int month() const { return index_ - year() * 12 + 1; }
  // Defined for every month, also outside kMinYear..kMaxYear, so that month
  // arithmetic near the ends of the range never meets an empty optional.
  Date first_day() const;
  Date last_day() const;
  /// Day `day` of this month, or its last day when the month is shorter.
  Date day_clamped(int day) const;
  /// 2024-06
  std::string iso() const;

  Month operator+(int n) const { return from_index(index_ + n); }
  Month operator-(int n) const { return from_index(index_ - n); }
  int operator-(Month other) const { return index_ - other.index_; }
  auto operator<=>(const Month&) const = default;

 private:
  int index_ = 0;
};

/// Number of days in a month (1..12) of a year.
int days_in_month(int year, int month);

/// Parses 2024-06-08 (also 2024-6-8). Nothing when malformed or not a real day.
std::optional<Date> parse_iso_date(std::string_view text);

/// Parses 2024-06 (also 2024-6). Nothing when malformed or the year is out of
/// range.
std::optional<Month> parse_iso_month(std::string_view text);

/// The year a date, month or deadline text starts with (the digits before the
/// first `-` or `年`), when it lies outside kMinYear..kMaxYear; nothing
/// otherwise. Tells "year out of range" from "malformed" in messages.
std::optional<int> year_out_of_range(std::string_view text);

}  // namespace duban
