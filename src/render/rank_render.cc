#include "render/rank_render.h"

#include <cmath>

#include <fmt/format.h>

#include "render/json_writer.h"
#include "render/labels.h"
#include "render/ledger.h"
#include "render/rank_xlsx.h"
#include "render/table.h"

namespace duban {
namespace {

std::string one_decimal(double v) { return fmt::format("{:.1f}", v); }

std::string component_cell(const RankComponent& c) {
  if (!c.rate) return "—";
  return fmt::format("{}%（{}/{}）", one_decimal(*c.rate * 100), c.count, c.total);
}

Table rank_table(const RankReport& r) {
  Table table{{"排名", "单位", "得分"}, {}};
  for (RankPart p : kRankParts) table.header.push_back(rank_part_label(p));
  for (const UnitRank& u : r.units) {
    std::vector<std::string> row = {std::to_string(u.rank), u.unit, u.score ? one_decimal(*u.score) : "—"};
    for (RankPart p : kRankParts) row.push_back(component_cell(u.part(p)));
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::string weights_line(const RankReport& r) {
  std::vector<std::string> parts;
  for (RankPart p : kRankParts) {
    parts.push_back(fmt::format("{} {}", rank_part_label(p), fmt::format("{}", weight_of(r.weights, p))));
  }
  return fmt::format("{}", fmt::join(parts, "，"));
}

std::string render_markdown(const TaskList& list, const RankReport& r) {
  std::string out = sample_banner(r.sample);
  out += fmt::format("# {} 考核排名（{}）\n\n", markdown_text(list.title), rank_period_words(r));
  out += fmt::format("- 考核对象：{}\n- 考核期：{} 至 {}\n- 截至：{}（第二个月的报送日）\n",
                     markdown_text(r.group), r.first.first_day().iso(), r.second.last_day().iso(),
                     r.as_of.iso());
  if (const std::string note = on_time_note(list); !note.empty()) out += fmt::format("- {}\n", note);
  out += "\n";
  out += render_markdown_table(rank_table(r));
  out += rejected_section(r.rejected);
  const RankMethod method = rank_method(r);
  out += fmt::format("\n## 计分方法\n\n{}\n\n", method.score);
  for (const std::string& part : method.parts) out += fmt::format("- {}\n", part);
  return out + fmt::format("\n{}\n", method.weights);
}

std::string render_json(const RankReport& r) {
  JsonWriter w;
  w.begin_object();
  write_sample_json(w, r.sample);
  w.key("period").strings({r.first.iso(), r.second.iso()});
  w.field("as_of", r.as_of.iso()).field("group", r.group);
  w.key("weights").begin_object();
  for (RankPart p : kRankParts) w.field(rank_part_code(p), weight_of(r.weights, p));
  w.end_object().key("units").begin_array();
  for (const UnitRank& u : r.units) {
    w.begin_object().field("unit", u.unit).field("rank", u.rank).field("score", u.score);
    w.key("components").begin_object();
    for (RankPart p : kRankParts) {
      const RankComponent& c = u.part(p);
      w.key(rank_part_code(p)).begin_object();
      w.key("rate");
      if (c.rate) {
        w.value(std::round(*c.rate * 10000) / 10000);  // four decimals are plenty to read
      } else {
        w.null();
      }
      w.field("count", c.count).field("total", c.total).end_object();
    }
    w.end_object().end_object();
  }
  w.end_array();
  return finish_report_json(w, r.rejected);
}

}  // namespace

std::string rank_period_words(const RankReport& r) {
  return fmt::format("{}年{}—{}月", r.first.year(), r.first.month(), r.second.month());
}

RankMethod rank_method(const RankReport& r) {
  return {
      "得分 = Σ（权重 × 比率）÷ 参与计分的权重之和 × 100，保留一位小数；某项无可考核内容时记“—”，"
      "不计入得分，也不影响其他单位。得分相同者名次相同。",
      {"按时报送：考核期内各轮应报进度中按时报送的比例。",
       "任务完成：完成时限在考核期结束前的本单位任务中，已完成或已销号的比例。",
       "未逾期：完成时限早于截至日的本单位任务中，未逾期（已完成或已销号）的比例。",
       fmt::format("常态化工作：在本考核期两轮统计区间内（{} 至 {}）结束的常态化工作期次中达标的比例。",
                   r.window_start.iso(), r.as_of.iso()),
       "目标达成：完成时限在考核期结束前、本单位牵头或按单位考核的目标的平均完成率（单项最高 100%）。"},
      fmt::format("权重：{}。", weights_line(r))};
}

std::string render_rank(const TaskList& list, const RankReport& report, Format format, int width) {
  // The unit and the five components give way; a cut component keeps its
  // rate (8 columns: "100.0%（" at least), rank and score are never cut.
  const TableFit fit{width, {1, 3, 4, 5, 6, 7}};
  switch (format) {
    case Format::kText:
      return fmt::format("{}{} 考核排名（{}，截至 {}）\n{}{}", sample_banner(report.sample), report.group,
                         rank_period_words(report), report.as_of.iso(),
                         render_text_table(rank_table(report), fit), rejected_text(report.rejected));
    case Format::kMarkdown:
      return render_markdown(list, report);
    case Format::kCsv:
      return render_csv(rank_table(report), sample_csv_line(report.sample));
    case Format::kJson:
      return render_json(report);
    case Format::kXlsx:
      return render_rank_xlsx(list, report);
  }
  return {};
}

}  // namespace duban
