// Reporting rounds (报送轮次): every month between reporting.first and
// reporting.last, progress is due on reporting.day. Round M's window runs
// from the day after the previous report date to its own report date; the
// first round's window starts on the day the list was issued. The office's
// own decisions (已销号, 退回) dated in the reporting.settle_days days after
// R(M) still belong to round M. The rules are those of duban(5), STATUS
// RULES, Reporting rounds.
#pragma once

#include <optional>
#include <string>

#include "evaluate/as_of.h"
#include "model/task_list.h"

namespace duban {

/// One month's reporting round.
struct Round {
  Month month;
  Date report_date;      ///< R(M)
  Date window_start;     ///< first day that counts for this round
  Date decisions_start;  ///< first day of the office's decisions that belong to this round
  Date decisions_end;    ///< R(M) plus reporting.settle_days
};

/// What counts in round `round` as of `as_of`: the office's decisions of
/// the round count once its report date has come.
AsOf round_as_of(const Round& round, Date as_of);

/// The round of month `m`; `m` must lie in [first, last].
Round reporting_round(const TaskList& list, Month m);

/// True when `m` lies in [reporting.first, reporting.last].
bool has_round(const TaskList& list, Month m);

/// The latest round whose report date is not after `today`, but never after
/// reporting.last; nothing before the first report date.
std::optional<Month> default_round_month(const TaskList& list, Date today);

}  // namespace duban
