#include "render/remind_render.h"

#include <fmt/format.h>

#include "render/json_writer.h"
#include "render/ledger.h"
#include "render/table.h"

namespace duban {
namespace {

// 2024-06-11（星期二）
std::string day_with_weekday(Date d) {
  static constexpr const char* kWeekdays[] = {"一", "二", "三", "四", "五", "六", "日"};
  return fmt::format("{}（星期{}）", d.iso(), kWeekdays[d.iso_weekday() - 1]);
}

// How long the units have: on the report day, today; else the working days left.
std::string time_left(const RemindReport& r) {
  if (r.as_of == r.round.report_date) return "今天是报送日";
  return fmt::format("距报送日还有 {} 个工作日（含当天）", r.workdays_left);
}

Table owed_table(const RemindReport& r) {
  Table table{{"单位", "尚未报送的任务"}, {}};
  for (const Reminder& u : r.units) {
    std::string tasks;
    for (const Task* t : u.owed) tasks += fmt::format("{}{} {}", tasks.empty() ? "" : "\n", t->id, t->title);
    table.rows.push_back({u.unit, tasks});
  }
  return table;
}

Table owed_rows(const RemindReport& r) {
  Table table{{"单位", "序号", "任务"}, {}};
  for (const Reminder& u : r.units) {
    for (const Task* t : u.owed) table.rows.push_back({u.unit, t->id, t->title});
  }
  return table;
}

std::string heading(const TaskList& list, const RemindReport& r, bool markdown) {
  const Month m = r.round.month;
  const std::string title = markdown ? markdown_text(list.title) : list.title;
  return fmt::format("{}{} 催报（{}年{}月）\n\n", markdown ? "# " : "", title, m.year(), m.month());
}

std::string facts(const RemindReport& r, const char* bullet) {
  return fmt::format("{}报送日：{}\n{}截至：{}\n{}{}\n", bullet, day_with_weekday(r.round.report_date),
                     bullet, r.as_of.iso(), bullet, time_left(r));
}

std::string render_markdown(const TaskList& list, const RemindReport& r) {
  std::string out = sample_banner(r.sample) + heading(list, r, true) + facts(r, "- ") + "\n";
  if (r.units.empty()) return out + "各单位均已报送。\n";
  return out + render_markdown_table(owed_table(r));
}

std::string render_text(const TaskList& list, const RemindReport& r, int width) {
  std::string out =
      sample_banner(r.sample) + wrap_to_width(heading(list, r, false), width) + facts(r, "") + "\n";
  if (r.units.empty()) return out + "各单位均已报送。\n";
  return out + render_text_table(owed_rows(r), {width, {2}});
}

std::string render_json(const RemindReport& r) {
  JsonWriter w;
  w.begin_object();
  write_sample_json(w, r.sample);
  w.field("month", r.round.month.iso()).field("report_date", r.round.report_date.iso());
  w.field("as_of", r.as_of.iso()).field("workdays_left", r.workdays_left);
  w.key("units").begin_array();
  for (const Reminder& u : r.units) {
    w.begin_object().field("unit", u.unit).key("owed").begin_array();
    for (const Task* t : u.owed) w.begin_object().field("task", t->id).field("title", t->title).end_object();
    w.end_array().end_object();
  }
  w.end_array().end_object();
  return w.str();
}

}  // namespace

std::string render_reminders(const TaskList& list, const RemindReport& report, Format format, int width) {
  switch (format) {
    case Format::kText:
      return render_text(list, report, width);
    case Format::kMarkdown:
    case Format::kXlsx:  // not offered by `remind`
      return render_markdown(list, report);
    case Format::kCsv:
      return render_csv(owed_rows(report), sample_csv_line(report.sample));
    case Format::kJson:
      return render_json(report);
  }
  return {};
}

std::string render_reminder(const TaskList& list, const RemindReport& report, const Reminder& unit) {
  const Month m = report.round.month;
  std::string out =
      sample_banner(report.sample) + fmt::format("# 催报\n\n{}：\n\n", markdown_text(unit.unit));
  out += fmt::format("《{}》{}年{}月进度报送日为 {}，{}。截至 {}，你单位以下任务尚未报送进度：\n\n",
                     markdown_text(list.title), m.year(), m.month(),
                     day_with_weekday(report.round.report_date), time_left(report), report.as_of.iso());
  int n = 0;
  for (const Task* t : unit.owed) {
    out += fmt::format("{}. {} {}\n", ++n, markdown_text(t->id), markdown_text(t->title));
  }
  out += fmt::format("\n请于 {} 前填好进度报送表，发回{}。\n", report.round.report_date.iso(),
                     markdown_text(list.reporting.office));
  return out;
}

}  // namespace duban
