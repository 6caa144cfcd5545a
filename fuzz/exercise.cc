#include "exercise.h"

#include <set>

#include "evaluate/notices.h"
#include "evaluate/ranking.h"
#include "evaluate/reconcile.h"
#include "evaluate/rounds.h"
#include "evaluate/shortfalls.h"
#include "evaluate/status.h"
#include "render/notices_render.h"
#include "render/rank_render.h"
#include "render/reconcile_render.h"
#include "render/shortfalls_render.h"
#include "render/status_render.h"
#include "render/tasks_render.h"

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

}  // namespace duban::fuzz
