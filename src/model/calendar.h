// The working-day calendar (工作日): China's statutory holidays and adjusted
// working days (调休) for the years the State Council General Office has
// announced, as a table, with the days a work list adds or overrides. Other
// days, and every day of a year the table does not cover, are judged by the
// weekday: Monday to Friday work, Saturday and Sunday off.
#pragma once

#include <optional>
#include <set>
#include <string_view>
#include <vector>

#include "model/date.h"

namespace duban {

/// The working-day calendar of a work list: the statutory table plus the
/// days `tasks.yaml` lists under `calendar`.
struct WorkCalendar {
  std::set<Date> off;   ///< days off that the list adds (a local holiday)
  std::set<Date> work;  ///< working days that the list adds (a later year's 调休)

  /// True when `d` is a working day.
  bool is_workday(Date d) const;
  /// True when the statutory table, or a day the list gives, covers `year`.
  bool covers(int year) const;
  /// The `n`th working day after `d` (n >= 1); `d` itself does not count.
  Date nth_workday_after(Date d, int n) const;
  /// The number of working days from `first` to `last`, both included.
  int workdays_between(Date first, Date last) const;
};

/// The festivals a deadline may name: 元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆.
const std::vector<std::string_view>& festival_names();

/// The day of festival `name` in `year` (2024 中秋: 2024-09-17), from the
/// statutory table; nothing for a year the table lacks or another name.
std::optional<Date> festival_day(std::string_view name, int year);

/// The years the statutory table covers, in order.
std::vector<int> statutory_years();

/// True when the statutory table lists `d` as a holiday or a day off
/// around one.
bool is_statutory_holiday(Date d);

/// True when the statutory table lists `d` as an adjusted working day (a
/// Saturday or Sunday worked instead of a holiday).
bool is_adjusted_workday(Date d);

}  // namespace duban
