#include "evaluate/rounds.h"

namespace duban {

Round reporting_round(const TaskList& list, Month m) {
  const Reporting& rep = list.reporting;
  const Date report_date = m.day_clamped(rep.day);
  const Date start = m == rep.first ? list.issued : (m - 1).day_clamped(rep.day) + 1;
  return {m, report_date, start};
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
