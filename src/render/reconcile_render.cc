#include "render/reconcile_render.h"

#include <fmt/format.h>

#include "render/goals_render.h"
#include "render/json_writer.h"
#include "render/labels.h"
#include "render/ledger.h"
#include "render/reconcile_xlsx.h"
#include "render/status_render.h"
#include "render/table.h"

namespace duban {
namespace {

// The ledger (台账): one row per task. Spreadsheets get the light as a word
// and the shortfalls of done tasks in a column of their own.
std::vector<std::string> ledger_header(bool markdown) {
  std::vector<std::string> header = {"序号", "任务",     "牵头单位", "责任单位", "完成时限",
                                     "状态", "预警",     "未达标",   "进度",     "目标",
                                     "节点", "本月进展", "存在问题", "下步计划", "报送情况"};
  if (markdown) header.erase(header.begin() + 6, header.begin() + 8);
  return header;
}

std::vector<std::string> ledger_row(const LedgerRow& r, bool markdown) {
  const TaskStatus& t = r.status;
  std::vector<std::string> row = {t.task->id, t.task->title, t.task->lead(), owners_cell(*t.task),
                                  due_cell(t.task->due)};
  if (markdown) {
    const std::string note = unmet_note(t);
    row.push_back(note.empty() ? status_cell(t) : status_cell(t) + "\n" + note);
  } else {
    row.push_back(status_words(t));
    row.push_back(light_word(t.light));
    row.push_back(unmet_cell(t));
  }
  for (std::string cell : {fmt::format("{}%", t.percent), targets_cell(t), milestones_cell(t),
                           progress_cell(t), problems_cell(t), next_cell(t), reporting_cell(r.reporting)}) {
    row.push_back(std::move(cell));
  }
  return row;
}

Table ledger(const Reconciliation& rec, bool markdown) {
  Table table{ledger_header(markdown), {}};
  for (const LedgerRow& r : rec.ledger) table.rows.push_back(ledger_row(r, markdown));
  return table;
}

Table counts_table(const Reconciliation& rec) {
  Table table{{}, {{}}};
  int total = 0;
  for (TaskState s : kTaskStates) {
    table.header.push_back(task_state_label(s));
    table.rows[0].push_back(std::to_string(rec.counts[static_cast<size_t>(s)]));
    total += rec.counts[static_cast<size_t>(s)];
  }
  table.header.push_back("合计");
  table.rows[0].push_back(std::to_string(total));
  return table;
}

// A Mermaid gantt label may not hold the characters its syntax uses, break
// its line, open a %% directive or carry HTML.
std::string gantt_label(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool directive = c == '%' && i + 1 < text.size() && text[i + 1] == '%';
    out += directive || std::string_view(":#;\n\r<>&{}").find(c) != std::string_view::npos ? ' ' : c;
  }
  return out;
}

std::string gantt(const TaskList& list, const Reconciliation& rec) {
  std::string out = "```mermaid\ngantt\n    dateFormat YYYY-MM-DD\n    axisFormat %m-%d\n";
  out += fmt::format("    todayMarker off\n");
  int section = -1;
  for (const LedgerRow& row : rec.ledger) {
    const TaskStatus& t = row.status;
    if (t.task->section != section) {
      section = t.task->section;
      out += fmt::format("    section {}\n", gantt_label(list.sections[section].title));
    }
    const char* tag = t.state == TaskState::kClosed || t.state == TaskState::kDone ? "done, "
                      : t.state == TaskState::kOverdue                             ? "crit, "
                      : t.state == TaskState::kDueSoon                             ? "active, "
                                                                                   : "";
    const Date end = std::max(t.task->due.date, list.issued + 1);
    out += fmt::format("    {} {}（{}） :{}t{}, {}, {}\n", t.task->id, gantt_label(t.task->title),
                       task_state_label(t.state), tag, gantt_label(t.task->id), list.issued.iso(), end.iso());
  }
  return out + "```\n";
}

// About as many bytes as the Markdown of `rec` takes, or somewhat more: a
// district's report runs to tens of megabytes, which grown by doubling would
// be held twice over while it is copied.
size_t markdown_size_hint(const Reconciliation& rec) {
  size_t size = 16384;
  auto texts = [&](const std::vector<TaskText>& xs) {
    for (const TaskText& x : xs) size += x.unit.size() + x.text.size() + 32;
  };
  for (const LedgerRow& row : rec.ledger) {
    const TaskStatus& t = row.status;
    size += 1024 + t.task->title.size() + t.task->id.size();
    texts(t.texts.progress);
    texts(t.texts.problems);
    texts(t.texts.next);
    for (const Name& unit : row.reporting.missing) size += unit.size() + 4;
  }
  for (const OverdueTask& o : rec.overdue) {
    for (const Name& unit : o.units) size += unit.size() + 4;
  }
  for (const MissingReport& m : rec.missing_reports) {
    const Task& task = *rec.task(m.task).task;
    size += m.unit.size() + task.id.size() + task.title.size() + 16;
  }
  return size;
}

// The Markdown of `rec`, made in `out`; with `write`, handed to it in pieces
// of about kPiece bytes as the long tables are made, and `out` left empty.
void render_markdown(const TaskList& list, const Reconciliation& rec, std::string& out,
                     const std::function<void(std::string_view)>* write) {
  constexpr size_t kPiece = size_t{1} << 20;
  const auto spill = [&] {
    if (write != nullptr && out.size() >= kPiece) {
      (*write)(out);
      out.clear();
    }
  };
  const Round& r = rec.round;
  out += sample_banner(rec.sample);
  out += fmt::format("# {} 对账销号（{}年{}月）\n\n", markdown_text(list.title), r.month.year(),
                     r.month.month());
  out += fmt::format("- 报送月份：{}\n- 报送日：{}\n- 统计区间：{} 至 {}\n", r.month.iso(),
                     r.report_date.iso(), r.window_start.iso(), r.report_date.iso());
  if (list.reporting.settle_days > 0) {
    out += fmt::format("- 销号、退回计入区间：{} 至 {}（报送日后 {} 天内办公室的决定计入本轮）\n",
                       r.decisions_start.iso(), r.decisions_end.iso(), list.reporting.settle_days);
  }
  out += fmt::format("- 截至：{}\n- 对账单位：{}\n", rec.as_of.iso(), markdown_text(list.reporting.office));
  if (const std::string note = on_time_note(list); !note.empty()) out += fmt::format("- {}\n", note);
  out += "\n";
  out += "## 汇总\n\n" + render_markdown_table(counts_table(rec));
  // The long tables a row at a time: a district's round may miss a million reports.
  out += "\n## 台账\n\n";
  append_markdown_header(out, ledger_header(true));
  for (const LedgerRow& row : rec.ledger) {
    append_markdown_row(out, ledger_row(row, true));
    spill();
  }

  out += "\n## 本月销号\n\n";
  if (rec.closed_this_month.empty()) out += "本月无销号任务。\n";
  for (const size_t i : rec.closed_this_month) {
    const TaskStatus& t = rec.task(i);
    out += fmt::format("- {} {}（{} 销号{}）\n", markdown_text(t.task->id), markdown_text(t.task->title),
                       t.close_date->iso(), t.on_time == std::optional<bool>(false) ? "，逾期完成" : "");
  }

  out += "\n## 逾期督办\n\n";
  if (rec.overdue.empty()) {
    out += "无逾期任务。\n";
  } else {
    append_markdown_header(out, {"序号", "任务", "完成时限", "逾期天数", "未完成单位"});
    for (const OverdueTask& o : rec.overdue) {
      const TaskStatus& t = rec.task(o.task);
      append_markdown_row(out, {t.task->id, t.task->title, due_cell(t.task->due),
                                std::to_string(t.overdue_days), fmt::format("{}", fmt::join(o.units, "、"))});
      spill();
    }
  }

  out += fmt::format("\n## {}\n\n", missing_title(rec));
  if (rec.missing_reports.empty()) {
    out += no_missing_reports(rec) + "\n";
  } else {
    append_markdown_header(out, {"单位", "任务"});
    for (const MissingReport& m : rec.missing_reports) {
      const Task& task = *rec.task(m.task).task;
      append_markdown_row(out, {m.unit, fmt::format("{} {}", task.id, task.title)});
      spill();
    }
  }
  out += rejected_section(rec.rejected);
  out += "\n## 常态化工作\n\n";
  std::vector<const TaskStatus*> tasks;
  for (const LedgerRow& row : rec.ledger) tasks.push_back(&row.status);
  const Table duties = duty_compliance_table(tasks, {rec.round.window_start, rec.round.report_date});
  if (duties.rows.empty()) {
    out += "尚无已到考核时间的常态化工作。\n";
  } else {
    out += fmt::format(
        "截至 {}，各项常态化工作按期次考核（一个期次内开展次数达到要求即为达标）；"
        "“本轮未达标”列出在本轮统计区间内结束而未达标的期次的起始日。\n\n",
        rec.as_of.iso());
    out += render_markdown_table(duties);
  }
  out += "\n## 进度甘特图\n\n" + gantt(list, rec);
  if (write != nullptr) {
    (*write)(out);
    out.clear();
  }
}

std::string render_markdown(const TaskList& list, const Reconciliation& rec) {
  std::string out;
  out.reserve(markdown_size_hint(rec));
  render_markdown(list, rec, out, nullptr);
  return out;
}

// For a terminal: the same sections as the Markdown, tables fitted to its
// width, lights in colour when it shows them; the ledger narrowed to what a
// line holds (status --task gives a task in full).
std::string render_text(const TaskList& list, const Reconciliation& rec, TextStyle style) {
  const Round& r = rec.round;
  std::string out = sample_banner(rec.sample);
  std::string head = fmt::format("{} 对账销号（{}年{}月）\n", list.title, r.month.year(), r.month.month());
  head += fmt::format("报送日 {}，统计区间 {} 至 {}，截至 {}，对账单位 {}\n", r.report_date.iso(),
                      r.window_start.iso(), r.report_date.iso(), rec.as_of.iso(), list.reporting.office);
  if (const std::string note = on_time_note(list); !note.empty()) head += note + "\n";
  out += wrap_to_width(head, style.width);
  out += "\n汇总\n" + render_text_table(counts_table(rec), {style.width, {}});
  Table ledger{{"序号", "任务", "牵头单位", "完成时限", "状态", "进度", "报送情况"}, {}};
  for (const LedgerRow& row : rec.ledger) {
    const TaskStatus& t = row.status;
    ledger.rows.push_back({t.task->id, t.task->title, t.task->lead(), t.task->due.date.iso(),
                           status_for_terminal(t, style), fmt::format("{}%", t.percent),
                           reporting_cell(row.reporting)});
  }
  out += "\n台账\n" + render_text_table(ledger, {style.width, {1, 2, 4, 6}});
  out += "\n本月销号\n";
  if (rec.closed_this_month.empty()) out += "本月无销号任务。\n";
  for (const size_t i : rec.closed_this_month) {
    const TaskStatus& t = rec.task(i);
    out += fmt::format("- {} {}（{} 销号{}）\n", t.task->id, t.task->title, t.close_date->iso(),
                       t.on_time == std::optional<bool>(false) ? "，逾期完成" : "");
  }
  out += "\n逾期督办\n";
  if (rec.overdue.empty()) {
    out += "无逾期任务。\n";
  } else {
    Table table{{"序号", "任务", "完成时限", "逾期天数", "未完成单位"}, {}};
    for (const OverdueTask& o : rec.overdue) {
      const TaskStatus& t = rec.task(o.task);
      table.rows.push_back({t.task->id, t.task->title, t.task->due.date.iso(), std::to_string(t.overdue_days),
                            fmt::format("{}", fmt::join(o.units, "、"))});
    }
    out += render_text_table(table, {style.width, {1, 4}});
  }
  out += fmt::format("\n{}\n", missing_title(rec));
  if (rec.missing_reports.empty()) {
    out += no_missing_reports(rec) + "\n";
  } else {
    Table table{{"单位", "序号", "任务"}, {}};
    for (const MissingReport& m : rec.missing_reports) {
      const Task& task = *rec.task(m.task).task;
      table.rows.push_back({m.unit, task.id, task.title});
    }
    out += render_text_table(table, {style.width, {0, 2}});
  }
  return out + rejected_text(rec.rejected);
}

std::string render_json(const TaskList& list, const Reconciliation& rec) {
  const Round& r = rec.round;
  JsonWriter w;
  w.begin_object();
  write_sample_json(w, rec.sample);
  w.field("month", r.month.iso()).field("report_date", r.report_date.iso());
  w.key("window").strings({r.window_start.iso(), r.report_date.iso()});
  // Only a list that settles later says so: other lists' JSON stays as it was.
  if (list.reporting.settle_days > 0) {
    w.key("decisions_window").strings({r.decisions_start.iso(), r.decisions_end.iso()});
  }
  w.field("as_of", rec.as_of.iso());
  if (list.reporting.on_time_by_commit) w.field("on_time", "commit");
  w.key("counts").begin_object();
  for (TaskState s : kTaskStates) w.field(task_state_code(s), rec.counts[static_cast<size_t>(s)]);
  w.end_object();
  std::vector<std::string> closed;
  for (const size_t i : rec.closed_this_month) closed.push_back(rec.task(i).task->id);
  w.key("closed_this_month").strings(closed);
  w.key("overdue").begin_array();
  for (const OverdueTask& o : rec.overdue) {
    const TaskStatus& t = rec.task(o.task);
    w.begin_object().field("id", t.task->id).field("days", t.overdue_days).key("units").names(o.units);
    w.end_object();
  }
  w.end_array().key("missing_reports").begin_array();
  for (const MissingReport& m : rec.missing_reports) {
    w.begin_object().field("unit", m.unit).field("task", rec.task(m.task).task->id).end_object();
  }
  w.end_array().field("final", rec.final).key("tasks").begin_array();
  for (const LedgerRow& row : rec.ledger) write_task_json(w, list, row.status);
  w.end_array();
  return finish_report_json(w, rec.rejected);
}

}  // namespace

void render_reconciliation_markdown(const TaskList& list, const Reconciliation& rec,
                                    const std::function<void(std::string_view)>& write) {
  std::string out;
  render_markdown(list, rec, out, &write);
}

std::string render_reconciliation(const TaskList& list, const Reconciliation& rec, Format format,
                                  TextStyle style) {
  switch (format) {
    case Format::kText:
      return render_text(list, rec, style);
    case Format::kMarkdown:
      return render_markdown(list, rec);
    case Format::kCsv:
      return render_csv(ledger(rec, false), sample_csv_line(rec.sample));
    case Format::kJson:
      return render_json(list, rec);
    case Format::kXlsx:
      return render_reconcile_xlsx(list, rec);
  }
  return {};
}

}  // namespace duban
