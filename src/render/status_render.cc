#include "render/status_render.h"

#include <fmt/format.h>

#include "render/goals_render.h"
#include "render/json_writer.h"
#include "render/labels.h"
#include "render/ledger.h"
#include "render/table.h"

namespace duban {

std::string status_for_terminal(const TaskStatus& t, TextStyle style) {
  static constexpr const char* kColors[] = {"\x1b[31m", "\x1b[33m", "\x1b[32m", ""};
  const char* color = kColors[static_cast<int>(t.light)];
  if (!style.color || !*color) return status_words(t);
  return fmt::format("{}● {}\x1b[0m", color, status_words(t));
}

namespace {

std::string last_report(const TaskStatus& t) {
  std::optional<Date> last;
  for (const ShareStatus& s : t.shares) {
    if (s.last_report) last = std::max(last.value_or(*s.last_report), *s.last_report);
  }
  return last ? last->iso() : "";
}

// The terminal gets a narrow table with coloured lights (status --task gives
// the rest); Markdown and CSV also carry the goals and the light as a word.
Table status_table(const StatusReport& report, bool text, TextStyle style) {
  Table table{{"序号", "任务", "牵头单位", "完成时限", "状态", "进度", "最近报送"}, {}};
  if (!text) {
    table.header.insert(table.header.begin() + 5, "预警");
    for (const char* h : {"目标", "节点", "未达标"}) table.header.push_back(h);
  }
  for (const TaskStatus& t : report.tasks) {
    std::vector<std::string> row = {t.task->id, t.task->title, t.task->lead(), due_cell(t.task->due)};
    if (text) {
      row.push_back(status_for_terminal(t, style));
    } else {
      row.push_back(status_words(t));
      row.push_back(light_word(t.light));
    }
    row.push_back(fmt::format("{}%", t.percent));
    row.push_back(last_report(t));
    if (!text) {
      row.push_back(targets_cell(t));
      row.push_back(milestones_cell(t));
      row.push_back(unmet_cell(t));
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::string render_json(const TaskList& list, const StatusReport& report) {
  JsonWriter w;
  w.begin_object();
  write_sample_json(w, report.sample);
  w.field("as_of", report.as_of.iso()).key("tasks").begin_array();
  for (const TaskStatus& t : report.tasks) write_task_json(w, list, t);
  w.end_array();
  return finish_report_json(w, report.rejected);
}

// "（按时报送以……为准）" after the as-of date, with reporting.on_time: commit.
std::string on_time_suffix(const TaskList& list) {
  const std::string note = on_time_note(list);
  return note.empty() ? "" : fmt::format("（{}）", note);
}

}  // namespace

std::string render_status(const TaskList& list, const StatusReport& report, Format format, TextStyle style) {
  switch (format) {
    case Format::kText:
      return fmt::format(
          "{}截至 {}{}\n{}{}", sample_banner(report.sample), report.as_of.iso(), on_time_suffix(list),
          render_text_table(status_table(report, true, style), TableFit{style.width, {1, 2, 3, 4}}),
          rejected_text(report.rejected));
    case Format::kMarkdown:
      return fmt::format("{}# {} 任务状态\n\n截至 {}{}\n\n{}{}", sample_banner(report.sample),
                         markdown_text(list.title), report.as_of.iso(), on_time_suffix(list),
                         render_markdown_table(status_table(report, false, style)),
                         rejected_section(report.rejected));
    case Format::kXlsx:  // not offered by `status`
    case Format::kCsv:
      return render_csv(status_table(report, false, style), sample_csv_line(report.sample));
    case Format::kJson:
      return render_json(list, report);
  }
  return {};
}

std::string render_task_detail(const TaskList& list, const TaskStatus& t, TextStyle style) {
  const Task& task = *t.task;
  std::string out = fmt::format("{} {}\n", task.id, task.title);
  out += fmt::format("部分：{}\n", list.sections[task.section].title);
  out += fmt::format("责任单位：{}（牵头：{}）\n", owners_cell(task), task.lead());
  out += fmt::format("完成时限：{}\n", due_cell(task.due));
  out += fmt::format("状态：{}  进度 {}%\n", status_for_terminal(t, style), t.percent);
  for (const auto& [label, text] :
       {std::pair{"本月进展", progress_cell(t)}, std::pair{"存在问题", problems_cell(t)},
        std::pair{"下步计划", next_cell(t)}}) {
    if (!text.empty()) out += fmt::format("{}：{}\n", label, text);
  }
  if (!t.unmet.empty()) out += unmet_note(t) + "\n";
  Table shares{{"单位", "状态", "进度", "最近报送", "完成日期"}, {}};
  for (const ShareStatus& s : t.shares) {
    shares.rows.push_back({s.unit, share_state_label(s.state), fmt::format("{}%", s.percent),
                           s.last_report ? s.last_report->iso() : "", s.done_date ? s.done_date->iso() : ""});
  }
  out += "\n" + render_text_table(shares, TableFit{style.width, {0}});
  if (!t.goals.targets.empty()) {
    Table targets{{"目标", "单位", "完成值", "目标值", "期限", "状态"}, {}};
    for (const TargetStatus& ts : t.goals.targets) {
      for (const TargetValue& v : ts.values) {
        targets.rows.push_back(
            {ts.target->name, v.unit, v.value ? format_number(*v.value) : "未报",
             (ts.target->at_most ? "≤" : "") + format_number(ts.target->value) + ts.target->unit,
             ts.target->due.date.iso(), v.met ? "已完成" : goal_state_label(ts.state, false)});
      }
    }
    out += "\n" + render_text_table(targets, TableFit{style.width, {0, 1}});
  }
  if (!t.goals.milestones.empty()) {
    Table milestones{{"节点", "时限", "状态", "达成情况"}, {}};
    for (const MilestoneStatus& ms : t.goals.milestones) {
      std::vector<std::string> reached;
      for (const MilestoneReach& r : ms.reached) {
        reached.push_back(fmt::format("{} {}{}", r.unit, r.date.iso(), r.on_time ? "" : "（逾期）"));
      }
      if (!ms.pending.empty()) reached.push_back(fmt::format("未达成：{}", fmt::join(ms.pending, "、")));
      milestones.rows.push_back({ms.milestone->name, ms.milestone->due.date.iso(),
                                 goal_state_label(ms.state, true),
                                 fmt::format("{}", fmt::join(reached, "；"))});
    }
    out += "\n" + render_text_table(milestones, TableFit{style.width, {0, 3}});
  }
  return out + duty_grid(t);
}

}  // namespace duban
