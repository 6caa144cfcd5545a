#include "model/calendar.h"

#include <algorithm>

namespace duban {
namespace {

// A run of days off, both ends included, month and day of its year.
struct OffRun {
  int first_month, first_day, last_month, last_day;
};

// A day worked instead of a holiday.
struct WorkDay {
  int month, day;
};

// A festival's own day (中秋 is the 15th of the 8th lunar month), which
// its run of days off holds.
struct Festival {
  const char* name;
  int month, day;
};

// One year of the State Council General Office's holiday notice.
struct HolidayYear {
  int year;
  const char* source;
  std::vector<OffRun> off;
  std::vector<WorkDay> work;
  std::vector<Festival> festivals;
};

const std::vector<HolidayYear>& holiday_table() {
  static const std::vector<HolidayYear> table = {
      {2024,
       "国办发明电〔2023〕7号",
       {{1, 1, 1, 1},
        {2, 10, 2, 17},
        {4, 4, 4, 6},
        {5, 1, 5, 5},
        {6, 10, 6, 10},
        {9, 15, 9, 17},
        {10, 1, 10, 7}},
       {{2, 4}, {2, 18}, {4, 7}, {4, 28}, {5, 11}, {9, 14}, {9, 29}, {10, 12}},
       {{"元旦", 1, 1},
        {"春节", 2, 10},
        {"清明", 4, 4},
        {"劳动节", 5, 1},
        {"端午", 6, 10},
        {"中秋", 9, 17},
        {"国庆", 10, 1}}},
      {2025,
       "国办发明电〔2024〕12号",
       {{1, 1, 1, 1}, {1, 28, 2, 4}, {4, 4, 4, 6}, {5, 1, 5, 5}, {5, 31, 6, 2}, {10, 1, 10, 8}},
       {{1, 26}, {2, 8}, {4, 27}, {9, 28}, {10, 11}},
       {{"元旦", 1, 1},
        {"春节", 1, 29},
        {"清明", 4, 4},
        {"劳动节", 5, 1},
        {"端午", 5, 31},
        {"中秋", 10, 6},
        {"国庆", 10, 1}}},
      {2026,
       "国务院办公厅 2025年11月4日通知",
       {{1, 1, 1, 3},
        {2, 15, 2, 23},
        {4, 4, 4, 6},
        {5, 1, 5, 5},
        {6, 19, 6, 21},
        {9, 25, 9, 27},
        {10, 1, 10, 7}},
       {{1, 4}, {2, 14}, {2, 28}, {5, 9}, {9, 20}, {10, 10}},
       {{"元旦", 1, 1},
        {"春节", 2, 17},
        {"清明", 4, 5},
        {"劳动节", 5, 1},
        {"端午", 6, 19},
        {"中秋", 9, 25},
        {"国庆", 10, 1}}},
  };
  return table;
}

const HolidayYear* year_of(int year) {
  for (const HolidayYear& y : holiday_table()) {
    if (y.year == year) return &y;
  }
  return nullptr;
}

bool is_weekend(Date d) { return d.iso_weekday() >= 6; }

}  // namespace

const std::vector<std::string_view>& festival_names() {
  static const std::vector<std::string_view> names = {"元旦", "春节", "清明", "劳动节",
                                                      "端午", "中秋", "国庆"};
  return names;
}

std::optional<Date> festival_day(std::string_view name, int year) {
  const HolidayYear* y = year_of(year);
  if (y == nullptr) return std::nullopt;
  for (const Festival& f : y->festivals) {
    if (name == f.name) return Date::from_ymd(year, f.month, f.day);
  }
  return std::nullopt;
}

std::vector<int> statutory_years() {
  std::vector<int> years;
  for (const HolidayYear& y : holiday_table()) years.push_back(y.year);
  return years;
}

bool is_statutory_holiday(Date d) {
  const HolidayYear* y = year_of(d.year());
  if (y == nullptr) return false;
  const int key = d.month() * 100 + d.day();
  return std::any_of(y->off.begin(), y->off.end(), [&](const OffRun& r) {
    return key >= r.first_month * 100 + r.first_day && key <= r.last_month * 100 + r.last_day;
  });
}

bool is_adjusted_workday(Date d) {
  const HolidayYear* y = year_of(d.year());
  if (y == nullptr) return false;
  return std::any_of(y->work.begin(), y->work.end(),
                     [&](const WorkDay& w) { return w.month == d.month() && w.day == d.day(); });
}

bool WorkCalendar::is_workday(Date d) const {
  if (work.count(d) != 0) return true;
  if (off.count(d) != 0) return false;
  if (is_adjusted_workday(d)) return true;
  if (is_statutory_holiday(d)) return false;
  return !is_weekend(d);
}

bool WorkCalendar::covers(int year) const {
  if (year_of(year) != nullptr) return true;
  for (const std::set<Date>* days : {&off, &work}) {
    auto it = days->lower_bound(Month::of(year, 1).first_day());
    if (it != days->end() && it->year() == year) return true;
  }
  return false;
}

Date WorkCalendar::nth_workday_after(Date d, int n) const {
  Date day = d;
  for (int found = 0; found < n;) {
    day = day + 1;
    if (is_workday(day)) ++found;
  }
  return day;
}

int WorkCalendar::workdays_between(Date first, Date last) const {
  int n = 0;
  for (Date d = first; d <= last; d = d + 1) {
    if (is_workday(d)) ++n;
  }
  return n;
}

}  // namespace duban
