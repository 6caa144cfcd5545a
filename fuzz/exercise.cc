#include "exercise.h"

#include <set>

#include "evaluate/audit.h"
#include "evaluate/carry_over.h"
#include "evaluate/notices.h"
#include "evaluate/ranking.h"
#include "evaluate/reconcile.h"
#include "evaluate/report_form.h"
#include "evaluate/rounds.h"
#include "evaluate/shortfalls.h"
#include "evaluate/status.h"
#include "render/audit_render.h"
#include "render/carry_over_render.h"
#include "render/notices_render.h"
#include "render/progress_yaml.h"
#include "render/rank_render.h"
#include "render/reconcile_render.h"
#include "render/shortfalls_render.h"
#include "render/status_render.h"
#include "render/tasks_render.h"
#include "render/template_xlsx.h"

namespace duban::fuzz {
namespace {

constexpr Format kFormats[] = {Format::kText, Format::kMarkdown, Format::kCsv, Format::kJson};

// A few months of the list's rounds: a list may span centuries, and each
// round costs as much as the whole list. The ends, and the ones the commands
// choose without --month.
std::set<Month> sample_months(const TaskList& list, Date today) {
  std::set<Month> months = {list.reporting.first, list.reporting.last};
  if (auto m = default_round_month(list, today)) months.insert(*m);
  if (auto m = default_rank_month(list, today)) months.insert(*m);
  return months;
}

// The workbooks cost several times the other formats together (a zip of a
// dozen parts): each input renders each of them for one month only. Both
// return whether the month had a round or period.
bool reconcile_round(const Workspace& ws, Month month, bool workbook) {
  const TaskList& list = ws.list;
  if (!has_round(list, month)) return false;
  const Reconciliation rec = reconcile(ws, month, reporting_round(list, month).report_date);
  for (Format f : {Format::kMarkdown, Format::kCsv, Format::kJson}) render_reconciliation(list, rec, f);
  if (workbook) render_reconciliation(list, rec, Format::kXlsx);
  const NoticeReport notices = build_notices(list, rec);
  render_notices(list, rec, notices, Format::kMarkdown);
  render_notices(list, rec, notices, Format::kJson);
  for (const Notice& n : notices.notices) render_notice(list, rec, n);
  return true;
}

bool rank_period(const Workspace& ws, Month month, bool workbook) {
  if (!has_ranking_group(ws.list) || !has_rank_period(ws.list, month)) return false;
  const RankReport report = rank_units(ws, month);
  for (Format f : kFormats) render_rank(ws.list, report, f);
  if (workbook) render_rank(ws.list, report, Format::kXlsx);
  return true;
}

}  // namespace

void exercise(const Workspace& ws, Date today) {
  const TaskList& list = ws.list;
  for (Format f : kFormats) render_tasks(list, f);
  const StatusReport status = evaluate_status(ws, today);
  for (Format f : kFormats) render_status(list, status, f, TextStyle{true});
  for (const TaskStatus& t : status.tasks) render_task_detail(list, t, TextStyle{false});
  bool reconcile_book = true, rank_book = true;
  for (const Month m : sample_months(list, today)) {
    if (reconcile_round(ws, m, reconcile_book)) reconcile_book = false;
    if (rank_period(ws, m, rank_book)) rank_book = false;
  }
  shortfall_warnings(settled_shortfalls(ws, today));
}

void write_documents(const Workspace& ws, Date today) {
  const TaskList& list = ws.list;
  constexpr int kNarrow = 40;  // columns: tables are fitted, titles cut
  render_tasks(list, Format::kText, kNarrow);
  render_status(list, evaluate_status(ws, today), Format::kText, TextStyle{false, kNarrow});
  const std::optional<Month> month = next_round_month(list, today);
  if (month) {
    // The forms are workbooks: a few units' only, the first and the last.
    const Round round = reporting_round(list, *month);
    std::vector<const Unit*> units;
    if (!list.units.empty()) units = {&list.units.front(), &list.units.back()};
    for (const Unit* u : units) {
      const ReportForm form = build_report_form(ws, u->name, round, today);
      render_template_yaml(form, list);
      render_template_xlsx(form, list);
    }
    if (has_ranking_group(list) && has_rank_period(list, *month)) {
      render_rank(list, rank_units(ws, *month), Format::kText, kNarrow);
    }
  }
  render_carry_over(list, carry_over(ws));
  // A history in which each entry was committed on its own day, by its unit.
  History history;
  for (const Entry& e : ws.entries) {
    history.commits.push_back({std::string(40, 'a'), e.unit, "党政综合办公室", e.date.iso(), e.date});
    EntryEvent ev;
    ev.commit = static_cast<int>(history.commits.size()) - 1;
    ev.after = e;
    history.events.push_back(std::move(ev));
  }
  for (const Month m : sample_months(list, today)) {
    if (!has_round(list, m)) continue;
    const std::vector<AuditRow> rows = audit_round(list, history, m, today);
    for (Format f : {Format::kMarkdown, Format::kCsv, Format::kJson})
      render_audit(list, history, reporting_round(list, m), rows, f);
  }
}

}  // namespace duban::fuzz
