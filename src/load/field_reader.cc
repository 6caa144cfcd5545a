#include "load/field_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "load/form_reader.h"
#include "model/text.h"

namespace duban {

namespace {

// An integer as written, when it is one once full-width digits are made
// ASCII (with `percent_sign`, once a trailing % is dropped).
std::optional<int> slipped_integer(const std::string& text, bool percent_sign) {
  std::string t = ascii_digits(text);
  if (percent_sign) {
    if (t.empty() || t.back() != '%') return std::nullopt;
    t.pop_back();
  } else if (t == text) {
    return std::nullopt;
  }
  int n = 0;
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), n);
  if (ec != std::errc() || end != t.data() + t.size()) return std::nullopt;
  return n;
}

// Block scalars (|) end in a newline; nobody means it.
std::string trimmed(const std::string& text) {
  const size_t end = text.find_last_not_of(" \n");
  return end == std::string::npos ? std::string() : text.substr(0, end + 1);
}

}  // namespace

std::string label(const YamlNode& value) {
  return value.key.empty() ? std::string("该项") : fmt::format("“{}”", value.key);
}

void FieldReader::error(Pos at, std::string message) {
  ++errors_;
  out_.push_back({path_, at.line, at.column, Severity::kError, std::move(message)});
}

bool FieldReader::few_errors() const { return errors_ < kMaxDiagnosticsPerFile; }

void FieldReader::warning(Pos at, std::string message) {
  out_.push_back({path_, at.line, at.column, Severity::kWarning, std::move(message)});
}

Pos FieldReader::where(const YamlNode& value) {
  // yaml-cpp places an empty value at the start of the next line; the key is
  // where a person will look.
  return value.is_null() && !value.key.empty() ? value.key_pos : value.pos;
}

bool FieldReader::expect_map(const YamlNode& node, std::string_view what,
                             const std::vector<std::string>& known) {
  if (!node.is_map()) {
    error(where(node), fmt::format("{}应写成“键: 值”的形式（映射）", what));
    return false;
  }
  for (const YamlNode& member : node.children) {
    if (std::find(known.begin(), known.end(), member.key) != known.end()) continue;
    const std::string suggestion = closest_match(member.key, known);
    if (!suggestion.empty()) suggested_.emplace(&node, suggestion);
    error(member.key_pos,
          suggestion.empty()
              ? fmt::format("{}中没有“{}”这个键：可用的键有 {}", what, member.key, fmt::join(known, "、"))
              : fmt::format("{}中没有“{}”这个键：是不是“{}”？", what, member.key, suggestion));
  }
  return true;
}

const YamlNode* FieldReader::required(const YamlNode& map, std::string_view key, std::string_view what,
                                      std::string_view values) {
  const YamlNode* value = map.find(key);
  const bool suggested = suggested_.count({&map, std::string(key)}) != 0;
  if (value == nullptr && !suggested) {
    error(map.pos, values.empty()
                       ? fmt::format("{}缺少必填的“{}”：请补上“{}: …”", what, key, key)
                       : fmt::format("{}缺少必填的“{}”：请补上“{}: …”，可填 {}", what, key, key, values));
  }
  return value;
}

std::optional<std::string> FieldReader::text(const YamlNode& value) {
  if (value.is_null() || (value.is_scalar() && trimmed(value.text).empty())) {
    error(where(value), fmt::format("{}不能为空：请填写内容", label(value)));
    return std::nullopt;
  }
  if (!value.is_scalar()) {
    error(where(value), fmt::format("{}应为一段文字，不是列表或映射", label(value)));
    return std::nullopt;
  }
  return trimmed(value.text);
}

std::string FieldReader::optional_text(const YamlNode* value) {
  if (value == nullptr || value->is_null()) return {};
  if (!value->is_scalar()) {
    error(where(*value), fmt::format("{}应为一段文字，不是列表或映射", label(*value)));
    return {};
  }
  return trimmed(value->text);
}

std::optional<int> FieldReader::integer(const YamlNode& value, int min, int max) {
  const std::string hint = fmt::format("{}应为 {} 到 {} 之间的整数", label(value), min, max);
  if (!value.is_scalar()) {
    error(where(value), value.is_null() ? fmt::format("{}不能为空：{}", label(value), hint) : hint);
    return std::nullopt;
  }
  int n = 0;
  const char* first = value.text.data();
  const char* last = first + value.text.size();
  auto [end, ec] = std::from_chars(first, last, n);
  if (ec != std::errc() || end != last || n < min || n > max) {
    if (const auto m = slipped_integer(value.text, false); m && *m >= min && *m <= max) {
      error(where(value), fmt::format("{}用了全角数字“{}”：请写成半角数字 {}", label(value), value.text, *m));
    } else if (const auto p = slipped_integer(value.text, true); p && *p >= min && *p <= max) {
      error(where(value),
            fmt::format("{}只写数字，不带百分号：请把“{}”写成 {}", label(value), value.text, *p));
    } else {
      error(where(value), fmt::format("{}，这里是“{}”", hint, value.text));
    }
    return std::nullopt;
  }
  return n;
}

