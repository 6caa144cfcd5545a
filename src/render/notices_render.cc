#include "render/notices_render.h"

#include <fmt/format.h>

#include "render/json_writer.h"
#include "render/ledger.h"
#include "render/table.h"

namespace duban {
namespace {

Date reply_by(const TaskList& list, const Reconciliation& rec) {
  return rec.round.report_date + list.reporting.reply_days;
}

}  // namespace

std::string render_notice(const TaskList& list, const Reconciliation& rec, const Notice& notice) {
  const Date issued = rec.round.report_date;
  std::string out = fmt::format("# 督办通知\n\n{}：\n\n", notice.unit);
  out += fmt::format(
      "根据《{}》每月对账销号安排，经对 {} 报送轮次（截至 {}）进行对账，你单位有以下事项需要督办：\n",
      list.title, rec.round.month.iso(), chinese_date(rec.status.as_of));
  int part = 0;
  static constexpr const char* kNumbers[] = {"一", "二"};
  if (!notice.overdue.empty()) {
    out += fmt::format("\n## {}、逾期未完成任务\n\n", kNumbers[part++]);
    Table table{{"序号", "任务", "完成时限", "逾期天数", "最近进展"}, {}};
    for (const NoticeItem& item : notice.overdue) {
      const TaskStatus& t = *item.task;
      table.rows.push_back({t.task->id, t.task->title, due_cell(t.task->due), std::to_string(t.overdue_days),
                            item.progress.empty() ? "未报送进展" : item.progress});
    }
    out += render_markdown_table(table);
  }
  if (!notice.missing.empty()) {
    out += fmt::format("\n## {}、未按时报送进度\n\n", kNumbers[part++]);
    out += fmt::format("以下任务在本轮统计区间（{} 至 {}）内未收到你单位的进度报送：\n\n",
                       rec.round.window_start.iso(), rec.round.report_date.iso());
    Table table{{"序号", "任务", "完成时限"}, {}};
    for (const NoticeItem& item : notice.missing) {
      table.rows.push_back({item.task->task->id, item.task->task->title, due_cell(item.task->task->due)});
    }
    out += render_markdown_table(table);
  }
  out += fmt::format("\n## 整改要求\n\n请于 {} 前", chinese_date(reply_by(list, rec)));
  if (!notice.overdue.empty()) out += "完成逾期任务或说明未完成原因、整改措施和预计完成时间，";
  if (!notice.missing.empty()) out += "补报上述任务的进度，";
  out += fmt::format("并报{}。\n\n{}\n\n{}\n", list.reporting.office, list.reporting.office,
                     chinese_date(issued));
  return out;
}

namespace {

// The notices one after another, parted by a rule.
std::string render_markdown(const TaskList& list, const Reconciliation& rec,
                            const std::vector<Notice>& notices) {
  std::string out;
  for (const Notice& n : notices) {
    if (!out.empty()) out += "\n---\n\n";
    out += render_notice(list, rec, n);
  }
  return out;
}

std::string render_json(const TaskList& list, const Reconciliation& rec, const std::vector<Notice>& notices) {
  JsonWriter w;
  w.begin_object().field("month", rec.round.month.iso()).field("report_date", rec.round.report_date.iso());
  w.field("reply_by", reply_by(list, rec).iso()).field("office", list.reporting.office);
  w.key("notices").begin_array();
  for (const Notice& n : notices) {
    w.begin_object().field("unit", n.unit).key("overdue").begin_array();
    for (const NoticeItem& item : n.overdue) {
      const Task& t = *item.task->task;
      w.begin_object().field("id", t.id).field("title", t.title).field("due", t.due.date.iso());
      w.field("due_text", t.due.text).field("days", item.task->overdue_days).field("progress", item.progress);
      w.end_object();
    }
    w.end_array().key("missing").begin_array();
    for (const NoticeItem& item : n.missing) {
      w.begin_object().field("id", item.task->task->id).field("title", item.task->task->title).end_object();
    }
    w.end_array().end_object();
  }
  w.end_array().end_object();
  return w.str();
}

}  // namespace

std::string render_notices(const TaskList& list, const Reconciliation& rec,
                           const std::vector<Notice>& notices, Format format) {
  switch (format) {
    case Format::kText:  // not offered by `notices`; Markdown reads well as text
    case Format::kMarkdown:
    case Format::kCsv:  // not offered by `notices`
      return render_markdown(list, rec, notices);
    case Format::kJson:
      return render_json(list, rec, notices);
  }
  return {};
}

}  // namespace duban
