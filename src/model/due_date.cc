#include "model/due_date.h"

#include <cctype>

namespace duban {
namespace {

bool take_prefix(std::string_view& text, std::string_view prefix) {
  if (text.substr(0, prefix.size()) != prefix) return false;
  text.remove_prefix(prefix.size());
  return true;
}

std::optional<int> take_digits(std::string_view& text, size_t min_digits, size_t max_digits) {
  size_t n = 0;
  int value = 0;
  while (n < text.size() && n < max_digits && std::isdigit(static_cast<unsigned char>(text[n]))) {
    value = value * 10 + (text[n] - '0');
    ++n;
  }
  if (n < min_digits) return std::nullopt;
  text.remove_prefix(n);
  return value;
}

// 2024年6月[底][前] or 2024年6月30日[前]
std::optional<Date> parse_chinese(std::string_view rest) {
  const auto year = take_digits(rest, 4, 4);
  if (!year || *year < kMinYear || *year > kMaxYear || !take_prefix(rest, "年")) return std::nullopt;
  const auto month = take_digits(rest, 1, 2);
  if (!month || *month < 1 || *month > 12 || !take_prefix(rest, "月")) return std::nullopt;
  if (rest.empty() || rest == "前" || rest == "底前" || rest == "底") {
    return Month::of(*year, *month).last_day();
  }
  const auto day = take_digits(rest, 1, 2);
  if (!day || !take_prefix(rest, "日")) return std::nullopt;
  if (!rest.empty() && rest != "前") return std::nullopt;
  return Date::from_ymd(*year, *month, *day);
}

}  // namespace

std::optional<DueDate> parse_due_date(std::string_view text) {
  std::optional<Date> date;
  if (text.find("年") != std::string_view::npos) {
    date = parse_chinese(text);
  } else if (auto day = parse_iso_date(text)) {
    date = day;
  } else if (auto month = parse_iso_month(text)) {
    date = month->last_day();
  }
  if (!date) return std::nullopt;
  return DueDate{*date, std::string(text)};
}

std::optional<Date> parse_start_date(std::string_view text) {
  const auto due = parse_due_date(text);
  if (!due) return std::nullopt;
  const bool names_day = text.find("日") != std::string_view::npos || parse_iso_date(text).has_value();
  return names_day ? due->date : Month::containing(due->date).first_day();
}

}  // namespace duban
