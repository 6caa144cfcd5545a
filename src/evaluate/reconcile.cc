#include "evaluate/reconcile.h"

#include <algorithm>

namespace duban {
namespace {

// Whether `unit` has an entry on `task` that counts for the round: dated in
// the window and counting as of `as_of` (the office's decisions up to R+S).
bool reported_in(const std::vector<Entry>& entries, const std::string& unit, const std::string& task,
                 Date from, AsOf as_of) {
  return std::any_of(entries.begin(), entries.end(), [&](const Entry& e) {
    return e.unit == unit && e.task == task && e.date >= from &&
           as_of.counts(e.date, is_office_action(e.status));
  });
}

}  // namespace

RoundReporting round_reporting(const Workspace& ws, const Task& task, const Round& round, Date as_of) {
  // duban(5) STATUS RULES, Reporting rounds: who owes is decided by the
  // shares open at the start of the window, that is, as of the day before it.
  RoundReporting r;
  const TaskStatus before = evaluate_shares(ws, task, {round.window_start - 1, round.decisions_start - 1});
  if (before.state == TaskState::kClosed) return r;
  const AsOf counted = round_as_of(round, std::min(round.report_date, as_of));
  for (const ShareStatus& s : before.shares) {
    if (s.state == ShareState::kDone) continue;
    r.owed.push_back(s.unit);
    if (!reported_in(ws.entries, s.unit, task.id, round.window_start, counted)) r.missing.push_back(s.unit);
  }
  return r;
}

Reconciliation reconcile(const Workspace& ws, Month m, Date as_of) {
  // duban(5) STATUS RULES, The reconciliation.
  Reconciliation rec;
  rec.round = reporting_round(ws.list, m);
  rec.as_of = as_of;
  rec.rejected = rejected_through(ws, m);
  rec.sample = ws.sample;
  // The ledger's texts are this round's: older texts would pass for news.
  StatusReport status = evaluate_status(ws, round_as_of(rec.round, as_of), rec.round.window_start);
  for (TaskStatus& t : status.tasks) {
    RoundReporting reporting = round_reporting(ws, *t.task, rec.round, as_of);
    rec.ledger.push_back({std::move(t), std::move(reporting)});
  }
  for (size_t i = 0; i < rec.ledger.size(); ++i) {
    const TaskStatus& t = rec.task(i);
    ++rec.counts[static_cast<size_t>(t.state)];
    if (t.state == TaskState::kClosed && t.close_date && *t.close_date >= rec.round.decisions_start &&
        *t.close_date <= rec.round.decisions_end) {
      rec.closed_this_month.push_back(i);
    }
    if (t.state == TaskState::kOverdue) rec.overdue.push_back({i, t.open_units()});
    for (const std::string& unit : rec.ledger[i].reporting.missing) rec.missing_reports.push_back({unit, i});
  }
  // Tasks are already in id order; a stable sort by unit keeps it within a unit.
  std::stable_sort(rec.missing_reports.begin(), rec.missing_reports.end(),
                   [&](const MissingReport& a, const MissingReport& b) {
                     return ws.list.unit_index(a.unit) < ws.list.unit_index(b.unit);
                   });
  return rec;
}

}  // namespace duban
