// Reading typed values out of a YamlNode tree, reporting every mismatch with
// its position and a hint in Chinese. Shared by the task and progress files.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "load/yaml_tree.h"
#include "model/date.h"
#include "model/diagnostic.h"
#include "model/due_date.h"
#include "model/entry.h"

namespace duban {

/// Reads fields of one file and collects what is wrong with them.
class FieldReader {
 public:
  FieldReader(std::string path, std::vector<Diagnostic>& out) : path_(std::move(path)), out_(out) {}

  const std::string& path() const { return path_; }
  /// The year a date written without one (2月8日) is suggested in; 0 for none.
  void set_default_year(int year) { default_year_ = year; }
  /// The year the examples in messages are written in (2024-06-08): the
  /// list's year once known, so that a list of 2026 is not told about 2024.
  void set_example_year(int year) { example_year_ = year; }
  void error(Pos at, std::string message);
  /// True while this file has fewer errors than are listed for one file:
  /// costly help such as "did you mean" is only worked out for those.
  bool few_errors() const;
  void warning(Pos at, std::string message);
  /// Where a value is, or where its key is when the value is empty.
  static Pos where(const YamlNode& value);

  /// True when `node` is a map; reports it otherwise, and reports keys not
  /// in `known`, suggesting the closest.
  bool expect_map(const YamlNode& node, std::string_view what, const std::vector<std::string>& known);
  /// The member `key` of `map`, reporting it when missing (with `values`,
  /// what may be written there, when given).
  const YamlNode* required(const YamlNode& map, std::string_view key, std::string_view what,
                           std::string_view values = {});

  /// Non-empty text.
  std::optional<std::string> text(const YamlNode& value);
  /// Text, empty allowed (an empty value is "").
  std::string optional_text(const YamlNode* value);
  std::optional<int> integer(const YamlNode& value, int min, int max);
  std::optional<double> number(const YamlNode& value);
  std::optional<Date> date(const YamlNode& value);
  std::optional<Month> month(const YamlNode& value);
  std::optional<DueDate> due(const YamlNode& value);
  /// true or false.
  std::optional<bool> boolean(const YamlNode& value);
  /// A date, or a range of dates written 2025-01-02..2025-01-27 (first not after last).
  std::optional<DaySpan> day_span(const YamlNode& value);
  /// The items of a sequence; a single scalar counts as a list of one.
  std::vector<const YamlNode*> list(const YamlNode& value);
  /// Non-empty texts of a sequence.
  std::vector<std::pair<std::string, Pos>> texts(const YamlNode& value);

 private:
  // Reports a date, month or deadline whose year is outside kMinYear..kMaxYear.
  bool year_in_range(const YamlNode& value);

  std::string path_;
  std::vector<Diagnostic>& out_;
  // Keys already suggested for a misspelt key, per map: not reported missing.
  std::set<std::pair<const YamlNode*, std::string>> suggested_;
  size_t errors_ = 0;
  int default_year_ = 0;
  int example_year_ = 2024;
};

/// How a value is called in messages: “键名” or “该项”.
std::string label(const YamlNode& value);

}  // namespace duban
