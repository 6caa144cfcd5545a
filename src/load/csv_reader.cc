#include "load/csv_reader.h"

#include <iconv.h>

#include <optional>

#include "load/encoding.h"

namespace duban {
namespace {

// `bytes` from GB18030 (a superset of GBK) to UTF-8, or nothing.
std::optional<std::string> from_gb18030(std::string_view bytes) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string in(bytes);
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in_ptr = in.data();
  size_t in_left = in.size();
  char* out_ptr = out.data();
  size_t out_left = out.size();
  const size_t done = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
  iconv_close(cd);
  if (done == static_cast<size_t>(-1) || in_left != 0) return std::nullopt;
  out.resize(out.size() - out_left);
  return out;
}

}  // namespace

CsvRead read_csv(std::string_view bytes) {
  CsvRead result;
  if (bytes.size() > kMaxCsvBytes) {
    result.error = "文件大于 4 MiB，不像是报送表";
    return result;
  }
  std::string text;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (is_valid_utf8(bytes)) {
    text = bytes;
  } else if (auto decoded = from_gb18030(bytes)) {
    text = std::move(*decoded);
  } else {
    result.error = "文件既不是 UTF-8 也不是 GBK 编码，读不出来：请用 Excel 或 WPS 重新另存为 CSV 或 .xlsx";
    return result;
  }
  int row = 1;
  int column = 1;
  std::string field;
  bool quoted = false;  // inside quotes
  bool was_quoted = false;
  auto end_field = [&] {
    if (!field.empty() && result.sheet.cells.size() < kMaxSheetCells && row <= kMaxSheetRows &&
        column <= kMaxSheetColumns) {
      result.sheet.cells[{row, column}].text = field;
    }
    field.clear();
    was_quoted = false;
    ++column;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
        // A line break inside a cell, as Windows writes it.
      } else {
        field += c;
      }
    } else if (c == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (c == ',') {
      end_field();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_field();
      ++row;
      column = 1;
    } else {
      field += c;
    }
  }
  if (!field.empty() || column > 1) end_field();
  if (row > kMaxSheetRows || result.sheet.cells.size() >= kMaxSheetCells) {
    result.error = "表格太大（行或单元格太多），不像是报送表";
    result.sheet.cells.clear();
  }
  return result;
}

}  // namespace duban
