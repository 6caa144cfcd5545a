#include "evaluate/reconcile.h"

#include "evaluate/status_timeline.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace duban {
namespace {

// The units with an entry on `task` that counts for the round: dated in the
// window and counting as of `as_of` (the office's decisions up to R+S).
std::unordered_set<Name, NameAddressHash> reported_in(const Workspace& ws, const std::string& task, Date from,
                                                      AsOf as_of) {
  std::unordered_set<Name, NameAddressHash> units;
  const std::vector<const Entry*>& entries = ws.entries_of(task);  // in date order
  auto e =
      std::partition_point(entries.begin(), entries.end(), [&](const Entry* e) { return e->date < from; });
  for (; e != entries.end() && (*e)->date <= as_of.decisions; ++e) {
    if (as_of.counts((*e)->date, is_office_action((*e)->status))) units.insert((*e)->unit);
  }
  return units;
}

}  // namespace

bool owes_reports(const TaskList& list, const std::string& unit) {
  // Few units are silent: the flag is tested before the name.
  return std::none_of(list.units.begin(), list.units.end(),
                      [&](const Unit& u) { return !u.reports && u.name == unit; });
}

bool reporting_closed(const Round& round, Date as_of) { return as_of >= round.report_date; }

RoundReporting round_reporting(const Workspace& ws, const Task& task, const Round& round, Date as_of) {
  StatusTimeline timeline(ws);
  return round_reporting(timeline, task, round, as_of);
}

RoundReporting round_reporting(StatusTimeline& timeline, const Task& task, const Round& round, Date as_of) {
  // duban(5) STATUS RULES, Reporting rounds: who owes is decided by the
  // shares open at the start of the window, that is, as of the day before it.
  RoundReporting r;
  const TaskStatus before = timeline.shares(task, {round.window_start - 1, round.decisions_start - 1});
  if (before.state == TaskState::kClosed) return r;
  const AsOf counted = round_as_of(round, std::min(round.report_date, as_of));
  const std::unordered_set<Name, NameAddressHash> reported =
      reported_in(timeline.workspace(), task.id, round.window_start, counted);
  for (const ShareStatus& s : before.shares) {
    if (s.state == ShareState::kDone || !owes_reports(timeline.workspace().list, s.unit)) continue;
    r.owed.push_back(s.unit);
    if (reported.count(s.unit) == 0) r.missing.push_back(s.unit);
  }
  return r;
}

namespace {

// With `last`, each task's replay is dropped once its row is made: no later
// round goes on from it, and a district's tasks hold a million shares.
Reconciliation reconcile_round(StatusTimeline& timeline, Month m, Date as_of, bool last) {
  // duban(5) STATUS RULES, The reconciliation.
  const Workspace& ws = timeline.workspace();
  Reconciliation rec;
  rec.round = reporting_round(ws.list, m);
  rec.as_of = as_of;
  rec.rejected = rejected_through(ws, m);
  rec.sample = ws.sample;
  rec.final = reporting_closed(rec.round, as_of);
  // Who owes is judged as of the window's start, before the status as of
  // `as_of`: the timeline only goes forward. The ledger's texts are this
  // round's: older texts would pass for news.
  const AsOf status_as_of = round_as_of(rec.round, as_of);
  for (const Task* task : timeline.tasks_in_id_order()) {
    RoundReporting reporting = round_reporting(timeline, *task, rec.round, as_of);
    rec.ledger.push_back({timeline.task(*task, status_as_of, rec.round.window_start), std::move(reporting)});
    if (last) timeline.release(*task);
  }
  for (size_t i = 0; i < rec.ledger.size(); ++i) {
    const TaskStatus& t = rec.task(i);
    ++rec.counts[static_cast<size_t>(t.state)];
    if (t.state == TaskState::kClosed && t.close_date && *t.close_date >= rec.round.decisions_start &&
        *t.close_date <= rec.round.decisions_end) {
      rec.closed_this_month.push_back(i);
    }
    if (t.state == TaskState::kOverdue) rec.overdue.push_back({i, t.open_units()});
    for (const Name& unit : rec.ledger[i].reporting.missing) rec.missing_reports.push_back({unit, i});
  }
  // Tasks are already in id order; a stable sort by unit keeps it within a
  // unit. By keys: a round may miss a million reports.
  std::unordered_map<Name, int, NameAddressHash> position;  // unit_index() of each unit, looked up once
  std::vector<std::pair<int, uint32_t>> keys;
  keys.reserve(rec.missing_reports.size());
  for (uint32_t i = 0; i < rec.missing_reports.size(); ++i) {
    const Name& unit = rec.missing_reports[i].unit;
    auto [it, added] = position.try_emplace(unit, 0);
    if (added) it->second = ws.list.unit_index(unit);
    keys.emplace_back(it->second, i);
  }
  std::sort(keys.begin(), keys.end());
  std::vector<MissingReport> sorted;
  sorted.reserve(keys.size());
  for (const auto& [unit, i] : keys) sorted.push_back(rec.missing_reports[i]);
  rec.missing_reports = std::move(sorted);
  return rec;
}

}  // namespace

void reconcile(const Workspace& ws, std::span<const RoundQuery> rounds,
               const std::function<void(const Reconciliation&)>& each) {
  StatusTimeline timeline(ws);
  for (size_t i = 0; i < rounds.size(); ++i) {
    each(reconcile_round(timeline, rounds[i].month, rounds[i].as_of, i + 1 == rounds.size()));
  }
}

Reconciliation reconcile(const Workspace& ws, Month m, Date as_of) {
  StatusTimeline timeline(ws);
  return reconcile_round(timeline, m, as_of, true);
}

}  // namespace duban
