#include "evaluate/periods.h"

namespace duban {
namespace {

// The months-long period of `length` months containing `d`, aligned to January.
DateRange months_containing(Date d, int length) {
  const Month m = Month::containing(d);
  const Month first = Month::of(m.year(), (m.month() - 1) / length * length + 1);
  return {first.first_day(), (first + (length - 1)).last_day()};
}

}  // namespace

DateRange period_containing(Period p, Date d) {
  const PeriodInfo& info = period_info(p);
  if (info.months > 0) return months_containing(d, info.months);
  // Days and ISO weeks (Monday to Sunday).
  const Date first = info.days == 7 ? d - (d.iso_weekday() - 1) : d;
  return {first, first + (info.days - 1)};
}

std::vector<DateRange> required_periods(Period p, Date from, Date until, const WorkCalendar& calendar) {
  std::vector<DateRange> periods;
  for (DateRange r = period_containing(p, from); r.last <= until; r = period_containing(p, r.last + 1)) {
    if (p == Period::kWorkday && !calendar.is_workday(r.first)) continue;
    if (r.first >= from) periods.push_back(r);
  }
  return periods;
}

std::pair<Month, Month> bimonth_of(Month m) {
  const Month first = Month::of(m.year(), (m.month() - 1) / 2 * 2 + 1);
  return {first, first + 1};
}

}  // namespace duban
