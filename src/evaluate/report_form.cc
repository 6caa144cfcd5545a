#include "evaluate/report_form.h"

#include <algorithm>

#include "evaluate/reconcile.h"

namespace duban {
namespace {

bool is_member(const TaskList& list, const std::string& group, const std::string& unit) {
  const Group* g = list.find_group(group);
  return g != nullptr && std::find(g->members.begin(), g->members.end(), unit) != g->members.end();
}

// duban(5) GOAL RULES: a target is judged for the lead, or each member of `per`.
bool concerns(const TaskList& list, const Task& task, const std::optional<std::string>& per,
              const std::string& unit) {
  return per ? is_member(list, *per, unit) : list.lead_unit(task) == unit;
}

// The goals of `task` that `unit` reports on, as of `today`.
void add_goals(const Workspace& ws, const Task& task, const std::string& unit, Date today, FormRow& row) {
  const TaskList& list = ws.list;
  for (const Target& t : task.targets) {
    if (concerns(list, task, t.per, unit)) row.targets.push_back(&t);
  }
  const Goals goals = evaluate_goals(ws, task, today);
  for (const MilestoneStatus& m : goals.milestones) {
    const Milestone& milestone = *m.milestone;
    // Without `per` any owner may reach it, once; with it each member its own.
    const bool open = milestone.per ? std::find(m.pending.begin(), m.pending.end(), unit) != m.pending.end()
                                    : m.state != GoalState::kMet;
    if (open) row.milestones.push_back(&milestone);
  }
  for (const Duty& d : task.duties) {
    if (!d.per || is_member(list, *d.per, unit)) row.duties.push_back(&d);
  }
}

}  // namespace

std::optional<Month> next_round_month(const TaskList& list, Date today) {
  // The first round whose report date is today or later.
  Month m = month_reporting(list, today);
  if (m < list.reporting.first) m = list.reporting.first;
  if (m > list.reporting.last) return std::nullopt;
  return m;
}

Date default_fill_date(const Round& round, Date today) {
  return today >= round.window_start && today <= round.report_date ? today : round.report_date;
}

ReportForm build_report_form(const Workspace& ws, const std::string& unit, const Round& round, Date today) {
  ReportForm form{unit, round, default_fill_date(round, today), {}, {}};
  form.statuses = {EntryStatus::kNotStarted, EntryStatus::kInProgress, EntryStatus::kDone};
  if (unit == ws.list.reporting.office) {
    form.statuses.push_back(EntryStatus::kClosed);
    form.statuses.push_back(EntryStatus::kReopened);
  }
  std::vector<const Task*> tasks;
  for (const Task& t : ws.list.tasks) tasks.push_back(&t);
  std::stable_sort(tasks.begin(), tasks.end(),
                   [](const Task* a, const Task* b) { return task_id_less(a->id, b->id); });
  for (const Task* task : tasks) {
    const RoundReporting reporting = round_reporting(ws, *task, round, round.report_date);
    const bool owed = std::find(reporting.owed.begin(), reporting.owed.end(), unit) != reporting.owed.end();
    const TaskStatus now = evaluate_shares(ws, *task, today);
    const auto share = std::find_if(now.shares.begin(), now.shares.end(),
                                    [&](const ShareStatus& s) { return s.unit == unit; });
    if (share == now.shares.end()) continue;
    const bool open = share->state != ShareState::kDone && now.state != TaskState::kClosed;
    if (!owed && !open) continue;
    FormRow row{task, owed, share->state, std::nullopt, {}, {}, {}};
    if (share->state != ShareState::kNone) row.percent = share->percent;
    add_goals(ws, *task, unit, today, row);
    form.rows.push_back(std::move(row));
  }
  return form;
}

}  // namespace duban
