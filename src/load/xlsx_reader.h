// Reads the cells of an .xlsx workbook as Excel, WPS, LibreOffice and
// gnumeric save it: sheets found through workbook.xml and its
// relationships (not by file name), shared and inline strings, rich text
// runs, numbers, and which numbers are shown as percentages. Formulas are
// read as the values last computed. Only what a filled form needs. What a
// file may cost is capped: its size, its parts unpacked, their trees in
// memory, and the text of its cells.
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

/// The most text the cells of a workbook may hold together, a shared
/// string counted again in each cell that uses it: every cell gets its own
/// copy, so a short file may not make them gigabytes.
constexpr size_t kMaxXlsxTextBytes = 64 * 1024 * 1024;

/// The most memory the parsed XML of a workbook's parts may take at once:
/// a tree costs several times the bytes of its part, whatever they say.
constexpr size_t kMaxXlsxTreeBytes = 96 * 1024 * 1024;

/// Reads an .xlsx file's bytes.
XlsxRead read_xlsx(std::string_view bytes);

}  // namespace duban
