// A spreadsheet as read from a filled form: its sheets, each a grid of
// cells holding text or a number. Read from .xlsx (xlsx_reader) or .csv
// (csv_reader); what the cells mean is form_reader's business.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace duban {

/// One cell: text, or a number (dates are serial numbers, as Excel keeps them).
struct SheetCell {
  bool is_number = false;
  std::string text;      ///< the text; for a number, empty
  double number = 0;     ///< the number, when is_number
  bool percent = false;  ///< a number shown as a percentage (80% is 0.8)
  /// Why the cell's content cannot be read as it was written (a reference
  /// to a character XML forbids, such as &#0;), in words for the user;
  /// empty when it can. Such a cell holds no text.
  std::string unreadable;
};

/// One sheet: its cells by (row, column), both from 1.
struct Sheet {
  std::string name;
  std::map<std::pair<int, int>, SheetCell> cells;

  /// The cell at `row`, `column`, or nothing when it is empty.
  const SheetCell* at(int row, int column) const;
};

/// A workbook's sheets in their order, and whether its dates count from 1904.
struct Workbook {
  std::vector<Sheet> sheets;
  bool date1904 = false;
};

/// The name of a cell as spreadsheets show it: C7, AA12.
std::string cell_name(int row, int column);

/// The most rows and columns a form may have (a sheet of Excel's own size
/// is refused long before): reading stays quick whatever the file holds.
constexpr int kMaxSheetRows = 100000;
constexpr int kMaxSheetColumns = 16384;
constexpr size_t kMaxSheetCells = 200000;

}  // namespace duban
