#include "render/xlsx_writer.h"

#include <doctest/doctest.h>

#include "render/xlsx_part.h"
#include "render/xlsx_table.h"

namespace duban {
namespace {

using testing::holds;
using testing::xlsx_part;

Date day(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

// The first sheet's XML of a workbook whose one sheet `fill` writes.
template <typename Fill>
std::string sheet_xml(Fill fill) {
  XlsxWorkbook book({"t", "a", day(2024, 6, 10)});
  XlsxSheet sheet = book.add_sheet("表");
  fill(sheet);
  return xlsx_part(book.finish(), "xl/worksheets/sheet1.xml");
}

// The styles of a workbook with one cell in `style`.
std::string styles_xml(const XlsxStyle& style) {
  XlsxWorkbook book({"t", "a", day(2024, 6, 10)});
  book.add_sheet("表").text(0, 0, "x", style);
  return xlsx_part(book.finish(), "xl/styles.xml");
}

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

namespace duban {
namespace {

XlsxStyle with_fill(XlsxStyle::Fill fill) {
  XlsxStyle s;
  s.fill = fill;
  return s;
}

XlsxStyle with_font(XlsxStyle::Font font) {
  XlsxStyle s;
  s.font = font;
  return s;
}

XlsxStyle aligned(XlsxStyle::Horizontal horizontal, XlsxStyle::Vertical vertical) {
  XlsxStyle s;
  s.horizontal = horizontal;
  s.vertical = vertical;
  return s;
}

}  // namespace

TEST_CASE("a form's cells are grey where duban fills in and light yellow where the unit writes") {
  CHECK(holds(styles_xml(with_fill(XlsxStyle::Fill::kLocked)), R"(<fgColor rgb="FFF2F2F2"/>)"));
  CHECK(holds(styles_xml(with_fill(XlsxStyle::Fill::kInput)), R"(<fgColor rgb="FFFFF9E5"/>)"));
  CHECK_FALSE(holds(styles_xml({}), "FFF2F2F2"));
}

TEST_CASE("a title is bold and 16 points, a note italic and dark grey") {
  const std::string title = styles_xml(with_font(XlsxStyle::Font::kTitle));
  CHECK(holds(title, R"(<font><b/><sz val="16"/>)"));
  const std::string note = styles_xml(with_font(XlsxStyle::Font::kNote));
  CHECK(holds(note, R"(<font><i/><sz val="11"/><color rgb="FF595959"/>)"));
  CHECK_FALSE(holds(styles_xml({}), "<i/>"));
}

TEST_CASE("a cell's text stands left, centred, at the top, in the middle or at the bottom") {
  using H = XlsxStyle::Horizontal;
  using V = XlsxStyle::Vertical;
  CHECK(holds(styles_xml(aligned(H::kGeneral, V::kTop)), R"(<alignment vertical="top"/>)"));
  CHECK(holds(styles_xml(aligned(H::kLeft, V::kTop)), R"(<alignment horizontal="left" vertical="top"/>)"));
  CHECK(holds(styles_xml(aligned(H::kCenter, V::kCenter)),
              R"(<alignment horizontal="center" vertical="center"/>)"));
  // Excel's own bottom is no attribute at all.
  CHECK_FALSE(holds(styles_xml(aligned(H::kGeneral, V::kBottom)), "<alignment"));
}

TEST_CASE("a plain text cell has no style") {
  const std::string xml = sheet_xml([](XlsxSheet& s) {
    s.plain_text(0, 1, "江洋社区");
    s.text(1, 1, "江洋社区");
  });
  CHECK(holds(xml, R"(<c r="B1" t="s">)"));
  CHECK(holds(xml, R"(<c r="B2" s="1" t="s">)"));
}

TEST_CASE("a row is as high as set") {
  const std::string xml = sheet_xml([](XlsxSheet& s) {
    s.text(6, 0, "序号");
    s.row_height(6, 36);
  });
  CHECK(holds(xml, R"(<row r="7" spans="1:1" ht="36" customHeight="1">)"));
}

TEST_CASE("rows and columns stay in sight when scrolling") {
  const std::string both = sheet_xml([](XlsxSheet& s) { s.freeze(7, 2); });
  CHECK(holds(both,
              R"(<pane xSplit="2" ySplit="7" topLeftCell="C8" activePane="bottomRight" state="frozen"/>)"));
  const std::string rows = sheet_xml([](XlsxSheet& s) { s.freeze_rows(1); });
  CHECK(holds(rows, R"(<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>)"));
}

TEST_CASE("a sheet prints on A4 with or without a page header, and one page wide when asked") {
  const std::string plain = sheet_xml([](XlsxSheet& s) { s.print_a4(true); });
  CHECK(holds(plain, R"(<pageSetup paperSize="9" orientation="landscape")"));
  CHECK_FALSE(holds(plain, "fitToPage"));
  CHECK_FALSE(holds(plain, "<headerFooter"));
  const std::string upright = sheet_xml([](XlsxSheet& s) { s.print_a4(false); });
  CHECK(holds(upright, R"(<pageSetup paperSize="9" orientation="portrait")"));
  const std::string wide = sheet_xml([](XlsxSheet& s) {
    s.print_a4(true);
    s.print_one_page_wide();
  });
  CHECK(holds(wide, R"(<pageSetUpPr fitToPage="1"/>)"));
  CHECK(holds(wide, R"(fitToHeight="0")"));
  const std::string titled = sheet_xml([](XlsxSheet& s) { s.print_a4(true, "标题"); });
  CHECK(holds(titled, R"(<pageSetUpPr fitToPage="1"/>)"));
  CHECK(holds(titled, "<oddHeader>&amp;C标题</oddHeader>"));
}

TEST_CASE("a date cell takes only dates within bounds, and says what to write") {
  const std::string xml = sheet_xml([](XlsxSheet& s) {
    s.allow_dates({.col = 1, .first_row = 4, .last_row = 4}, day(2024, 1, 1), day(2024, 12, 31),
                  {.input = "", .error = "请填写日期，如 2024-06-10"});
  });
  CHECK(holds(xml, R"(<dataValidation type="date" allowBlank="1" showInputMessage="1" showErrorMessage="1" )"
                   R"(error="请填写日期，如 2024-06-10" sqref="B5">)"
                   "<formula1>45292</formula1><formula2>45657</formula2></dataValidation>"));
}

TEST_CASE("a drop-down offers its choices and names them when refusing") {
  const std::string xml = sheet_xml([](XlsxSheet& s) {
    s.allow_list({.col = 5, .first_row = 7, .last_row = 9}, {"未开始", "推进中"},
                 {.input = "", .error = "请选择"});
  });
  CHECK(holds(xml, R"(<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" )"
                   R"(error="请选择" sqref="F8:F10"><formula1>"未开始,推进中"</formula1></dataValidation>)"));
}

TEST_CASE("a drop-down choice holding a comma is an error, not two choices") {
  XlsxWorkbook book({"t", "a", day(2024, 6, 10)});
  XlsxSheet sheet = book.add_sheet("表");
  sheet.allow_list({.col = 0, .first_row = 0, .last_row = 0}, {"甲,乙"}, {});
  CHECK_THROWS_WITH_AS(book.finish(),
                       "无法生成 Excel 文件：下拉列表的选项“甲,乙”含逗号，Excel 会把它拆成两项", XlsxError);
}

TEST_CASE("a validation message too long for Excel is an error when the workbook is finished") {
  XlsxWorkbook book({"t", "a", day(2024, 6, 10)});
  XlsxSheet sheet = book.add_sheet("表");
  sheet.allow_integers({.col = 0, .first_row = 0, .last_row = 0}, 0, 100,
                       {.input = std::string(300, 'x'), .error = ""});
  CHECK_THROWS_AS(book.finish(), XlsxError);
}

TEST_CASE("a whole-number cell says what it takes on entry and on refusal") {
  const std::string xml = sheet_xml([](XlsxSheet& s) {
    s.allow_integers({.col = 6, .first_row = 7, .last_row = 9}, 0, 100,
                     {.input = "0 到 100 的整数", .error = "进度应为整数"});
  });
  CHECK(holds(xml, R"(<dataValidation type="whole" allowBlank="1" showInputMessage="1" showErrorMessage="1" )"
                   R"(error="进度应为整数" prompt="0 到 100 的整数" sqref="G8:G10">)"
                   "<formula1>0</formula1><formula2>100</formula2></dataValidation>"));
}

TEST_CASE("a protected sheet allows only what it says") {
  const std::string some = sheet_xml(
      [](XlsxSheet& s) { s.protect({.format_columns = true, .format_rows = false, .delete_rows = true}); });
  CHECK(holds(some,
              R"(<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" deleteRows="0"/>)"));
  const std::string rows = sheet_xml(
      [](XlsxSheet& s) { s.protect({.format_columns = false, .format_rows = true, .delete_rows = false}); });
  CHECK(holds(rows, R"(<sheetProtection sheet="1" objects="1" scenarios="1" formatRows="0"/>)"));
  const std::string none = sheet_xml([](XlsxSheet& s) { s.protect({}); });
  CHECK(holds(none, R"(<sheetProtection sheet="1" objects="1" scenarios="1"/>)"));
  CHECK_FALSE(holds(sheet_xml([](XlsxSheet&) {}), "sheetProtection"));
}

}  // namespace duban
