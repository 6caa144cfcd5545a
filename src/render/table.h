// A table of text cells and its three renderings: aligned terminal text,
// GitHub-flavoured Markdown and CSV for Excel/WPS.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace duban {

/// How text for a terminal looks.
struct TextStyle {
  bool color = false;  ///< ANSI colours for the lights
  int width = 0;       ///< the terminal's columns, which tables fit; 0 for no limit
};

/// Header and rows of text; every row as wide as the header.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

/// Columns padded to the widest cell by display width (a CJK character is
/// two columns), separated by two spaces, no trailing spaces.
std::string render_text_table(const Table& table);

/// How a text table fits a terminal: at most `width` columns (0: no limit),
/// cutting the texts of the columns in `cuttable` with … where they must.
struct TableFit {
  int width = 0;
  std::vector<size_t> cuttable;
};

/// The same, fitted to `fit.width` as far as cutting `fit.cuttable` to a
/// few characters each allows.
std::string render_text_table(const Table& table, const TableFit& fit);

/// `text` cut to `width` display columns, the last one an …, when wider.
std::string cut_to_width(std::string_view text, int width);

/// Prose for a terminal: each line of `text` broken into lines of at most
/// `width` display columns (0: no limit), after a Chinese character or at
/// a space, never inside a run of Latin letters and digits (a date) when a
/// break before it allows, and never before closing punctuation (，。）).
std::string wrap_to_width(std::string_view text, int width);

/// A GFM pipe table: cells as markdown_cell makes them.
std::string render_markdown_table(const Table& table);

/// The same table appended to `out` a row at a time, for tables too long to
/// hold whole: first the header (with the rule under it), then each row.
void append_markdown_header(std::string& out, const std::vector<std::string>& header);
void append_markdown_row(std::string& out, const std::vector<std::string>& row);

/// One Markdown cell's text, inert: `<`, `>` and `&` as entities, nothing
/// that makes a link, image or code span, `|` escaped, line breaks as <br>.
std::string markdown_cell(std::string_view text);

/// A name or text for a Markdown heading, list item or paragraph, inert as
/// in markdown_cell, on one line (line breaks become spaces) and unable to
/// open a block (heading, list, fence) where it starts a line.
std::string markdown_text(std::string_view text);

/// RFC 4180 rows with CRLF, without the BOM; cells that a spreadsheet would
/// take for a formula are prefixed with an apostrophe.
std::string render_csv_rows(const Table& table);

/// A whole CSV file: UTF-8 BOM, then the rows.
std::string render_csv(const Table& table);

/// The same, after a line of one cell, `first_line`, when it is not empty.
std::string render_csv(const Table& table, std::string_view first_line);

}  // namespace duban
