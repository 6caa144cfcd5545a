// Reads the cells of an .xlsx workbook as Excel, WPS, LibreOffice and
// gnumeric save it: sheets found through workbook.xml and its
// relationships (not by file name), shared and inline strings, rich text
// runs, numbers, and which numbers are shown as percentages. Formulas are
// read as the values last computed. Only what a filled form needs.
#pragma once

#include <string>
#include <string_view>

#include "load/sheet.h"

namespace duban {

/// The workbook, or why it cannot be read (in words for the user) in `error`.
struct XlsxRead {
  Workbook book;
  std::string error;
};

/// The largest .xlsx accepted, and the most all its parts may unpack to together.
constexpr size_t kMaxXlsxBytes = 20 * 1024 * 1024;
constexpr size_t kMaxXlsxPartBytes = 64 * 1024 * 1024;

/// Reads an .xlsx file's bytes.
XlsxRead read_xlsx(std::string_view bytes);

}  // namespace duban
