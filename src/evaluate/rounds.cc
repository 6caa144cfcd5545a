#include "evaluate/rounds.h"

namespace duban {

Round reporting_round(const TaskList& list, Month m) {
  const Reporting& rep = list.reporting;
  const Date report_date = m.day_clamped(rep.day);
  const Date start = m == rep.first ? list.issued : (m - 1).day_clamped(rep.day) + 1;
  const Date decisions_start = m == rep.first ? list.issued : start + rep.settle_days;
  return {m, report_date, start, decisions_start, report_date + rep.settle_days};
}

AsOf round_as_of(const Round& round, Date as_of) {
  if (as_of < round.report_date) return as_of;
  return {as_of, round.decisions_end};
}

bool has_round(const TaskList& list, Month m) {
  return m >= list.reporting.first && m <= list.reporting.last;
}

std::optional<Month> default_round_month(const TaskList& list, Date today) {
  Month m = Month::containing(today);
  if (m.day_clamped(list.reporting.day) > today) m = m - 1;
  if (m > list.reporting.last) m = list.reporting.last;
  if (m < list.reporting.first) return std::nullopt;
  return m;
}

}  // namespace duban
