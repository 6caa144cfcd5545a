#include "render/table.h"

#include <algorithm>
#include <optional>

#include "model/text.h"

namespace duban {

namespace {

// A cut column keeps at least this many display columns.
constexpr int kNarrowestCut = 8;

std::vector<int> column_widths(const Table& table) {
  std::vector<int> widths(table.header.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], display_width(row[i]));
    }
  };
  measure(table.header);
  for (const auto& row : table.rows) measure(row);
  return widths;
}

// Narrows the widest cuttable column, one display column at a time, until
// the table fits or none can give more.
void narrow(std::vector<int>& widths, const TableFit& fit) {
  int total = 0;
  for (const int w : widths) total += w + 2;
  total -= 2;
  while (total > fit.width) {
    size_t widest = widths.size();
    for (const size_t c : fit.cuttable) {
      if (c < widths.size() && widths[c] > kNarrowestCut &&
          (widest == widths.size() || widths[c] > widths[widest])) {
        widest = c;
      }
    }
    if (widest == widths.size()) return;
    --widths[widest];
    --total;
  }
}

}  // namespace

std::string cut_to_width(std::string_view text, int width) {
  if (display_width(text) <= width) return std::string(text);
  std::string out;
  int used = 0;
  bool colored = false;
  for (size_t i = 0; i < text.size();) {
    // A colour (ESC [ ... m) takes no room and is kept; the cut text ends
    // by resetting it.
    if (text[i] == '\x1b') {
      const size_t end = std::min(text.find('m', i), text.size() - 1);
      out += text.substr(i, end - i + 1);
      colored = true;
      i = end + 1;
      continue;
    }
    const auto lead = static_cast<unsigned char>(text[i]);
    const size_t len = lead < 0x80 ? 1 : lead >> 5 == 6 ? 2 : lead >> 4 == 14 ? 3 : lead >> 3 == 30 ? 4 : 1;
    const std::string_view ch = text.substr(i, len);
    const int w = display_width(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
    i += len;
  }
  return out + (colored ? "…\x1b[0m" : "…");
}

namespace {

// The display widths of the code points of `text`, with their byte offsets.
struct Glyph {
  size_t at;
  size_t len;
  int width;
};
std::vector<Glyph> glyphs(std::string_view text) {
  std::vector<Glyph> out;
  for (size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const size_t len = lead < 0x80 ? 1 : lead >> 5 == 6 ? 2 : lead >> 4 == 14 ? 3 : lead >> 3 == 30 ? 4 : 1;
    out.push_back({i, len, display_width(text.substr(i, len))});
    i += len;
  }
  return out;
}

// `text` in `width` columns as its start, …, and its last `tail` columns
// (or fewer, to the character).
std::string cut_keeping_end(std::string_view text, int width, int tail) {
  const std::vector<Glyph> g = glyphs(text);
  size_t from = g.size();
  for (int used = 0; from > 0 && used + g[from - 1].width <= tail; used += g[--from].width) {
  }
  const int head_room = width - 1 - tail;
  std::string head;
  for (size_t i = 0, used = 0; i < from && static_cast<int>(used) + g[i].width <= head_room; ++i) {
    head += text.substr(g[i].at, g[i].len);
    used += static_cast<size_t>(g[i].width);
  }
  return head + "…" + std::string(from < g.size() ? text.substr(g[from].at) : std::string_view());
}

// The cells of column `c` cut to `width`: like cut_to_width, but texts that
// would read the same once cut keep their distinguishing end instead
// (加强…纠纷排查, 加强…纠纷调处).
std::vector<std::string> cut_column(const Table& table, size_t c, int width) {
  std::vector<std::string> cut;
  for (const auto& row : table.rows) cut.push_back(cut_to_width(row[c], width));
  for (size_t i = 0; i < cut.size(); ++i) {
    std::vector<size_t> same;
    for (size_t j = 0; j < cut.size(); ++j) {
      if (cut[j] == cut[i] && table.rows[j][c] != table.rows[i][c]) same.push_back(j);
    }
    if (same.empty()) continue;
    same.push_back(i);
    // The shortest end that tells them apart, half the room at least.
    for (int tail = (width - 1) / 2; tail <= width - 1; ++tail) {
      std::vector<std::string> recut;
      for (const size_t j : same) recut.push_back(cut_keeping_end(table.rows[j][c], width, tail));
      std::vector<std::string> sorted = recut;
      std::sort(sorted.begin(), sorted.end());
      if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end() && tail < width - 1) continue;
      for (size_t k = 0; k < same.size(); ++k) cut[same[k]] = recut[k];
      break;
    }
  }
  return cut;
}

// Punctuation a line may not start with.
bool closes(std::string_view ch) {
  static constexpr std::string_view kClosing[] = {"，", "。", "、", "；", "：", "！", "？", "）", "》", "」",
                                                  "』", "”",  "’",  ",",  ".",  ";",  ":",  "!",  "?",  ")"};
  return std::find(std::begin(kClosing), std::end(kClosing), ch) != std::end(kClosing);
}

// One line (no line break in it) broken into lines of at most `width`.
void wrap_line(std::string_view line, int width, std::string& out) {
  const std::vector<Glyph> g = glyphs(line);
  size_t start = 0;
  while (start < g.size()) {
    int used = 0;
    size_t end = start;
    while (end < g.size() && used + g[end].width <= width) used += g[end++].width;
    if (end < g.size()) {
      // Break before `end` or earlier: after a wide character or a space,
      // not before closing punctuation.
      size_t cut = end;
      while (cut > start + 1) {
        const std::string_view next = line.substr(g[cut].at, g[cut].len);
        const std::string_view prev = line.substr(g[cut - 1].at, g[cut - 1].len);
        if (!closes(next) && (g[cut - 1].width == 2 || prev == " " || next == " " || g[cut].width == 2))
          break;
        --cut;
      }
      if (cut > start + 1) end = cut;
    }
    size_t last = end;
    while (last > start && line[g[last - 1].at] == ' ') --last;  // no trailing spaces
    if (last > start) out += line.substr(g[start].at, g[last - 1].at + g[last - 1].len - g[start].at);
    out += '\n';
    start = end;
    while (start < g.size() && line[g[start].at] == ' ') ++start;  // nor leading ones
  }
}

}  // namespace

