#include "render/reconcile_xlsx.h"

#include <fmt/format.h>

#include "render/goals_render.h"
#include "render/labels.h"
#include "render/ledger.h"
#include "render/xlsx_table.h"

namespace duban {
namespace {

using Cell = XlsxCell;

// The words a deadline was written in, when they are not the date itself.
std::string due_words(const DueDate& due) { return due.text == due.date.iso() ? "" : due.text; }

// 汇总: the round's dates, then the tasks by status, then those closed in the round.
void summary_sheet(XlsxWorkbook& book, const TaskList& list, const Reconciliation& rec,
                   const std::string& title) {
  XlsxSheet sheet = book.add_sheet("汇总");
  const int first_row = write_sample_banner(sheet, rec.sample);
  const Round& r = rec.round;
  XlsxTable about{{"项目", "内容"}, {}, {}};
  auto line = [&](const char* label, Cell value) {
    about.rows.push_back({Cell::of_text(label), std::move(value)});
  };
  line("清单", Cell::of_text(list.title));
  line("报送月份", Cell::of_text(r.month.iso()));
  line("报送日", Cell::of_date(r.report_date));
  line("统计区间起", Cell::of_date(r.window_start));
  line("统计区间止", Cell::of_date(r.report_date));
  if (list.reporting.settle_days > 0) {
    line("销号、退回计入区间起", Cell::of_date(r.decisions_start));
    line("销号、退回计入区间止", Cell::of_date(r.decisions_end));
  }
  line("截至", Cell::of_date(rec.as_of));
  line("对账单位", Cell::of_text(list.reporting.office));
  int row = write_table(sheet, about, first_row) + 1;

  XlsxTable counts{{"状态", "任务数"}, {}, {}};
  int total = 0;
  for (TaskState s : kTaskStates) {
    const int n = rec.counts[static_cast<size_t>(s)];
    counts.rows.push_back({Cell::of_text(task_state_label(s)), Cell::integer(n)});
    total += n;
  }
  counts.rows.push_back({Cell::of_text("合计"), Cell::integer(total)});
  row = write_table(sheet, counts, row) + 1;

  XlsxTable closed{{"本月销号", "任务", "销号日期", "备注"}, {}, "本月无销号任务。"};
  for (const size_t i : rec.closed_this_month) {
    const TaskStatus& t = rec.task(i);
    closed.rows.push_back({Cell::of_text(t.task->id), Cell::of_text(t.task->title),
                           Cell::of_date(*t.close_date),
                           Cell::of_text(t.on_time == std::optional<bool>(false) ? "逾期完成" : "")});
  }
  write_table(sheet, closed, row);
  sheet.print_a4(false, title);
}

// 台账: one row per task, its status filled with its light.
XlsxTable ledger_table(const Reconciliation& rec) {
  XlsxTable table{{"序号", "任务", "牵头单位", "责任单位", "完成时限", "时限原文", "状态", "预警", "逾期天数",
                   "进度", "未达标", "目标", "节点", "本月进展", "存在问题", "下步计划", "报送情况"},
                  {},
                  {}};
  for (const LedgerRow& r : rec.ledger) {
    const TaskStatus& t = r.status;
    table.rows.push_back(
        {Cell::of_text(t.task->id), Cell::of_text(t.task->title), Cell::of_text(t.task->lead()),
         Cell::of_text(owners_cell(*t.task)), Cell::of_date(t.task->due.date),
         Cell::of_text(due_words(t.task->due)), Cell::of_text(status_words(t)).lit(t.light),
         Cell::of_text(light_word(t.light)).lit(t.light),
         t.state == TaskState::kOverdue ? Cell::integer(t.overdue_days) : Cell{},
         Cell::percent(t.percent / 100.0), Cell::of_text(unmet_cell(t)), Cell::of_text(targets_cell(t)),
         Cell::of_text(milestones_cell(t)), Cell::of_text(progress_cell(t)), Cell::of_text(problems_cell(t)),
         Cell::of_text(next_cell(t)), Cell::of_text(reporting_cell(r.reporting))});
  }
  return table;
}

XlsxTable overdue_table(const Reconciliation& rec) {
  XlsxTable table{{"序号", "任务", "完成时限", "时限原文", "逾期天数", "未完成单位"}, {}, "无逾期任务。"};
  for (const OverdueTask& o : rec.overdue) {
    const TaskStatus& t = rec.task(o.task);
    table.rows.push_back({Cell::of_text(t.task->id), Cell::of_text(t.task->title),
                          Cell::of_date(t.task->due.date), Cell::of_text(due_words(t.task->due)),
                          Cell::integer(t.overdue_days).lit(Light::kRed),
                          Cell::of_text(fmt::format("{}", fmt::join(o.units, "、")))});
  }
  return table;
}

XlsxTable missing_table(const Reconciliation& rec) {
  XlsxTable table{{"单位", "序号", "任务"}, {}, no_missing_reports(rec)};
  for (const MissingReport& m : rec.missing_reports) {
    const Task& task = *rec.task(m.task).task;
    table.rows.push_back({Cell::of_text(m.unit), Cell::of_text(task.id), Cell::of_text(task.title)});
  }
  return table;
}

// 常态化工作: each duty's record per unit, as duty_compliance_table has it, in numbers.
XlsxTable duties_table(const Reconciliation& rec) {
  XlsxTable table{
      {"序号", "工作", "频次", "单位", "达标期数", "考核期数", "达标率", "本轮未达标期次（起始日）"},
      {},
      "尚无已到考核时间的常态化工作。"};
  const DateRange window{rec.round.window_start, rec.round.report_date};
  for (const LedgerRow& row : rec.ledger) {
    const TaskStatus& t = row.status;
    for (const DutyStatus& d : t.goals.duties) {
      for (const DutyRecord& r : d.units) {
        if (r.judged == 0) continue;
        std::vector<std::string> short_here;
        for (const Date first : short_periods(d, r, window)) short_here.push_back(first.iso());
        table.rows.push_back({Cell::of_text(t.task->id), Cell::of_text(d.duty->name),
                              Cell::of_text(frequency(*d.duty)), Cell::of_text(duty_record_name(r)),
                              Cell::integer(r.compliant), Cell::integer(r.judged),
                              Cell::percent(static_cast<double>(r.compliant) / r.judged),
                              Cell::of_text(fmt::format("{}", fmt::join(short_here, "、")))});
      }
    }
  }
  return table;
}

}  // namespace

std::string render_reconcile_xlsx(const TaskList& list, const Reconciliation& rec) {
  const Month m = rec.round.month;
  const std::string title = fmt::format("{} 对账销号（{}年{}月）", list.title, m.year(), m.month());
  XlsxWorkbook book({title, list.reporting.office, rec.round.report_date});
  summary_sheet(book, list, rec, title);
  add_table_sheet(book, "台账", title + " 台账", ledger_table(rec), rec.sample);
  add_table_sheet(book, "逾期督办", title + " 逾期督办", overdue_table(rec), rec.sample);
  add_table_sheet(book, missing_sheet_name(rec), title + " " + missing_sheet_name(rec), missing_table(rec),
                  rec.sample, false);
  if (!rec.rejected.empty()) {
    add_table_sheet(book, "报送文件有误", title + " 报送文件有误（未计入）",
                    rejected_xlsx_table(rec.rejected), rec.sample);
  }
  add_table_sheet(book, "常态化工作", title + " 常态化工作", duties_table(rec), rec.sample);
  return book.finish();
}

}  // namespace duban
