#include "render/goals_render.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "model/text.h"
#include "render/labels.h"

namespace duban {
namespace {

std::string percent_of(double value, double goal) {
  return fmt::format("{}%", static_cast<int>(std::floor(std::min(value / goal, 9.99) * 100 + 0.5)));
}

std::string late_suffix(GoalState s) {
  return s == GoalState::kOverdue ? "（逾期）" : s == GoalState::kDueSoon ? "（临期）" : "";
}

// The value to reach, with its measure word: 15部, or ≤0件 for a ceiling.
std::string goal_words(const Target& g) { return (g.at_most ? "≤" : "") + format_number(g.value) + g.unit; }

// （江洋社区） after a goal that concerns one unit named by `per`.
std::string one_unit_suffix(const std::optional<std::string>& per, bool per_unit) {
  return per && per_unit ? fmt::format("（{}）", *per) : "";
}

}  // namespace

std::string targets_cell(const TaskStatus& t) {
  std::vector<std::string> lines;
  for (const TargetStatus& ts : t.goals.targets) {
    const Target& g = *ts.target;
    const std::string goal = goal_words(g);
    const std::string name = g.name + one_unit_suffix(g.per, g.per_unit);
    if (g.per && !g.per_unit) {
      const auto met =
          std::count_if(ts.values.begin(), ts.values.end(), [](const TargetValue& v) { return v.met; });
      lines.push_back(fmt::format("{} 每单位{}：{}/{}个单位达标{}", g.name, goal, met, ts.values.size(),
                                  late_suffix(ts.state)));
    } else {
      const TargetValue& v = ts.values.front();
      // A ceiling has no percentage: 0 of 0 is done, 1 of 0 is not.
      const std::string share =
          g.at_most ? (v.met ? " 已达标" : "") : " " + (v.value ? percent_of(*v.value, g.value) : "");
      lines.push_back(v.value ? fmt::format("{} {}/{}{}{}", name, format_number(*v.value), goal, share,
                                            late_suffix(ts.state))
                              : fmt::format("{} 未报/{}{}", name, goal, late_suffix(ts.state)));
    }
  }
  return fmt::format("{}", fmt::join(lines, "\n"));
}

std::string milestones_cell(const TaskStatus& t) {
  std::vector<std::string> lines;
  for (const MilestoneStatus& ms : t.goals.milestones) {
    const Milestone& m = *ms.milestone;
    if (m.per && !m.per_unit) {
      const size_t members = ms.reached.size() + ms.pending.size();
      lines.push_back(
          fmt::format("{} {}/{}个单位达成{}", m.name, ms.reached.size(), members, late_suffix(ms.state)));
    } else if (!ms.reached.empty()) {
      const MilestoneReach& r = ms.reached.front();
      lines.push_back(fmt::format("{}{} 已达成 {}{}", m.name, one_unit_suffix(m.per, m.per_unit),
                                  r.date.iso(), r.on_time ? "" : "（逾期达成）"));
    } else {
      lines.push_back(fmt::format("{}{} 未达成，时限 {}{}", m.name, one_unit_suffix(m.per, m.per_unit),
                                  m.due.date.iso(), late_suffix(ms.state)));
    }
  }
  return fmt::format("{}", fmt::join(lines, "\n"));
}

std::string unmet_note(const TaskStatus& t) {
  if (t.unmet.empty()) return {};
  return "⚠ 未达标：" + unmet_cell(t);
}

std::string unmet_cell(const TaskStatus& t) {
  return fmt::format("{}", fmt::join(shortfall_labels(t.unmet), "；"));
}

std::string frequency(const Duty& d) {
  return fmt::format("{}{}至少{}次", period_info(d.every).label, d.items.empty() ? "" : "每项", d.times);
}

std::string duty_record_name(const DutyRecord& r) {
  return r.item.empty() ? r.unit : fmt::format("{}（{}）", r.unit, r.item);
}

std::vector<Date> short_periods(const DutyStatus& d, const DutyRecord& r, DateRange window) {
  std::vector<Date> starts;
  for (size_t i = 0; i < r.held.size(); ++i) {
    if (window.contains(r.periods[i].last) && r.held[i] < d.duty->times) starts.push_back(r.periods[i].first);
  }
  return starts;
}

Table duty_compliance_table(const std::vector<const TaskStatus*>& tasks, DateRange window) {
  Table table{{"序号", "工作", "频次", "单位", "达标/考核期数", "达标率", "本轮未达标"}, {}};
  for (const TaskStatus* task : tasks) {
    const TaskStatus& t = *task;
    for (const DutyStatus& d : t.goals.duties) {
      for (const DutyRecord& r : d.units) {
        if (r.judged == 0) continue;
        std::vector<std::string> short_here;
        for (const Date first : short_periods(d, r, window)) short_here.push_back(first.iso());
        table.rows.push_back({t.task->id, d.duty->name, frequency(*d.duty), duty_record_name(r),
                              fmt::format("{}/{}", r.compliant, r.judged), percent_of(r.compliant, r.judged),
                              fmt::format("{}", fmt::join(short_here, "、"))});
      }
    }
  }
  return table;
}

namespace {

// Longer rows of marks than this are summed up instead: a year of weeks fits.
constexpr size_t kLongestGrid = 53;

// 2024-06-21, or 2024-12-11至12-16 (the year once when both share it).
std::string span_text(DateRange span) {
  if (span.first == span.last) return span.first.iso();
  if (span.first.year() != span.last.year()) return fmt::format("{}至{}", span.first.iso(), span.last.iso());
  return fmt::format("{}至{:02}-{:02}", span.first.iso(), span.last.month(), span.last.day());
}

// The runs of consecutive periods that fell short, each as one span.
std::vector<std::string> short_runs(const DutyStatus& d, const DutyRecord& r) {
  std::vector<std::string> runs;
  for (size_t i = 0; i < r.held.size(); ++i) {
    if (r.held[i] >= d.duty->times) continue;
    size_t j = i;
    while (j + 1 < r.held.size() && r.held[j + 1] < d.duty->times) ++j;
    runs.push_back(span_text({r.periods[i].first, r.periods[j].last}));
    i = j;
  }
  return runs;
}

// One mark per period, or for a long row the counts behind them.
std::string duty_marks(const DutyStatus& d, const DutyRecord& r) {
  if (r.periods.size() > kLongestGrid) {
    const size_t pending = r.periods.size() - r.held.size();
    return fmt::format("✓ {} 期  ✗ {} 期{}", r.compliant, r.judged - r.compliant,
                       pending > 0 ? fmt::format("  · {} 期", pending) : "");
  }
  std::string marks;
  for (size_t i = 0; i < r.periods.size(); ++i) {
    marks += i < r.held.size() ? (r.held[i] >= d.duty->times ? "✓" : "✗") : "·";
  }
  return marks;
}

}  // namespace

std::string duty_grid(const TaskStatus& t) {
  std::string out;
  for (const DutyStatus& d : t.goals.duties) {
    out += fmt::format("\n{}（{}）  ✓ 达标  ✗ 未达标  · 未到考核时间\n", d.duty->name, frequency(*d.duty));
    int width = 0;
    for (const DutyRecord& r : d.units) width = std::max(width, display_width(duty_record_name(r)));
    for (const DutyRecord& r : d.units) {
      out += fmt::format("  {}  {}  {}/{}\n", pad_right(duty_record_name(r), width), duty_marks(d, r),
                         r.compliant, r.judged);
      const std::vector<std::string> runs = short_runs(d, r);
      if (!runs.empty()) out += fmt::format("    未达标：{}\n", fmt::join(runs, "、"));
    }
  }
  return out;
}

namespace {

void optional_text(JsonWriter& w, std::string_view key, const std::optional<std::string>& s) {
  w.key(key);
  if (s) {
    w.value(*s);
  } else {
    w.null();
  }
}

}  // namespace

void write_goals_json(JsonWriter& w, const TaskStatus& t) {
  w.key("targets").begin_array();
  for (const TargetStatus& ts : t.goals.targets) {
    const Target& g = *ts.target;
    w.begin_object().field("name", g.name).field("value", g.value).field("unit", g.unit);
    w.field("due", g.due.date.iso());
    optional_text(w, "per", g.per);
    if (g.at_most) w.field("at_most", true);
    w.field("status", target_state_code(ts.state)).key("values").begin_array();
    for (const TargetValue& v : ts.values) {
      w.begin_object().field("unit", v.unit).field("value", v.value).field("met", v.met).end_object();
    }
    w.end_array().end_object();
  }
  w.end_array().key("milestones").begin_array();
  for (const MilestoneStatus& ms : t.goals.milestones) {
    const Milestone& m = *ms.milestone;
    w.begin_object().field("name", m.name).field("due", m.due.date.iso());
    optional_text(w, "per", m.per);
    w.field("status", milestone_state_code(ms.state)).key("reached").begin_array();
    for (const MilestoneReach& r : ms.reached) {
      w.begin_object()
          .field("unit", r.unit)
          .field("date", r.date.iso())
          .field("on_time", r.on_time)
          .end_object();
    }
    w.end_array().end_object();
  }
  w.end_array().key("duties").begin_array();
  for (const DutyStatus& d : t.goals.duties) {
    w.begin_object().field("name", d.duty->name).field("every", period_code(d.duty->every));
    w.field("times", d.duty->times);
    optional_text(w, "per", d.duty->per);
    if (!d.duty->items.empty()) w.key("items").strings(d.duty->items);
    if (d.duty->from) w.field("from", d.duty->from->iso());
    w.key("units").begin_array();
    for (const DutyRecord& r : d.units) {
      std::vector<std::string> missed;
      for (Date m : r.missed) missed.push_back(m.iso());
      w.begin_object().field("unit", r.unit);
      if (!d.duty->items.empty()) w.field("item", r.item);
      w.field("judged", r.judged).field("compliant", r.compliant);
      w.key("missed").strings(missed).end_object();
    }
    w.end_array().end_object();
  }
  w.end_array().key("unmet").strings(shortfall_labels(t.unmet));
  w.key("shortfalls").begin_array();
  for (const Shortfall& s : t.unmet) {
    w.begin_object().field("kind", s.kind == ShortfallKind::kTarget ? "target" : "milestone");
    w.field("what", s.what);
    optional_text(w, "unit", s.unit);
    w.field("value", s.value).field("goal", s.goal).end_object();
  }
  w.end_array();
}

}  // namespace duban