std::string wrap_to_width(std::string_view text, int width) {
  if (width <= 0) return std::string(text);
  std::string out;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    const std::string_view line = text.substr(0, nl);
    if (display_width(line) <= width) {
      out += line;
      out += '\n';
    } else {
      wrap_line(line, width, out);
    }
    if (nl == std::string_view::npos) {
      out.pop_back();  // the text did not end with a line break
      break;
    }
    text.remove_prefix(nl + 1);
  }
  return out;
}

std::string render_text_table(const Table& table) { return render_text_table(table, TableFit{}); }

std::string render_text_table(const Table& table, const TableFit& fit) {
  std::vector<int> widths = column_widths(table);
  const std::vector<int> natural = widths;
  if (fit.width > 0) narrow(widths, fit);

  // The cut cells of each narrowed column, computed once per column.
  std::vector<std::vector<std::string>> cut(widths.size());
  for (size_t c = 0; c < widths.size(); ++c) {
    if (widths[c] < natural[c]) cut[c] = cut_column(table, c, widths[c]);
  }
  std::string out;
  auto emit = [&](const std::vector<std::string>& row, std::optional<size_t> at) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      std::string cell = row[i];
      if (widths[i] < natural[i]) cell = at ? cut[i][*at] : cut_to_width(row[i], widths[i]);
      line += i + 1 == row.size() ? cell : pad_right(cell, widths[i]) + "  ";
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  };
  emit(table.header, std::nullopt);
  for (size_t r = 0; r < table.rows.size(); ++r) emit(table.rows[r], r);
  return out;
}

