// A thin wrapper over libxlsxwriter for the workbooks duban writes: sheets
// of text, numbers and dates in a few cell styles, column widths and row
// heights, frozen and printed header rows, A4 pages; and for the report
// form, the checks Excel makes on what a clerk types (data validations) and
// sheet protection. The workbook comes back as bytes, so that
// the commands write it like any other report (atomically, only when it
// changes). libxlsxwriter writes to a file name only: the workbook goes to an
// anonymous file in memory (memfd), named by /proc/self/fd, and never to a
// path on disk. Its timestamps are the given day's and the zip entries'
// libxlsxwriter's fixed 1980-01-01, so the same input gives the same bytes.
#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.h"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;
struct lxw_data_validation;

namespace duban {

/// Why a workbook could not be made; its message is Chinese, for the user.
struct XlsxError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// How a cell looks: its number format, fill, font, wrapping, alignment and lock.
struct XlsxStyle {
  /// General; 12; 98.5; 60%; 60.0%; 2024-06-30.
  enum class Number { kGeneral, kInteger, kDecimal, kPercent, kPercentDecimal, kDate };
  /// The header's grey, the traffic lights' red, yellow and green, and a
  /// form's light grey where duban fills in and light yellow where the unit writes.
  enum class Fill { kNone, kHeader, kRed, kYellow, kGreen, kLocked, kInput };
  /// The body text; a title (bold, 16 points); a note (italic, dark grey).
  enum class Font { kBody, kTitle, kNote };
  /// Across the cell: as Excel places the value (texts left, numbers right), left, centred.
  enum class Horizontal { kGeneral, kLeft, kCenter };
  /// Up and down the cell: at its top, in its middle, at its bottom (Excel's own).
  enum class Vertical { kTop, kCenter, kBottom };

  Number number = Number::kGeneral;
  Fill fill = Fill::kNone;
  bool bold = false;
  bool wrap = false;
  bool border = true;
  Horizontal horizontal = Horizontal::kGeneral;
  bool locked = true;  ///< only matters on a protected sheet
  Font font = Font::kBody;
  Vertical vertical = Vertical::kTop;

  auto operator<=>(const XlsxStyle&) const = default;
};

/// What a workbook says about itself (docProps/core.xml).
struct XlsxProperties {
  std::string title;
  std::string author;
  Date created;  ///< the document's timestamp: midnight UTC of this day
};

/// Cells first_row..last_row of column `col`.
struct XlsxColumnCells {
  int col = 0;
  int first_row = 0;
  int last_row = 0;
};

/// What a data validation says: `input` when the cell is selected (nothing
/// when empty), `error` when a value is refused (Excel's own words when
/// empty). At most 255 characters each.
struct XlsxPrompt {
  std::string input;
  std::string error;
};

/// What a user may still do on a protected sheet besides writing into its
/// unlocked cells (selecting cells is always allowed).
struct XlsxProtection {
  bool format_columns = false;  ///< change column widths
  bool format_rows = false;     ///< change row heights
  bool delete_rows = false;
};

class XlsxWorkbook;

/// One worksheet of an XlsxWorkbook; rows and columns count from 0.
class XlsxSheet {
 public:
  using Number = XlsxStyle::Number;

  /// A text cell, never a formula; cut to Excel's 32767 characters.
  void text(int row, int col, std::string_view text, const XlsxStyle& style = {});
  /// A number cell.
  void number(int row, int col, double value, const XlsxStyle& style = {});
  /// A date cell (a day number shown as the style's date format).
  void date(int row, int col, Date day, const XlsxStyle& style = {Number::kDate});
  /// An empty cell that still has the style (its border, its fill).
  void blank(int row, int col, const XlsxStyle& style = {});
  /// A text cell with no style at all: the workbook's font, no border, no
  /// fill, at the bottom, locked on a protected sheet.
  void plain_text(int row, int col, std::string_view text);

  /// Column `col` at least `width` characters of a Latin font wide: a
  /// column shared by two tables is as wide as the wider needs.
  void fit_column(int col, double width);
  /// Row `row` `points` high (a point is 1/72 inch).
  void row_height(int row, double points);
  /// Keeps the first `rows` rows in sight when scrolling.
  void freeze_rows(int rows);
  /// Keeps the first `rows` rows and the first `cols` columns in sight when scrolling.
  void freeze(int rows, int cols);
  /// Filter buttons on header row `row` for the table below it, to
  /// `last_row` and `last_col`.
  void autofilter(int row, int last_row, int last_col);
  /// Prints rows first..last at the top of every page.
  void repeat_rows(int first, int last);
  /// A4, landscape or not, as wide as one page, the title above each page
  /// and 第 N 页，共 M 页 below.
  void print_a4(bool landscape, std::string_view title);
  /// A4, landscape or not, at its own size, with no page header or footer.
  void print_a4(bool landscape);
  /// Printed one page wide, as many pages long as it takes.
  void print_one_page_wide();

  /// Only dates from `first` to `last` in `cells`; blanks allowed.
  void allow_dates(const XlsxColumnCells& cells, Date first, Date last, const XlsxPrompt& prompt);
  /// Only one of `choices` in `cells`, picked from a drop-down; blanks
  /// allowed. The choices together hold at most 255 characters and no comma.
  void allow_list(const XlsxColumnCells& cells, const std::vector<std::string>& choices,
                  const XlsxPrompt& prompt);
  /// Only whole numbers from `min` to `max` in `cells`; blanks allowed.
  void allow_integers(const XlsxColumnCells& cells, int min, int max, const XlsxPrompt& prompt);
  /// Protects the sheet, with no password: its locked cells cannot be
  /// changed, and of the rest only what `allowed` says may be done.
  void protect(const XlsxProtection& allowed);

 private:
  friend class XlsxWorkbook;
  XlsxSheet(XlsxWorkbook* book, lxw_worksheet* sheet) : book_(book), sheet_(sheet) {}
  void validate(const XlsxColumnCells& cells, lxw_data_validation& rule, const XlsxPrompt& prompt);

  XlsxWorkbook* book_;
  lxw_worksheet* sheet_;
  std::vector<double> widths_;  // set so far, by column
};

/// A workbook being built; finish() closes it and returns its bytes.
class XlsxWorkbook {
 public:
  /// Throws XlsxError when the in-memory file cannot be made.
  explicit XlsxWorkbook(const XlsxProperties& properties);
  ~XlsxWorkbook();
  XlsxWorkbook(const XlsxWorkbook&) = delete;
  XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

  /// A new sheet at the end, named `name` (at most 31 characters, no []:*?/\).
  XlsxSheet add_sheet(const std::string& name);

  /// Writes the workbook and returns the bytes of the .xlsx file; throws
  /// XlsxError when a cell or the file could not be written. Once only.
  std::string finish();

 private:
  friend class XlsxSheet;
  lxw_format* format(const XlsxStyle& style);
  // Records a libxlsxwriter error about `what`, or the message, unless one came first.
  void check(int error, std::string_view what);
  void fail(std::string message);

  int fd_ = -1;
  lxw_workbook* book_ = nullptr;
  std::string title_, author_;  // kept alive for libxlsxwriter until finish()
  std::map<XlsxStyle, lxw_format*> formats_;
  std::string failure_;  // the first error, reported by finish()
};

/// The width of a column holding these texts: the widest line, a wide
/// (CJK) character counting as two, plus a margin, within min..max.
double fitting_width(int display_columns, double min = 6, double max = 60);

}  // namespace duban
