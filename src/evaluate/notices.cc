#include "evaluate/notices.h"

#include <algorithm>

namespace duban {
namespace {

bool names(const std::vector<Name>& units, const Name& unit) {
  return std::find(units.begin(), units.end(), unit) != units.end();
}

NoticeItem item_for(const Reconciliation& rec, size_t task, const std::string& unit) {
  const TaskStatus& t = rec.task(task);
  NoticeItem item{task, {}, t.reopened, {}};
  for (const ShareStatus& s : t.shares) {
    if (s.unit == unit && s.latest != nullptr) item.progress = s.latest->progress;
  }
  // A task sent back: the office's reason is what the unit must answer.
  if (t.reopened) {
    for (const Text* text :
         {&t.office_action->progress, &t.office_action->problems, &t.office_action->next}) {
      if (!text->empty()) item.reasons.push_back(text->str());
    }
  }
  return item;
}

}  // namespace

Date reply_deadline(const TaskList& list, const Round& round) {
  // duban(5) STATUS RULES, Supervision notices: working days when the list counts them.
  if (list.reporting.reply_workdays) {
    return list.calendar.nth_workday_after(round.report_date, *list.reporting.reply_workdays);
  }
  return round.report_date + list.reporting.reply_days;
}

NoticeReport build_notices(const TaskList& list, const Reconciliation& rec) {
  // duban(5) STATUS RULES, Supervision notices.
  NoticeReport report{reply_deadline(list, rec.round), {}};
  for (const Unit& unit : list.units) {
    // The office issues the notices; its own arrears show in the reconciliation.
    if (unit.name == list.reporting.office) continue;
    // A partner that owes no reports is not the office's to supervise.
    if (!owes_reports(list, unit.name)) continue;
    Notice n{unit.name, rec.round.report_date, report.reply_by, {}, {}, {}};
    const Name name(unit.name);
    for (const OverdueTask& o : rec.overdue) {
      if (names(o.units, name)) n.overdue.push_back(item_for(rec, o.task, unit.name));
    }
    for (size_t i = 0; i < rec.ledger.size(); ++i) {
      if (names(rec.ledger[i].reporting.missing, name)) n.missing.push_back(item_for(rec, i, unit.name));
    }
    for (const RejectedFile& r : rec.rejected) {
      if (r.unit == unit.name) n.rejected.push_back(r);
    }
    if (!n.overdue.empty() || !n.missing.empty() || !n.rejected.empty())
      report.notices.push_back(std::move(n));
  }
  return report;
}

}  // namespace duban