namespace {

bool starts_with_www(std::string_view s) {
  return s.size() >= 4 && (s[0] | 0x20) == 'w' && (s[1] | 0x20) == 'w' && (s[2] | 0x20) == 'w' && s[3] == '.';
}

// Appends `text` with nothing left for Markdown to act on: no HTML (< > &),
// no link or image ([ ] and the autolinks of GFM: scheme://, www., e-mail),
// no code span, no cell break; line breaks become `line_break` (a final one
// is dropped).
void append_inert(std::string& out, std::string_view text, std::string_view line_break) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '\\' || c == '[' || c == ']' || c == '`' || c == '|') {
      out += '\\';
      out += c;
    } else if (c == ':' && text.substr(i + 1, 2) == "//") {
      out += "\\:";
    } else if (starts_with_www(text.substr(i))) {
      out += text.substr(i, 3);
      out += "\\.";
      i += 3;
    } else if (c == '@') {
      // No escape stops GFM's e-mail autolink: a WORD JOINER (U+2060), which
      // shows as nothing, keeps the domain from starting right after the @.
      out += "@\xE2\x81\xA0";
    } else if (c == '\r') {
      continue;
    } else if (c == '\n') {
      if (i + 1 < text.size()) out += line_break;
    } else {
      out += c;
    }
  }
}

}  // namespace

std::string markdown_cell(std::string_view text) {
  std::string out;
  append_inert(out, text, "<br>");
  return out.empty() ? " " : out;
}

std::string markdown_text(std::string_view text) {
  std::string out;
  // What would open a block at the start of a line (heading, list, fence,
  // setext underline, ordered list "1." or "1)") is made literal.
  size_t digits = 0;
  while (digits < text.size() && digits < 9 && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits > 0 && digits < text.size() && (text[digits] == '.' || text[digits] == ')')) {
    out.append(text.substr(0, digits)).append("\\");
    text.remove_prefix(digits);
  } else if (!text.empty() && std::string_view("#+-*=~_").find(text[0]) != std::string_view::npos) {
    out += '\\';
  }
  append_inert(out, text, " ");
  return out;
}

void append_markdown_row(std::string& out, const std::vector<std::string>& row) {
  out += "|";
  for (const std::string& cell : row) {
    out += ' ';
    const size_t before = out.size();
    append_inert(out, cell, "<br>");
    if (out.size() == before) out += ' ';  // an empty cell, as markdown_cell gives it
    out += " |";
  }
  out += "\n";
}

void append_markdown_header(std::string& out, const std::vector<std::string>& header) {
  append_markdown_row(out, header);
  out += "|";
  for (size_t i = 0; i < header.size(); ++i) out += " --- |";
  out += "\n";
}

std::string render_markdown_table(const Table& table) {
  std::string out;
  append_markdown_header(out, table.header);
  for (const auto& row : table.rows) append_markdown_row(out, row);
  return out;
}

namespace {

// Whether a spreadsheet may take a cell starting with `text` for a formula
// (CSV injection): = + - @ tab and CR, and every character whose Unicode
// compatibility form is one of = + - @. LibreOffice and gnumeric start
// formulas with the ASCII ones only, but Excel in Chinese and Japanese turns
// full-width ＝＋－＠ into them as it reads a cell; the small, superscript and
// subscript forms are prefixed too, as nothing is lost by it.
bool starts_like_formula(std::string_view text) {
  static constexpr std::string_view kLookAlikes[] = {
      "＝", "＋", "－", "＠",  // U+FF1D U+FF0B U+FF0D U+FF20, full-width
      "﹦", "﹢", "﹣", "﹫",  // U+FE66 U+FE62 U+FE63 U+FE6B, small
      "⁼",  "⁺",  "₌",  "₊",   // U+207C U+207A U+208C U+208A, super- and subscript
      "﬩",                     // U+FB29, Hebrew alternative plus sign
  };
  if (text.empty()) return false;
  if (std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos) return true;
  return std::any_of(std::begin(kLookAlikes), std::end(kLookAlikes),
                     [&](std::string_view c) { return text.starts_with(c); });
}

std::string csv_cell(const std::string& text) {
  std::string cell = text;
  if (starts_like_formula(cell)) cell.insert(0, "'");
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

std::string render_csv(const Table& table, std::string_view first_line) {
  if (first_line.empty()) return render_csv(table);
  return "\xEF\xBB\xBF" + csv_cell(std::string(first_line)) + "\r\n" + render_csv_rows(table);
}

}  // namespace duban
