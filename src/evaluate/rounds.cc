#include "evaluate/rounds.h"

#include <algorithm>

#include "evaluate/periods.h"

namespace duban {
namespace {

// What both choices share, once `asked` is known to be valid: the month
// asked for, else every month `step` apart from `first` through `latest`
// (all), else `latest`, the default.
RoundChoice choose(std::optional<Month> asked, bool all, std::optional<Month> latest, Month first, int step) {
  if (asked && !all) return {{*asked}, std::nullopt};
  if (!latest) return {{}, RoundChoiceError::kNoneYet};
  if (!all) return {{*latest}, std::nullopt};
  RoundChoice choice;
  for (Month m = first; m <= *latest; m = m + step) choice.months.push_back(m);
  return choice;
}

}  // namespace

Date report_date(const TaskList& list, Month m) {
  // duban(5) STATUS RULES, Reporting rounds.
  const Date day = m.day_clamped(list.reporting.day);
  if (list.reporting.day_shift == DayShift::kNone) return day;
  return list.calendar.nth_workday_after(day - 1, 1);
}

Round reporting_round(const TaskList& list, Month m) {
  const Reporting& rep = list.reporting;
  const Date r = report_date(list, m);
  const Date start = m == rep.first ? list.issued : report_date(list, m - 1) + 1;
  const Date decisions_start = m == rep.first ? list.issued : start + rep.settle_days;
  return {m, r, start, decisions_start, r + rep.settle_days};
}

AsOf round_as_of(const Round& round, Date as_of) {
  if (as_of < round.report_date) return as_of;
  return {as_of, round.decisions_end};
}

Month month_reporting(const TaskList& list, Date d) {
  // The first round whose report date is not before `d`: a report date
  // moved to the next working day may fall in the next month.
  Month m = Month::containing(d) - 1;
  while (report_date(list, m) < d) m = m + 1;
  return m;
}

Month month_of_entry(const TaskList& list, const Entry& e) {
  const int settle = is_office_action(e.status) ? list.reporting.settle_days : 0;
  return month_reporting(list, e.date - settle);
}

Date last_counting_day(const Round& round, const Entry& e) {
  return is_office_action(e.status) ? round.decisions_end : round.report_date;
}

std::optional<Month> entry_round(const TaskList& list, const Entry& e) {
  if (e.date < list.issued) return std::nullopt;
  const Month m = std::max(month_of_entry(list, e), list.reporting.first);
  if (m > list.reporting.last) return std::nullopt;
  return m;
}

bool has_round(const TaskList& list, Month m) {
  return m >= list.reporting.first && m <= list.reporting.last;
}

std::optional<Month> default_round_month(const TaskList& list, Date today) {
  Month m = Month::containing(today);
  while (report_date(list, m) > today) m = m - 1;  // twice at most, for a report date moved on
  if (m > list.reporting.last) m = list.reporting.last;
  if (m < list.reporting.first) return std::nullopt;
  return m;
}

bool has_rank_period(const TaskList& list, Month m) {
  const auto [first, second] = bimonth_of(m);
  return second >= list.reporting.first && second <= list.reporting.last;
}

std::optional<Month> default_rank_month(const TaskList& list, Date today) {
  // The bimonth before today's is the latest that has ended.
  Month m = bimonth_of(Month::containing(today)).second - 2;
  Month last = bimonth_of(list.reporting.last).second;
  if (last > list.reporting.last) last = last - 2;
  if (m > last) m = last;
  if (!has_rank_period(list, m)) return std::nullopt;
  return m;
}

bool has_ranking_group(const TaskList& list) { return list.find_group(list.ranking.group) != nullptr; }

RoundChoice choose_reminder_round(const TaskList& list, std::optional<Month> month, Date day) {
  if (month) {
    if (!has_round(list, *month)) return {{}, RoundChoiceError::kOutOfRange};
    return {{*month}, std::nullopt};
  }
  const Month m = std::max(month_reporting(list, day), list.reporting.first);
  if (m > list.reporting.last) return {{}, RoundChoiceError::kAllOver};
  return {{m}, std::nullopt};
}

RoundChoice choose_rounds(const TaskList& list, std::optional<Month> month, bool all, Date today) {
  if (month && !all && !has_round(list, *month)) return {{}, RoundChoiceError::kOutOfRange};
  return choose(month, all, default_round_month(list, today), list.reporting.first, 1);
}

RoundChoice choose_rank_periods(const TaskList& list, std::optional<Month> month, bool all, Date today) {
  if (month && !all && !has_rank_period(list, *month)) return {{}, RoundChoiceError::kOutOfRange};
  if (month) month = bimonth_of(*month).second;
  return choose(month, all, default_rank_month(list, today), bimonth_of(list.reporting.first).second, 2);
}

}  // namespace duban
