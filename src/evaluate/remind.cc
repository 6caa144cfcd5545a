#include "evaluate/remind.h"

namespace duban {

RemindReport build_reminders(const Reconciliation& rec, const WorkCalendar& calendar) {
  // duban(5) STATUS RULES, Reminders: what the reconciliation would list as
  // missing, told before the day is over.
  RemindReport r;
  r.round = rec.round;
  r.as_of = rec.as_of;
  // On the report day itself a reminder still helps: the day is not over.
  r.closed = rec.as_of > rec.round.report_date;
  r.sample = rec.sample;
  if (!r.closed) r.workdays_left = calendar.workdays_between(rec.as_of, rec.round.report_date);
  for (const MissingReport& m : rec.missing_reports) {  // by unit, then task id
    if (r.units.empty() || r.units.back().unit != m.unit) r.units.push_back({m.unit, {}});
    r.units.back().owed.push_back(rec.task(m.task).task);
  }
  return r;
}

}  // namespace duban
