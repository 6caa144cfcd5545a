// UTF-8 text helpers: display width for aligned tables and "did you mean"
// suggestions for misspelt names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace duban {

/// Decodes UTF-8 into code points; invalid bytes become U+FFFD.
std::u32string decode_utf8(std::string_view text);

/// Number of code points.
int count_chars(std::string_view text);

/// Columns a terminal uses: 2 for wide (CJK) characters, 1 otherwise.
int display_width(std::string_view text);

/// `text` padded with spaces to `width` display columns.
std::string pad_right(std::string_view text, int width);

/// `text` with full-width digits and marks (０-９, ．, －, ／, ％) as ASCII.
std::string ascii_digits(std::string_view text);

/// Edit distance counted in code points.
int edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `text`, when it is close enough to be a likely
/// typo; empty otherwise.
std::string closest_match(std::string_view text, const std::vector<std::string>& candidates);

}  // namespace duban
