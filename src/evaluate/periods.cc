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
  switch (p) {
    case Period::kDay:
      return {d, d};
    case Period::kWeek: {
      const Date monday = d - (d.iso_weekday() - 1);
      return {monday, monday + 6};
    }
    case Period::kMonth:
      return months_containing(d, 1);
    case Period::kBimonth:
      return months_containing(d, 2);
    case Period::kQuarter:
      return months_containing(d, 3);
    case Period::kHalfYear:
      return months_containing(d, 6);
    case Period::kYear:
      return months_containing(d, 12);
  }
  return {d, d};
}

std::vector<DateRange> required_periods(Period p, Date from, Date until) {
  std::vector<DateRange> periods;
  for (DateRange r = period_containing(p, from); r.last <= until; r = period_containing(p, r.last + 1)) {
    if (r.first >= from) periods.push_back(r);
  }
  return periods;
}

std::pair<Month, Month> bimonth_of(Month m) {
  const Month first = Month::of(m.year(), (m.month() - 1) / 2 * 2 + 1);
  return {first, first + 1};
}

}  // namespace duban
