// Calendar periods of recurring duties: days, ISO weeks (Monday to Sunday),
// months, bimonths (Jan–Feb, Mar–Apr, …), quarters, half years and years.
#pragma once

#include <vector>

#include "model/task_list.h"

namespace duban {

/// A closed range of days.
struct DateRange {
  Date first;
  Date last;
  bool contains(Date d) const { return d >= first && d <= last; }
  bool operator==(const DateRange&) const = default;
};

/// The period of kind `p` that contains `d`.
DateRange period_containing(Period p, Date d);

/// The periods a duty requires: those starting on or after `from` and
/// ending on or before `until`, in order; of a working-day duty, only the
/// working days of `calendar`.
std::vector<DateRange> required_periods(Period p, Date from, Date until,
                                        const WorkCalendar& calendar = WorkCalendar{});

/// The bimonth (Jan–Feb, …) containing month `m`: its two months.
std::pair<Month, Month> bimonth_of(Month m);

}  // namespace duban
