#include "render/notices_render.h"

#include <fmt/format.h>

#include "render/json_writer.h"
#include "render/labels.h"
#include "render/ledger.h"
#include "render/table.h"

namespace duban {
namespace {

// The office's reason when it sent the task back, else the unit's own latest progress.
std::string latest_word(const NoticeItem& item) {
  if (item.reopened) {
    const std::string when = fmt::format("退回（{}）", item.reopened->iso());
    return item.reasons.empty() ? when : fmt::format("{}：{}", when, fmt::join(item.reasons, "；"));
  }
  return item.progress.empty() ? "未报送进展" : item.progress;
}

}  // namespace

namespace {

// How a notice is laid out: Markdown for files and forges, or text for a
// terminal (tables fitted to `style.width`).
struct NoticeLayout {
  bool markdown = true;
  TextStyle style;

  std::string text(std::string_view s) const { return markdown ? markdown_text(s) : std::string(s); }
  std::string heading(int level, std::string_view title) const {
    return markdown ? fmt::format("{} {}", std::string(static_cast<size_t>(level), '#'), title)
                    : std::string(title);
  }
  // A paragraph: as it is in Markdown, broken to the width on a terminal.
  std::string prose(std::string_view s) const {
    return markdown ? std::string(s) : wrap_to_width(s, style.width);
  }
  std::string table(const Table& t, std::vector<size_t> cuttable) const {
    return markdown ? render_markdown_table(t) : render_text_table(t, {style.width, std::move(cuttable)});
  }
};

std::string notice_in(const TaskList& list, const Reconciliation& rec, const Notice& notice,
                      const NoticeLayout& l) {
  std::string out = sample_banner(rec.sample) +
                    fmt::format("{}\n\n{}：\n\n", l.heading(1, "督办通知"), l.text(notice.unit));
  out += l.prose(fmt::format(
      "根据《{}》每月对账销号安排，经对 {} 报送轮次（截至 {}）进行对账，你单位有以下事项需要督办：\n",
      l.text(list.title), rec.round.month.iso(), chinese_date(rec.as_of)));
  if (const std::string note = on_time_note(list); !note.empty())
    out += l.prose(fmt::format("\n{}。\n", note));
  int part = 0;
  static constexpr const char* kNumbers[] = {"一", "二", "三"};
  if (!notice.overdue.empty()) {
    out += fmt::format("\n{}\n\n", l.heading(2, fmt::format("{}、逾期未完成任务", kNumbers[part++])));
    Table table{{"序号", "任务", "完成时限", "逾期天数", "最近进展"}, {}};
    for (const NoticeItem& item : notice.overdue) {
      const TaskStatus& t = rec.task(item.task);
      table.rows.push_back({t.task->id, t.task->title, due_cell(t.task->due), std::to_string(t.overdue_days),
                            latest_word(item)});
    }
    out += l.table(table, {1, 2, 4});
  }
  if (!notice.missing.empty()) {
    out += fmt::format("\n{}\n\n", l.heading(2, fmt::format("{}、未按时报送进度", kNumbers[part++])));
    out += l.prose(fmt::format("以下任务在本轮统计区间（{} 至 {}）内未收到你单位的进度报送：\n\n",
                               rec.round.window_start.iso(), rec.round.report_date.iso()));
    Table table{{"序号", "任务", "完成时限"}, {}};
    for (const NoticeItem& item : notice.missing) {
      const Task& t = *rec.task(item.task).task;
      table.rows.push_back({t.id, t.title, due_cell(t.due)});
    }
    out += l.table(table, {1, 2});
  }
  if (!notice.rejected.empty()) {
    out += fmt::format("\n{}\n\n", l.heading(2, fmt::format("{}、报送文件有误", kNumbers[part++])));
    out += l.prose("你单位报送的以下文件有错误，其中的报送均未计入本轮对账：\n\n");
    Table table{{"文件", "位置", "问题"}, {}};
    for (const RejectedFile& r : notice.rejected) {
      table.rows.push_back({r.path, fmt::format("第 {} 行第 {} 列", r.line, r.column), r.message});
    }
    out += l.table(table, {0, 2});
  }
  out += fmt::format("\n{}\n\n", l.heading(2, "整改要求"));
  std::string demand = fmt::format("请于 {} 前", chinese_date(notice.reply_by));
  if (!notice.overdue.empty()) demand += "完成逾期任务或说明未完成原因、整改措施和预计完成时间，";
  if (!notice.missing.empty()) demand += "补报上述任务的进度，";
  if (!notice.rejected.empty()) demand += "按提示改正上述文件后重新报送，";
  const std::string office = l.text(list.reporting.office);
  out += l.prose(fmt::format("{}并报{}。\n", demand, office));
  out += fmt::format("\n{}\n\n{}\n", office, chinese_date(notice.issued));
  return out;
}

}  // namespace

std::string render_notice(const TaskList& list, const Reconciliation& rec, const Notice& notice) {
  return notice_in(list, rec, notice, NoticeLayout{});
}

namespace {

// The notices one after another, parted by a rule.
std::string render_all(const TaskList& list, const Reconciliation& rec, const std::vector<Notice>& notices,
                       const NoticeLayout& layout) {
  const std::string rule = layout.markdown ? "\n---\n\n" : "\n" + std::string(20, '-') + "\n\n";
  std::string out;
  for (const Notice& n : notices) {
    if (!out.empty()) out += rule;
    out += notice_in(list, rec, n, layout);
  }
  return out;
}

std::string render_json(const TaskList& list, const Reconciliation& rec, const NoticeReport& report) {
  JsonWriter w;
  w.begin_object();
  write_sample_json(w, rec.sample);
  w.field("month", rec.round.month.iso()).field("report_date", rec.round.report_date.iso());
  w.field("reply_by", report.reply_by.iso()).field("office", list.reporting.office);
  w.key("notices").begin_array();
  for (const Notice& n : report.notices) {
    w.begin_object().field("unit", n.unit).key("overdue").begin_array();
    for (const NoticeItem& item : n.overdue) {
      const TaskStatus& status = rec.task(item.task);
      const Task& t = *status.task;
      w.begin_object().field("id", t.id).field("title", t.title).field("due", t.due.date.iso());
      w.field("due_text", t.due.text).field("days", status.overdue_days).field("progress", item.progress);
      w.key("reopened")
          .value(item.reopened ? std::optional<std::string>(item.reopened->iso()) : std::nullopt);
      w.key("reasons").strings(item.reasons);
      w.end_object();
    }
    w.end_array().key("missing").begin_array();
    for (const NoticeItem& item : n.missing) {
      const Task& t = *rec.task(item.task).task;
      w.begin_object().field("id", t.id).field("title", t.title).end_object();
    }
    w.end_array();
    write_rejected_json(w, n.rejected);
    w.end_object();
  }
  w.end_array().end_object();
  return w.str();
}

}  // namespace

std::string render_notices(const TaskList& list, const Reconciliation& rec, const NoticeReport& report,
                           Format format, TextStyle style) {
  switch (format) {
    case Format::kText:
      return render_all(list, rec, report.notices, {false, style});
    case Format::kMarkdown:
    case Format::kCsv:  // not offered by `notices`
    case Format::kXlsx:
      return render_all(list, rec, report.notices, {});
    case Format::kJson:
      return render_json(list, rec, report);
  }
  return {};
}

}  // namespace duban
