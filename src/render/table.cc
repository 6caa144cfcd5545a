#include "render/table.h"

#include <algorithm>

#include "model/text.h"

namespace duban {

std::string render_text_table(const Table& table) {
  std::vector<int> widths(table.header.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], display_width(row[i]));
    }
  };
  measure(table.header);
  for (const auto& row : table.rows) measure(row);

  std::string out;
  auto emit = [&](const std::vector<std::string>& row) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      line += i + 1 == row.size() ? row[i] : pad_right(row[i], widths[i]) + "  ";
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  };
  emit(table.header);
  for (const auto& row : table.rows) emit(row);
  return out;
}

std::string markdown_cell(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '|') {
      out += "\\|";
    } else if (c == '\r') {
      continue;
    } else if (c == '\n') {
      if (i + 1 < text.size()) out += "<br>";
    } else {
      out += c;
    }
  }
  return out.empty() ? " " : out;
}

std::string render_markdown_table(const Table& table) {
  std::string out;
  auto emit = [&](const std::vector<std::string>& row) {
    out += "|";
    for (const std::string& cell : row) out += " " + markdown_cell(cell) + " |";
    out += "\n";
  };
  emit(table.header);
  out += "|";
  for (size_t i = 0; i < table.header.size(); ++i) out += " --- |";
  out += "\n";
  for (const auto& row : table.rows) emit(row);
  return out;
}

namespace {

std::string csv_cell(const std::string& text) {
  std::string cell = text;
  // Spreadsheets run cells starting with these as formulas (CSV injection).
  if (!cell.empty() && std::string_view("=+-@\t\r").find(cell[0]) != std::string_view::npos) {
    cell.insert(0, "'");
  }
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string render_csv_rows(const Table& table) {
  std::string out;
  auto emit = [&](const std::vector<std::string>& row) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += ',';
      out += csv_cell(row[i]);
    }
    out += "\r\n";
  };
  emit(table.header);
  for (const auto& row : table.rows) emit(row);
  return out;
}

std::string render_csv(const Table& table) { return "\xEF\xBB\xBF" + render_csv_rows(table); }

}  // namespace duban
