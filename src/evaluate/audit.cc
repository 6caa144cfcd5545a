#include "evaluate/audit.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "evaluate/rounds.h"

namespace duban {

bool commit_date_plausible(const TaskList& list, const CommitInfo& commit, Date today) {
  return commit.date && *commit.date >= list.issued && *commit.date <= today;
}

void date_by_record(Workspace& ws, const History& history, Date today) {
  std::map<std::tuple<std::string, std::string, Date>, Date>
      first;  // unit, task, date -> first commit's date
  for (const EntryEvent& ev : history.events) {
    if (ev.commit < 0 || !ev.after) continue;
    const Entry& e = *ev.after;
    // A date the commit cannot vouch for proves nothing: as if uncommitted.
    const CommitInfo& c = history.commits[static_cast<size_t>(ev.commit)];
    first.emplace(std::make_tuple(e.unit, e.task, e.date),
                  commit_date_plausible(ws.list, c, today) ? *c.date : today);
  }
  for (Entry& e : ws.entries) {
    const auto it = first.find(std::make_tuple(e.unit, e.task, e.date));
    const Date recorded = it == first.end() ? today : it->second;
    if (recorded > e.date) e.date = recorded;
  }
  std::stable_sort(ws.entries.begin(), ws.entries.end(), entry_before);
  ws.entries_changed();
}

std::vector<EntryField> changed_fields(const Entry& a, const Entry& b) {
  std::vector<EntryField> out;
  if (a.status != b.status) out.push_back(EntryField::kStatus);
  if (a.percent != b.percent) out.push_back(EntryField::kPercent);
  if (a.progress != b.progress) out.push_back(EntryField::kProgress);
  if (a.problems != b.problems) out.push_back(EntryField::kProblems);
  if (a.next != b.next) out.push_back(EntryField::kNext);
  if (a.metrics != b.metrics) out.push_back(EntryField::kMetrics);
  if (a.milestones != b.milestones) out.push_back(EntryField::kMilestones);
  if (a.held != b.held) out.push_back(EntryField::kHeld);
  return out;
}

// duban(1) audit: an entry of round M is late (补录) when the commit that
// first holds it is dated after R(M) (the office's decisions: after R(M) +
// reporting.settle_days); a change or removal counts after the commit that
// last wrote reports/<M>/reconcile.md, or without one after R(M). Whatever
// a commit with an implausible date did to an entry of the round is shown
// as such (提交日期异常), since its date says nothing.
std::vector<AuditRow> audit_round(const TaskList& list, const History& history, Month m, Date today) {
  const Round round = reporting_round(list, m);
  const auto reconciled = history.reconciled.find(m);
  const auto after_reconcile = [&](int commit) {
    if (reconciled != history.reconciled.end()) return commit > reconciled->second;
    return *history.commits[commit].date > round.report_date;
  };
  std::vector<AuditRow> rows;
  for (const EntryEvent& ev : history.events) {
    const Entry& e = ev.entry();
    if (entry_round(list, e) != m) continue;
    AuditRow row;
    row.round = m;
    row.event = &ev;
    if (ev.before && ev.after) row.changed = changed_fields(*ev.before, *ev.after);
    if (ev.commit >= 0 && !commit_date_plausible(list, history.commits[ev.commit], today)) {
      row.kind = AuditKind::kOddCommitDate;
      rows.push_back(std::move(row));
      continue;
    }
    switch (ev.kind) {
      case EntryEvent::Kind::kUncommitted:
        row.kind = AuditKind::kUncommitted;
        break;
      case EntryEvent::Kind::kAdded: {
        if (*history.commits[ev.commit].date > last_counting_day(round, e)) {
          row.kind = AuditKind::kLate;
        } else if (after_reconcile(ev.commit)) {
          row.kind = AuditKind::kChangedAfterReconcile;
        } else {
          continue;
        }
        break;
      }
      case EntryEvent::Kind::kChanged:
        if (!after_reconcile(ev.commit)) continue;
        row.kind = AuditKind::kChangedAfterReconcile;
        break;
      case EntryEvent::Kind::kRemoved:
        if (!after_reconcile(ev.commit)) continue;
        row.kind = AuditKind::kRemovedAfterReconcile;
        break;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace duban
