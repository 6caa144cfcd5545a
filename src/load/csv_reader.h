// Reads a form saved as CSV: by Excel as "CSV UTF-8" (with a byte order
// mark) or as "CSV (逗号分隔)" on Chinese Windows (GBK), by WPS or
// LibreOffice (UTF-8). Quoted fields may hold commas, quotes and line breaks.
#pragma once

#include <string>
#include <string_view>

#include "load/sheet.h"

namespace duban {

/// The one sheet of a CSV file, or why it cannot be read in `error`.
struct CsvRead {
  Sheet sheet;
  std::string error;
};

/// The largest CSV file accepted.
constexpr size_t kMaxCsvBytes = 4 * 1024 * 1024;

/// Reads the bytes of a CSV file: UTF-8 with or without BOM, or GBK/GB18030.
/// Every cell is text.
CsvRead read_csv(std::string_view bytes);

}  // namespace duban
