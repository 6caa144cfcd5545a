#include "render/xlsx_table.h"

#include <algorithm>

#include "model/text.h"

namespace duban {
namespace {

// A column of long texts wraps them instead of growing wider than this.
constexpr int kWidestColumn = 50;

// Display columns of the widest line of `text`, a wide (CJK) character counting as two.
int widest_line(const std::string& text) {
  int widest = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    widest = std::max(widest, display_width(std::string_view(text).substr(start, end - start)));
    start = end + 1;
  }
  return widest;
}

int cell_width(const XlsxCell& c) {
  switch (c.kind) {
    case XlsxCell::Kind::kText:
      return widest_line(c.text);
    case XlsxCell::Kind::kDate:
      return 10;
    case XlsxCell::Kind::kNumber:
      return 6;
    case XlsxCell::Kind::kEmpty:
      break;
  }
  return 0;
}

XlsxStyle::Fill light_fill(Light light) {
  switch (light) {
    case Light::kRed:
      return XlsxStyle::Fill::kRed;
    case Light::kYellow:
      return XlsxStyle::Fill::kYellow;
    case Light::kGreen:
      return XlsxStyle::Fill::kGreen;
    case Light::kNone:
      break;
  }
  return XlsxStyle::Fill::kNone;
}

void write_cell(XlsxSheet& sheet, int row, int col, const XlsxCell& c, bool wrap) {
  XlsxStyle style{c.format, c.fill};
  switch (c.kind) {
    case XlsxCell::Kind::kText:
      style.wrap = wrap || c.text.find('\n') != std::string::npos;
      sheet.text(row, col, c.text, style);
      return;
    case XlsxCell::Kind::kNumber:
      sheet.number(row, col, c.number, style);
      return;
    case XlsxCell::Kind::kDate:
      sheet.date(row, col, c.date, style);
      return;
    case XlsxCell::Kind::kEmpty:
      sheet.blank(row, col, style);
      return;
  }
}

}  // namespace

XlsxCell XlsxCell::of_text(std::string text) {
  XlsxCell c;
  if (!text.empty()) c.kind = Kind::kText;
  c.text = std::move(text);
  return c;
}

XlsxCell XlsxCell::integer(int value) {
  XlsxCell c;
  c.kind = Kind::kNumber;
  c.number = value;
  c.format = XlsxStyle::Number::kInteger;
  return c;
}

XlsxCell XlsxCell::general(double value) {
  XlsxCell c = integer(0);
  c.number = value;
  c.format = XlsxStyle::Number::kGeneral;
  return c;
}

XlsxCell XlsxCell::decimal(double value) {
  XlsxCell c = integer(0);
  c.number = value;
  c.format = XlsxStyle::Number::kDecimal;
  return c;
}

XlsxCell XlsxCell::percent(double ratio, bool one_decimal) {
  XlsxCell c = integer(0);
  c.number = ratio;
  c.format = one_decimal ? XlsxStyle::Number::kPercentDecimal : XlsxStyle::Number::kPercent;
  return c;
}

XlsxCell XlsxCell::of_date(Date day) {
  XlsxCell c;
  c.kind = Kind::kDate;
  c.date = day;
  c.format = XlsxStyle::Number::kDate;
  return c;
}

XlsxCell XlsxCell::lit(Light light) && {
  fill = light_fill(light);
  return std::move(*this);
}

int write_table(XlsxSheet& sheet, const XlsxTable& table, int first_row, TablePlace place) {
  const int columns = static_cast<int>(table.header.size());
  std::vector<int> widths(table.header.size(), 0);
  for (int col = 0; col < columns; ++col) widths[col] = widest_line(table.header[col]);
  for (const auto& row : table.rows) {
    for (int col = 0; col < columns && col < static_cast<int>(row.size()); ++col) {
      widths[col] = std::max(widths[col], cell_width(row[col]));
    }
  }
  const XlsxStyle header{.fill = XlsxStyle::Fill::kHeader,
                         .bold = true,
                         .wrap = true,
                         .horizontal = XlsxStyle::Horizontal::kCenter};
  for (int col = 0; col < columns; ++col) {
    sheet.text(first_row, col, table.header[col], header);
    sheet.fit_column(col, fitting_width(std::min(widths[col], kWidestColumn)));
  }
  int row = first_row + 1;
  if (table.rows.empty() && !table.empty_note.empty()) {
    XlsxStyle note;
    note.border = false;
    sheet.text(row++, 0, table.empty_note, note);
  }
  for (const auto& cells : table.rows) {
    for (int col = 0; col < columns && col < static_cast<int>(cells.size()); ++col) {
      write_cell(sheet, row, col, cells[col], widths[col] > kWidestColumn);
    }
    ++row;
  }
  if (place == TablePlace::kWholeSheet) {
    sheet.freeze_rows(first_row + 1);
    if (!table.rows.empty()) sheet.autofilter(first_row, row - 1, columns - 1);
    sheet.repeat_rows(first_row, first_row);
  }
  return row;
}

XlsxTable rejected_xlsx_table(const std::vector<RejectedFile>& rejected) {
  XlsxTable table{{"单位", "文件", "行", "列", "问题"}, {}, {}};
  for (const RejectedFile& r : rejected) {
    table.rows.push_back({XlsxCell::of_text(r.unit.value_or("（不明）")), XlsxCell::of_text(r.path),
                          XlsxCell::integer(r.line), XlsxCell::integer(r.column),
                          XlsxCell::of_text(r.message)});
  }
  return table;
}

void add_table_sheet(XlsxWorkbook& book, const std::string& name, const std::string& title,
                     const XlsxTable& table, bool landscape) {
  XlsxSheet sheet = book.add_sheet(name);
  write_table(sheet, table, 0, TablePlace::kWholeSheet);
  sheet.print_a4(landscape, title);
}

}  // namespace duban
