#include "model/date.h"

#include <cctype>
#include <charconv>

namespace duban {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days algorithms.
int days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Civil {
  int year, month, day;
};

Civil civil_from_days(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp + (mp < 10 ? 3 : -9);
  return {yoe + era * 400 + (m <= 2), m, d};
}

// `value` as decimal digits, zero-padded to `width`.
std::string padded(int value, size_t width) {
  std::string digits = std::to_string(value);
  return std::string(digits.size() < width ? width - digits.size() : 0, '0') + digits;
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Reads 1..max_digits ASCII digits from the front of `text`.
std::optional<int> take_number(std::string_view& text, int max_digits) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  const auto used = end - text.data();
  if (ec != std::errc() || used == 0 || used > max_digits || text[0] == '-' || text[0] == '+') {
    return std::nullopt;
  }
  text.remove_prefix(used);
  return value;
}

bool take_char(std::string_view& text, char c) {
  if (text.empty() || text[0] != c) return false;
  text.remove_prefix(1);
  return true;
}

}  // namespace

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

std::optional<Date> Date::from_ymd(int year, int month, int day) {
  if (year < kMinYear || year > kMaxYear || month < 1 || month > 12 || day < 1 ||
      day > days_in_month(year, month)) {
    return std::nullopt;
  }
  return from_days(days_from_civil(year, month, day));
}

int Date::year() const { return civil_from_days(days_).year; }
int Date::month() const { return civil_from_days(days_).month; }
int Date::day() const { return civil_from_days(days_).day; }
int Date::iso_weekday() const {
  // 1970-01-01 was a Thursday (4).
  const int r = ((days_ + 3) % 7 + 7) % 7;
  return r + 1;
}

std::string Date::iso() const {
  const Civil c = civil_from_days(days_);
  return padded(c.year, 4) + "-" + padded(c.month, 2) + "-" + padded(c.day, 2);
}

Date Month::first_day() const { return Date::from_days(days_from_civil(year(), month(), 1)); }
Date Month::last_day() const {
  return Date::from_days(days_from_civil(year(), month(), days_in_month(year(), month())));
}
Date Month::day_clamped(int day) const {
  const int last = days_in_month(year(), month());
  return Date::from_days(days_from_civil(year(), month(), day < 1 ? 1 : day < last ? day : last));
}

std::string Month::iso() const { return padded(year(), 4) + "-" + padded(month(), 2); }

std::optional<Date> parse_iso_date(std::string_view text) {
  std::string_view rest = text;
  if (rest.size() < 4 || !std::isdigit(static_cast<unsigned char>(rest[0]))) return std::nullopt;
  const auto y = take_number(rest, 4);
  if (!y || !take_char(rest, '-')) return std::nullopt;
  const auto m = take_number(rest, 2);
  if (!m || !take_char(rest, '-')) return std::nullopt;
  const auto d = take_number(rest, 2);
  if (!d || !rest.empty()) return std::nullopt;
  return Date::from_ymd(*y, *m, *d);
}

std::optional<Month> parse_iso_month(std::string_view text) {
  std::string_view rest = text;
  const auto y = take_number(rest, 4);
  if (!y || *y < kMinYear || *y > kMaxYear || !take_char(rest, '-')) return std::nullopt;
  const auto m = take_number(rest, 2);
  if (!m || *m < 1 || *m > 12 || !rest.empty()) return std::nullopt;
  return Month::of(*y, *m);
}

std::optional<int> year_out_of_range(std::string_view text) {
  size_t n = 0;
  long long year = 0;
  while (n < text.size() && n < 9 && std::isdigit(static_cast<unsigned char>(text[n]))) {
    year = year * 10 + (text[n] - '0');
    ++n;
  }
  const std::string_view rest = text.substr(n);
  if (n == 0 || (rest.substr(0, 1) != "-" && rest.substr(0, 3) != "年")) return std::nullopt;
  if (year >= kMinYear && year <= kMaxYear) return std::nullopt;
  return static_cast<int>(year);
}

}  // namespace duban
