// Reporting rounds (报送轮次): every month between reporting.first and
// reporting.last, progress is due on reporting.day. Round M's window runs
// from the day after the previous report date to its own report date; the
// first round's window starts on the day the list was issued.
#pragma once

#include <optional>
#include <string>

#include "model/task_list.h"

namespace duban {

/// One month's reporting round.
struct Round {
  Month month;
  Date report_date;   ///< R(M)
  Date window_start;  ///< first day that counts for this round
};

/// The round of month `m`; `m` must lie in [first, last].
Round reporting_round(const TaskList& list, Month m);

/// True when `m` lies in [reporting.first, reporting.last].
bool has_round(const TaskList& list, Month m);

/// The latest round whose report date is not after `today`, but never after
/// reporting.last; nothing before the first report date.
std::optional<Month> default_round_month(const TaskList& list, Date today);

}  // namespace duban
