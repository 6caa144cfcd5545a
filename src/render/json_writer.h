// A streaming JSON writer: keys in the order written, two-space indentation,
// UTF-8 passed through, so the same data always gives the same bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/interned_name.h"

namespace duban {

/// Writes one JSON document into a string.
class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  /// The key of the next member; must be inside an object.
  JsonWriter& key(std::string_view k);

  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
  JsonWriter& value(const Name& s) { return value(std::string_view(s)); }
  JsonWriter& value(long n);
  JsonWriter& value(int n) { return value(static_cast<long>(n)); }
  JsonWriter& value(double d);
  JsonWriter& value(bool b);
  JsonWriter& null();
  template <typename T>
  JsonWriter& value(const std::optional<T>& v) {
    return v ? value(*v) : null();
  }
  /// A member: key and value.
  template <typename T>
  JsonWriter& field(std::string_view k, const T& v) {
    key(k);
    return value(v);
  }
  /// An array of strings on one line.
  JsonWriter& strings(const std::vector<std::string>& items);
  /// The same of names.
  JsonWriter& names(const std::vector<Name>& items);

  /// The document, ending in a newline.
  std::string str() const { return out_ + "\n"; }

 private:
  void before_value();
  void raw(std::string_view s);
  void newline();
  template <typename Text>
  JsonWriter& inline_strings(const std::vector<Text>& items);

  struct Level {
    bool empty = true;
    bool inline_array = false;
  };
  std::string out_;
  std::vector<Level> levels_;
  bool after_key_ = false;
};

/// `s` as a JSON string literal, quotes included.
std::string json_quote(std::string_view s);

}  // namespace duban