std::optional<double> FieldReader::number(const YamlNode& value) {
  if (value.is_scalar()) {
    double d = 0;
    const char* first = value.text.data();
    const char* last = first + value.text.size();
    auto [end, ec] = std::from_chars(first, last, d);
    if (ec == std::errc() && end == last && std::isfinite(d) && d >= 0) return d;
    const std::string half = ascii_digits(value.text);
    const auto [hend, hec] = std::from_chars(half.data(), half.data() + half.size(), d);
    if (half != value.text && hec == std::errc() && hend == half.data() + half.size() && std::isfinite(d) &&
        d >= 0) {
      error(where(value),
            fmt::format("{}用了全角数字“{}”：请写成半角数字 {}", label(value), value.text, half));
      return std::nullopt;
    }
  }
  error(where(value), fmt::format("{}应为不小于 0 的数字（如 15 或 98.5，不带单位）{}", label(value),
                                  value.is_scalar() ? fmt::format("，这里是“{}”", value.text) : ""));
  return std::nullopt;
}

bool FieldReader::year_in_range(const YamlNode& value) {
  const auto year = value.is_scalar() ? year_out_of_range(value.text) : std::nullopt;
  if (!year) return true;
  error(
      where(value),
      fmt::format(
          "{}的年份 {} 不在 {} 至 {} 年之间（这里是“{}”）：duban 只处理这段时间内的日期，请检查年份是否写错",
          label(value), *year, kMinYear, kMaxYear, value.text));
  return false;
}

std::optional<Date> FieldReader::date(const YamlNode& value) {
  if (!year_in_range(value)) return std::nullopt;
  if (value.is_scalar()) {
    if (auto d = parse_iso_date(value.text)) return d;
    // The ways clerks write a day, each answered with the value meant.
    if (const auto d = parse_iso_date(ascii_digits(value.text))) {
      error(where(value),
            fmt::format("{}用了全角数字“{}”：请写成半角数字 {}", label(value), value.text, d->iso()));
    } else if (const auto typed = parse_typed_date(value.text, 0)) {
      error(where(value), fmt::format("{}写成了“{}”：日期请写成 {}（年-月-日，月和日都写两位）", label(value),
                                      value.text, typed->iso()));
    } else if (const auto yearless =
                   default_year_ ? parse_typed_date(value.text, default_year_) : std::nullopt) {
      error(where(value), fmt::format("{}写的“{}”没有年份：按所在文件夹的年份，请写成 {}", label(value),
                                      value.text, yearless->iso()));
    } else {
      error(where(value), fmt::format("{}不是有效日期“{}”：请写成 {}-06-08 的形式，并确认这一天存在",
                                      label(value), value.text, example_year_));
    }
  } else {
    error(where(value), fmt::format("{}应为日期，如 {}-06-08", label(value), example_year_));
  }
  return std::nullopt;
}

std::optional<Month> FieldReader::month(const YamlNode& value) {
  if (!year_in_range(value)) return std::nullopt;
  if (value.is_scalar()) {
    if (auto m = parse_iso_month(value.text)) return m;
  }
  error(where(value), fmt::format("{}应为月份，如 {}-05", label(value), example_year_));
  return std::nullopt;
}

std::optional<DueDate> FieldReader::due(const YamlNode& value) {
  if (!year_in_range(value)) return std::nullopt;
  if (value.is_scalar()) {
    if (auto d = parse_due_date(value.text)) return d;
    error(where(value), fmt::format("{1}无法识别为期限“{2}”：可写 {0}年6月前、{0}年6月底前、{0}年6月30日前、"
                                    "{0}-06 或 {0}-06-30，并确认这一天存在",
                                    example_year_, label(value), value.text));
  } else {
    error(where(value), fmt::format("{}应为期限，如 {}年6月前", label(value), example_year_));
  }
  return std::nullopt;
}

std::optional<bool> FieldReader::boolean(const YamlNode& value) {
  if (value.is_scalar() && (value.text == "true" || value.text == "false")) return value.text == "true";
  error(where(value), fmt::format("{}应为 true（是）或 false（否）{}", label(value),
                                  value.is_scalar() ? fmt::format("，这里是“{}”", value.text) : ""));
  return std::nullopt;
}

std::optional<DaySpan> FieldReader::day_span(const YamlNode& value) {
  const size_t dots = value.is_scalar() ? value.text.find("..") : std::string::npos;
  if (dots == std::string::npos) {
    auto d = date(value);
    if (!d) return std::nullopt;
    return DaySpan{*d, *d};
  }
  const std::string_view text = value.text;
  const auto first = parse_iso_date(text.substr(0, dots));
  const auto last = parse_iso_date(text.substr(dots + 2));
  if (!first || !last) {
    error(where(value),
          fmt::format(
              "{}不是有效的日期范围“{}”：请写成 2025-01-02..2025-01-27 的形式（起止日期之间两个半角句点），"
              "并确认这两天都存在",
              label(value), value.text));
    return std::nullopt;
  }
  if (*first > *last) {
    error(where(value), fmt::format("日期范围“{}”的起止颠倒：请把较早的日期写在前面，如 {}..{}", value.text,
                                    last->iso(), first->iso()));
    return std::nullopt;
  }
  return DaySpan{*first, *last};
}

std::vector<const YamlNode*> FieldReader::list(const YamlNode& value) {
  std::vector<const YamlNode*> items;
  if (value.is_sequence()) {
    for (const YamlNode& c : value.children) items.push_back(&c);
  } else if (value.is_scalar()) {
    items.push_back(&value);
  } else if (value.is_map()) {
    error(where(value), fmt::format("{}应为列表（每项以“- ”开头，或写成 [甲, 乙]）", label(value)));
  }
  return items;
}

std::vector<std::pair<std::string, Pos>> FieldReader::texts(const YamlNode& value) {
  std::vector<std::pair<std::string, Pos>> out;
  for (const YamlNode* item : list(value)) {
    if (auto t = text(*item)) out.emplace_back(*t, item->pos);
  }
  return out;
}

}  // namespace duban
