#include "render/rank_xlsx.h"

#include <fmt/format.h>

#include "render/labels.h"
#include "render/rank_render.h"
#include "render/xlsx_table.h"

namespace duban {
namespace {

using Cell = XlsxCell;

// A part of the score in three columns: its rate, and what it was computed from.
XlsxTable ranking_table(const RankReport& r) {
  XlsxTable table{{"排名", "单位", "得分"}, {}, "考核对象中没有单位。"};
  for (RankPart p : kRankParts) {
    table.header.push_back(rank_part_label(p));
    table.header.push_back(fmt::format("{}：达标", rank_part_label(p)));
    table.header.push_back(fmt::format("{}：考核", rank_part_label(p)));
  }
  for (const UnitRank& u : r.units) {
    std::vector<Cell> row = {Cell::integer(u.rank), Cell::of_text(u.unit),
                             u.score ? Cell::decimal(*u.score) : Cell::of_text("—")};
    for (RankPart p : kRankParts) {
      const RankComponent& c = u.part(p);
      row.push_back(c.rate ? Cell::percent(*c.rate, true) : Cell::of_text("—"));
      row.push_back(Cell::integer(c.count));
      row.push_back(Cell::integer(c.total));
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

// 计分方法: the period, the rule and the weights, the weights as numbers.
void method_sheet(XlsxWorkbook& book, const RankReport& r, const std::string& title) {
  XlsxSheet sheet = book.add_sheet("计分方法");
  const int first_row = write_sample_banner(sheet, r.sample);
  XlsxTable about{{"项目", "内容"}, {}, {}};
  auto line = [&](std::string label, Cell value) {
    about.rows.push_back({Cell::of_text(std::move(label)), std::move(value)});
  };
  line("考核对象", Cell::of_text(r.group));
  line("考核期起", Cell::of_date(r.first.first_day()));
  line("考核期止", Cell::of_date(r.second.last_day()));
  line("截至（第二个月的报送日）", Cell::of_date(r.as_of));
  const RankMethod method = rank_method(r);
  line("得分", Cell::of_text(method.score));
  for (const std::string& part : method.parts) {
    const size_t colon = part.find("：");
    line(part.substr(0, colon), Cell::of_text(part.substr(colon + std::string_view("：").size())));
  }
  int row = write_table(sheet, about, first_row) + 1;
  XlsxTable weights{{"权重", "数值"}, {}, {}};
  for (RankPart p : kRankParts) {
    weights.rows.push_back({Cell::of_text(rank_part_label(p)), Cell::general(weight_of(r.weights, p))});
  }
  write_table(sheet, weights, row);
  sheet.print_a4(false, title);
}

}  // namespace

std::string render_rank_xlsx(const TaskList& list, const RankReport& report) {
  const std::string title = fmt::format("{} 考核排名（{}）", list.title, rank_period_words(report));
  XlsxWorkbook book({title, list.reporting.office, report.as_of});
  add_table_sheet(book, "排名", title, ranking_table(report), report.sample);
  if (!report.rejected.empty()) {
    add_table_sheet(book, "报送文件有误", title + " 报送文件有误（未计入）",
                    rejected_xlsx_table(report.rejected), report.sample);
  }
  method_sheet(book, report, title);
  return book.finish();
}

}  // namespace duban
