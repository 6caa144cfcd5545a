// The clock: today's date where duban runs. The only place that reads it;
// everything else is given the day (--today stands in for it in tests).
#pragma once

namespace duban {

/// A calendar day in the local time zone.
struct LocalDay {
  int year;
  int month;  ///< 1..12
  int day;    ///< 1..31
};

/// Today in the local time zone.
LocalDay local_today();

}  // namespace duban
