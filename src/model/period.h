// Calendar periods of recurring duties (常态化工作), in one table: the code
// tasks.yaml uses, the words the reports use, and the length of a period.
#pragma once

#include <optional>
#include <string_view>

namespace duban {

/// Calendar period of a recurring duty.
enum class Period { kDay, kWorkday, kWeek, kMonth, kBimonth, kQuarter, kHalfYear, kYear };

/// What duban knows of one kind of period.
struct PeriodInfo {
  Period period;
  const char* code;   ///< as written in tasks.yaml: day, week, month, ...
  const char* label;  ///< as the reports say it: 每日, 每周, 每月, ...
  int days;           ///< length in days for day, workday and week, else 0
  int months;         ///< length in months, aligned to January, else 0
};

/// Every period, shortest first.
inline constexpr PeriodInfo kPeriods[] = {
    {Period::kDay, "day", "每日", 1, 0},
    {Period::kWorkday, "workday", "每个工作日", 1, 0},
    {Period::kWeek, "week", "每周", 7, 0},
    {Period::kMonth, "month", "每月", 0, 1},
    {Period::kBimonth, "bimonth", "每双月", 0, 2},
    {Period::kQuarter, "quarter", "每季度", 0, 3},
    {Period::kHalfYear, "halfyear", "每半年", 0, 6},
    {Period::kYear, "year", "每年", 0, 12},
};

/// The row of `p` in kPeriods.
constexpr const PeriodInfo& period_info(Period p) { return kPeriods[static_cast<int>(p)]; }

/// The code of a Period as written in tasks.yaml (week, quarter, ...).
constexpr const char* period_code(Period p) { return period_info(p).code; }

/// The period written `code` in tasks.yaml, or nothing.
std::optional<Period> parse_period_code(std::string_view code);

}  // namespace duban
