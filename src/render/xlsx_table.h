// A sheet as a table of typed cells: the header in row 1, frozen, filtered
// and printed on every page, the columns as wide as their texts. The office's
// workbooks (reconcile, rank) are made of such sheets.
#pragma once

#include <string>
#include <vector>

#include "evaluate/deadline.h"
#include "model/workspace.h"
#include "render/xlsx_writer.h"

namespace duban {

/// One cell of a workbook table: nothing, a text, a number in a format, or a date.
struct XlsxCell {
  enum class Kind { kEmpty, kText, kNumber, kDate };
  Kind kind = Kind::kEmpty;
  std::string text;
  double number = 0;
  Date date;
  XlsxStyle::Number format = XlsxStyle::Number::kGeneral;
  XlsxStyle::Fill fill = XlsxStyle::Fill::kNone;

  /// A text cell; an empty text gives an empty cell.
  static XlsxCell of_text(std::string text);
  /// 12
  static XlsxCell integer(int value);
  /// A number as General shows it: 30, 12.5.
  static XlsxCell general(double value);
  /// 98.5
  static XlsxCell decimal(double value);
  /// 0.6 shown as 60%, or with one decimal as 60.0%.
  static XlsxCell percent(double ratio, bool one_decimal = false);
  /// 2024-06-30, a date.
  static XlsxCell of_date(Date day);
  /// The same cell filled with the traffic light's colour (none for Light::kNone).
  XlsxCell lit(Light light) &&;
};

/// A sheet's table: its header and rows, and what to say when it has no row.
struct XlsxTable {
  std::vector<std::string> header;
  std::vector<std::vector<XlsxCell>> rows;
  std::string empty_note;  ///< written under the header when there are no rows
};

/// How a table stands on its sheet: one of several, or the sheet's own
/// (its header row frozen, filtered and printed on every page).
enum class TablePlace { kAmongOthers, kWholeSheet };

/// Writes `table` into `sheet` from row `first_row`; returns the row after
/// it. Each column is at least as wide as its widest line.
int write_table(XlsxSheet& sheet, const XlsxTable& table, int first_row = 0,
                TablePlace place = TablePlace::kAmongOthers);

/// The files left out of a report (报送文件有误): unit, file, line, column, problem.
XlsxTable rejected_xlsx_table(const std::vector<RejectedFile>& rejected);

/// With `sample`, writes the sample-data banner (【示例数据】) in the first
/// row of `sheet`, so that no sheet of a sample workbook passes for real;
/// returns the row where the sheet's content starts.
int write_sample_banner(XlsxSheet& sheet, bool sample);

/// A new sheet `name` holding `table`, on A4 pages with `title` above each,
/// under the sample-data banner when `sample`.
void add_table_sheet(XlsxWorkbook& book, const std::string& name, const std::string& title,
                     const XlsxTable& table, bool sample, bool landscape = true);

}  // namespace duban
