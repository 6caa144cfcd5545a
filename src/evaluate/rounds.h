// Reporting rounds (报送轮次): every month between reporting.first and
// reporting.last, progress is due on reporting.day, or the next working day
// (reporting.day_shift). Round M's window runs
// from the day after the previous report date to its own report date; the
// first round's window starts on the day the list was issued. The office's
// own decisions (已销号, 退回) dated in the reporting.settle_days days after
// R(M) still belong to round M. Also which rounds and ranking periods
// (bimonths) a command covers when asked for one month, for all of them or
// for the default.
// Rules: duban(5) STATUS RULES "Reporting rounds" and RANKING RULES "Who and
// when"; the defaults: duban(1) reconcile --month and rank --period.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "evaluate/as_of.h"
#include "model/entry.h"
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

/// R(M), the report date of month `m`: day reporting.day of `m` (its last
/// day when the month is shorter), moved to the next working day when
/// reporting.day_shift is next_workday and it is none. Any month, not
/// only [first, last].
Date report_date(const TaskList& list, Month m);

/// The round of month `m`; `m` must lie in [first, last].
Round reporting_round(const TaskList& list, Month m);

/// The round whose window holds `d`, by the report day alone: the month of
/// `d`, or the next one after the report day. Not limited to
/// [reporting.first, reporting.last].
Month month_reporting(const TaskList& list, Date d);

/// The round whose window holds entry `e` by its date, not limited to
/// [reporting.first, reporting.last]: for the office's 已销号 and 退回, the
/// reporting.settle_days after a report date still belong to that round.
Month month_of_entry(const TaskList& list, const Entry& e);

/// The last day on which an entry like `e` counts in `round`: its report
/// date for a unit's report, the end of the settle days (decisions_end) for
/// the office's 已销号 and 退回.
Date last_counting_day(const Round& round, const Entry& e);

/// The round entry `e` counts in: a unit's report in the round whose window
/// holds its date, the office's 已销号 and 退回 in the round whose decisions
/// they are (reporting.settle_days). Nothing when that is no round of the
/// list (before the list was issued, or after reporting.last's window).
std::optional<Month> entry_round(const TaskList& list, const Entry& e);

/// True when `m` lies in [reporting.first, reporting.last].
bool has_round(const TaskList& list, Month m);

/// The latest round whose report date is not after `today`, but never after
/// reporting.last; nothing before the first report date.
std::optional<Month> default_round_month(const TaskList& list, Date today);

/// The latest bimonth that has ended by `today` and overlaps the reporting
/// rounds, named by its second month; nothing when none has.
std::optional<Month> default_rank_month(const TaskList& list, Date today);

/// True when the bimonth containing `m` overlaps the reporting rounds and
/// ends by reporting.last: a bimonth whose second round is after
/// reporting.last has no reports to rank it on.
bool has_rank_period(const TaskList& list, Month m);

/// True when ranking.group names a group of the list.
bool has_ranking_group(const TaskList& list);

/// Why a command has no round or ranking period to cover.
enum class RoundChoiceError {
  kNoneYet,     ///< no month was given and none is due (or ended) by today
  kOutOfRange,  ///< the month given lies outside the reporting rounds
  kAllOver,     ///< no month was given and the last round's report date has passed
};

/// The months a command covers, in order, or why there are none.
struct RoundChoice {
  std::vector<Month> months;  ///< empty exactly when `error` is set
  std::optional<RoundChoiceError> error;
};

/// The rounds to report on: with `all`, every round from reporting.first
/// through the default one; else `month` when given, else the default one.
RoundChoice choose_rounds(const TaskList& list, std::optional<Month> month, bool all, Date today);

/// The round to remind of (催报): `month` when given, else the round whose
/// window holds `day` (the first, before the list's first window).
RoundChoice choose_reminder_round(const TaskList& list, std::optional<Month> month, Date day);

/// The ranking periods, each named by its second month: with `all`, every
/// bimonth from the one holding reporting.first through the default one;
/// else the one containing `month` when given, else the default one.
RoundChoice choose_rank_periods(const TaskList& list, std::optional<Month> month, bool all, Date today);

}  // namespace duban
