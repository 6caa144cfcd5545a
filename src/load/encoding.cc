#include "load/encoding.h"

#include <algorithm>

#include <fmt/format.h>

namespace duban {
namespace {

// Length of the valid UTF-8 sequence at `i`, or 0.
size_t utf8_sequence_length(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  auto cont = [&](size_t k) {
    return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  };
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    if (c == 0xE0 && c1 < 0xA0) return 0;   // overlong
    if (c == 0xED && c1 >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    if (c == 0xF0 && c1 < 0x90) return 0;
    if (c == 0xF4 && c1 >= 0x90) return 0;
    return 4;
  }
  return 0;
}

// The code point of the valid sequence of `n` bytes at `i`.
char32_t code_point_at(std::string_view s, size_t i, size_t n) {
  static constexpr unsigned char kLead[5] = {0, 0x7F, 0x1F, 0x0F, 0x07};
  char32_t cp = static_cast<unsigned char>(s[i]) & kLead[n];
  for (size_t k = 1; k < n; ++k) cp = cp << 6 | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return cp;
}

struct Cursor {
  int line = 1;
  int column = 1;
};

bool is_control(char32_t cp) { return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F); }

// The embeddings, overrides and isolates of the Unicode bidirectional
// algorithm: they make text display in another order than it reads.
bool is_bidi_control(char32_t cp) { return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069); }

// `escaped`: the character was written as an escape in quotes.
std::string bidi_message(char32_t cp, bool escaped) {
  return fmt::format(
      "含有改变文字显示方向的不可见字符 U+{:04X}{}，它会让显示出来的文字与实际内容不同：请删除{}",
      static_cast<unsigned>(cp), escaped ? "（由引号中的转义写法写出，如“\\u202e”）" : "",
      escaped ? "这个转义写法" : "该字符");
}

// True when `bytes` look like UTF-16: a byte order mark (FF FE, FE FF), or
// without one, NUL bytes in most even or most odd places (ASCII letters
// and digits, as keys and dates are, have a zero byte in UTF-16).
bool looks_like_utf16(std::string_view bytes) {
  if (bytes.size() >= 2 &&
      ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    return true;
  }
  size_t zeros[2] = {0, 0};
  const size_t n = std::min<size_t>(bytes.size(), 4096) / 2 * 2;
  if (n < 4) return false;
  for (size_t i = 0; i < n; ++i) zeros[i % 2] += bytes[i] == '\0';
  return zeros[0] * 4 >= n || zeros[1] * 4 >= n;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  for (size_t i = 0; i < bytes.size();) {
    const size_t n = utf8_sequence_length(bytes, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

bool looks_like_gbk(std::string_view bytes) {
  bool any_double = false;
  for (size_t i = 0; i < bytes.size(); ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) continue;
    if (c == 0x80 || c == 0xFF || i + 1 >= bytes.size()) return false;
    const auto t = static_cast<unsigned char>(bytes[i + 1]);
    if (t >= 0x30 && t <= 0x39) {  // GB18030 four-byte form
      if (i + 3 >= bytes.size()) return false;
      i += 3;
    } else if (t >= 0x40 && t <= 0xFE && t != 0x7F) {
      ++i;
    } else {
      return false;
    }
    any_double = true;
  }
  return any_double;
}

bool check_text_bytes(const std::string& path, std::string_view bytes, std::vector<Diagnostic>& out) {
  if (looks_like_utf16(bytes)) {
    out.push_back(
        {path, 1, 1, Severity::kError,
         "文件是 UTF-16 编码（记事本里叫“Unicode”或“UTF-16 LE”），duban 只读 UTF-8：请用记事本打开，"
         "点“文件 → 另存为”，在“编码”中选 UTF-8 后保存；用 WPS 或 VS Code 时也是另存为 UTF-8 编码"});
    return false;
  }
  Cursor at;
  bool tab_reported_on_line = false;
  for (size_t i = 0; i < bytes.size();) {
    if (const auto c = static_cast<unsigned char>(bytes[i]); c >= 0x20 && c < 0x7F) {
      ++at.column;  // printable ASCII, most of a file: nothing to check
      ++i;
      continue;
    }
    const size_t n = utf8_sequence_length(bytes, i);
    if (n == 0) {
      const std::string how =
          looks_like_gbk(bytes)
              ? "文件看起来是 GBK/GB18030 编码，duban 只读 UTF-8：请用记事本“另存为”并把编码选为 "
                "UTF-8，或在 WPS/VS Code 中以 UTF-8 编码重新保存"
              : "文件不是有效的 UTF-8 编码：请以 UTF-8 编码重新保存该文件";
      out.push_back({path, at.line, at.column, Severity::kError, how});
      return false;
    }
    const char32_t cp = code_point_at(bytes, i, n);
    if (cp == U'\n') {
      ++at.line;
      at.column = 1;
      tab_reported_on_line = false;
      i += n;
      continue;
    }
    if (cp == U'\t') {
      if (!tab_reported_on_line) {
        out.push_back({path, at.line, at.column, Severity::kError,
                       "含有制表符（Tab）：YAML 只能用空格缩进，请把制表符换成空格"});
        tab_reported_on_line = true;
      }
    } else if (cp == U'\r') {
      if (i + 1 >= bytes.size() || bytes[i + 1] != '\n') {
        out.push_back({path, at.line, at.column, Severity::kError,
                       "含有单独的回车符（CR）：请以 UTF-8、Windows（CRLF）或 Unix（LF）换行重新保存"});
      }
    } else if (cp == 0xFEFF) {
      out.push_back({path, at.line, at.column, Severity::kError,
                     "文件中间含有字节顺序标记（U+FEFF，不可见字符）：多半是拼接文件时带入的，请删除该字符"});
    } else if (is_control(cp)) {
      out.push_back({path, at.line, at.column, Severity::kError,
                     fmt::format("含有不可见的控制字符 U+{:04X}：请删除该字符", static_cast<unsigned>(cp))});
    } else if (is_bidi_control(cp)) {
      out.push_back({path, at.line, at.column, Severity::kError, bidi_message(cp, false)});
    }
    ++at.column;
    i += n;
  }
  return true;
}

std::string check_decoded_text(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    if (const auto c = static_cast<unsigned char>(text[i]); c >= 0x20 && c < 0x7F) {
      ++i;  // printable ASCII
      continue;
    }
    const size_t n = utf8_sequence_length(text, i);
    if (n == 0) return "含有无效的 UTF-8 字节（由引号中的转义写法写出）：请删除这个转义写法";
    const char32_t cp = code_point_at(text, i, n);
    i += n;
    if (cp == U'\n') continue;
    if (is_control(cp) || cp == 0xFEFF) {
      return fmt::format(
          "含有不可见的控制字符 "
          "U+{:04X}（由引号中的转义写法写出，如“\\e”“\\t”“\\x1b”“\\u001b”）：请删除这个转义写法",
          static_cast<unsigned>(cp));
    }
    if (is_bidi_control(cp)) return bidi_message(cp, true);
  }
  return {};
}

}  // namespace duban
