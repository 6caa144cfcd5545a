#include "render/xlsx_writer.h"

#include <doctest/doctest.h>

#include "render/xlsx_table.h"

namespace duban {
namespace {

Date day(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

// A small workbook of every kind of cell, made on `created`.
std::string sample(Date created, const std::string& text = "逾期 10 天") {
  XlsxWorkbook book({"测试 & 标题", "党政综合办公室", created});
  XlsxTable table{{"序号", "状态", "进度", "完成时限"}, {}, "无"};
  table.rows.push_back({XlsxCell::of_text("1"), XlsxCell::of_text(text).lit(Light::kRed),
                        XlsxCell::percent(0.37), XlsxCell::of_date(day(2024, 5, 31))});
  table.rows.push_back({XlsxCell::of_text("2"), {}, XlsxCell::decimal(26.25), XlsxCell::integer(3)});
  add_table_sheet(book, "台账", "测试 & 标题 台账", table);
  return book.finish();
}

}  // namespace

TEST_CASE("a workbook is a zip whose bytes depend on its contents and its day only") {
  const std::string a = sample(day(2024, 6, 10));
  CHECK(a.substr(0, 4) == std::string("PK\x03\x04", 4));
  CHECK(sample(day(2024, 6, 10)) == a);
  CHECK(sample(day(2024, 7, 10)) != a);
  CHECK(sample(day(2024, 6, 10), "逾期 11 天") != a);
}

TEST_CASE("a text longer than a cell holds is cut, not refused") {
  const std::string a = sample(day(2024, 6, 10), std::string(40000, 'x'));
  CHECK(a.substr(0, 2) == "PK");
}

// Issue 24: libxlsxwriter took `&G` or `&[Picture]` in a doubled `&&G` for a
// picture placeholder, refused the header and freed it twice (abort).
TEST_CASE("a title holding header codes is printed as text, never as a code") {
  for (const std::string title : {"&G", "标题&[Picture]", "&&G&&[Picture]", "&P&N&D&F&A&Z&\"Arial\"", "&"}) {
    CAPTURE(title);
    XlsxWorkbook book({title, "党政综合办公室", day(2024, 6, 10)});
    XlsxSheet sheet = book.add_sheet("台账");
    sheet.text(0, 0, title);
    sheet.print_a4(true, title);
    CHECK(book.finish().substr(0, 2) == "PK");
  }
}

TEST_CASE("a sheet name Excel refuses is an error in Chinese") {
  XlsxWorkbook book({"t", "a", day(2024, 6, 10)});
  CHECK_THROWS_WITH_AS(book.add_sheet("a/b"), "无法生成 Excel 文件：工作表名“a/b”无效", XlsxError);
}

TEST_CASE("a column is as wide as its widest line and a margin, within bounds") {
  CHECK(fitting_width(0) == 6);
  CHECK(fitting_width(24) == 26);
  CHECK(fitting_width(200) == 60);
}

}  // namespace duban
