#include "render/ledger.h"

#include <fmt/format.h>

#include "render/goals_render.h"
#include "render/labels.h"

namespace duban {

std::string due_cell(const DueDate& due) {
  const std::string iso = due.date.iso();
  return due.text == iso ? iso : fmt::format("{}（{}）", iso, due.text);
}

std::string status_words(const TaskStatus& t) {
  // An open task the office sent back says so first.
  const std::string sent_back = t.reopened ? fmt::format("退回（{}）", t.reopened->iso()) : "";
  switch (t.state) {
    case TaskState::kOverdue:
      return t.reopened ? fmt::format("{}，逾期 {} 天", sent_back, t.overdue_days)
                        : fmt::format("逾期 {} 天", t.overdue_days);
    case TaskState::kOnTrack:
    case TaskState::kNotStarted:
    case TaskState::kDueSoon:
      return t.reopened ? sent_back : task_state_label(t.state);
    case TaskState::kClosed:
      return fmt::format("已销号（{}）", t.close_date->iso());
    case TaskState::kDone:
      return fmt::format("已完成待销号（{}）", t.done_date->iso());
  }
  return {};
}

std::string status_cell(const TaskStatus& t) {
  const char* mark = light_mark(t.light);
  return *mark ? fmt::format("{} {}", mark, status_words(t)) : status_words(t);
}

std::string progress_cell(const TaskStatus& t) { return texts_cell(t, t.texts.progress); }
std::string problems_cell(const TaskStatus& t) { return texts_cell(t, t.texts.problems); }
std::string next_cell(const TaskStatus& t) { return texts_cell(t, t.texts.next); }

std::string missing_title(const Reconciliation& rec) {
  if (rec.final) return "未按时报送";
  return fmt::format("尚未报送（报送日 {}）", rec.round.report_date.iso());
}

std::string missing_sheet_name(const Reconciliation& rec) { return rec.final ? "未按时报送" : "尚未报送"; }

std::string no_missing_reports(const Reconciliation& rec) {
  return rec.final ? "本轮各单位均按时报送。" : "各单位均已报送。";
}

std::string reporting_cell(const RoundReporting& r) {
  if (r.owed.empty()) return "无需报送";
  if (r.missing.empty()) return fmt::format("按时报送 {}/{}", r.owed.size(), r.owed.size());
  // The count is of the units named, so that it cannot be read as those that did report.
  return fmt::format("未报送：{}（缺报 {}/{}）", fmt::join(r.missing, "、"), r.missing.size(), r.owed.size());
}

std::string owners_cell(const Task& t) { return fmt::format("{}", fmt::join(t.owners, "、")); }

std::string chinese_date(Date d) { return fmt::format("{}年{}月{}日", d.year(), d.month(), d.day()); }

namespace {

void optional_date(JsonWriter& w, std::string_view key, const std::optional<Date>& d) {
  w.key(key);
  if (d) {
    w.value(d->iso());
  } else {
    w.null();
  }
}

}  // namespace

Table rejected_table(const std::vector<RejectedFile>& rejected) {
  Table table{{"单位", "文件", "位置", "问题"}, {}};
  for (const RejectedFile& r : rejected) {
    table.rows.push_back(
        {r.unit.value_or("（不明）"), r.path, fmt::format("第 {} 行第 {} 列", r.line, r.column), r.message});
  }
  return table;
}

std::string rejected_section(const std::vector<RejectedFile>& rejected) {
  if (rejected.empty()) return {};
  return "\n## 报送文件有误（未计入）\n\n"
         "以下文件有错误，其中的报送均未计入本表，有关单位的报送按未报送处理。"
         "请通知这些单位按提示改正后重新报送（可用 duban check 文件名 核对）。\n\n" +
         render_markdown_table(rejected_table(rejected));
}

std::string rejected_text(const std::vector<RejectedFile>& rejected) {
  if (rejected.empty()) return {};
  return "\n报送文件有误（未计入）：\n" + render_text_table(rejected_table(rejected));
}

void write_rejected_json(JsonWriter& w, const std::vector<RejectedFile>& rejected) {
  if (rejected.empty()) return;  // a month without them keeps the JSON it always had
  w.key("rejected_files").begin_array();
  for (const RejectedFile& r : rejected) {
    w.begin_object().field("path", r.path).field("unit", r.unit).field("line", r.line);
    w.field("column", r.column).field("message", r.message).end_object();
  }
  w.end_array();
}

std::string sample_banner(bool sample) {
  return sample ? std::string(kSampleBanner) + "\n\n" : std::string();
}

void write_sample_json(JsonWriter& w, bool sample) {
  if (sample) w.field("sample", true);
}

std::string finish_report_json(JsonWriter& w, const std::vector<RejectedFile>& rejected) {
  write_rejected_json(w, rejected);
  w.end_object();
  return w.str();
}

void write_task_json(JsonWriter& w, const TaskList& list, const TaskStatus& t) {
  const Task& task = *t.task;
  w.begin_object();
  w.field("id", task.id).field("title", task.title).field("section", list.sections[task.section].title);
  w.field("lead", task.lead()).key("owners").names(task.shares);
  w.field("due", task.due.date.iso()).field("due_text", task.due.text);
  w.field("status", task_state_code(t.state)).field("status_label", task_state_label(t.state));
  w.field("light", light_code(t.light)).field("percent", t.percent);
  optional_date(w, "done_date", t.done_date);
  w.field("on_time", t.on_time).field("overdue_days", t.overdue_days);
  optional_date(w, "close_date", t.close_date);
  optional_date(w, "reopened", t.reopened);
  w.field("progress", progress_cell(t)).field("problems", problems_cell(t)).field("next", next_cell(t));
  w.key("shares").begin_array();
  for (const ShareStatus& s : t.shares) {
    w.begin_object().field("unit", s.unit).field("state", share_state_code(s.state));
    optional_date(w, "last_report", s.last_report);
    optional_date(w, "done_date", s.done_date);
    w.field("percent", s.percent).end_object();
  }
  w.end_array();
  write_goals_json(w, t);
  w.end_object();
}

}  // namespace duban
