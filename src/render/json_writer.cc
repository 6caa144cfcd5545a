#include "render/json_writer.h"

#include <cmath>

#include <fmt/format.h>

namespace duban {

std::string json_quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

void JsonWriter::newline() {
  out_ += '\n';
  out_.append(levels_.size() * 2, ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty()) return;
  Level& level = levels_.back();
  if (!level.empty) out_ += level.inline_array ? ", " : ",";
  if (!level.inline_array) newline();
  level.empty = false;
}

void JsonWriter::raw(std::string_view s) {
  before_value();
  out_ += s;
}

JsonWriter& JsonWriter::begin_object() {
  raw("{");
  levels_.push_back({});
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  const bool empty = levels_.back().empty;
  levels_.pop_back();
  if (!empty) newline();
  out_ += '}';
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  raw("[");
  levels_.push_back({});
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  const Level level = levels_.back();
  levels_.pop_back();
  if (!level.empty && !level.inline_array) newline();
  out_ += ']';
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
  before_value();
  out_ += json_quote(k);
  out_ += ": ";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
  raw(json_quote(s));
  return *this;
}

JsonWriter& JsonWriter::value(long n) {
  raw(std::to_string(n));
  return *this;
}

JsonWriter& JsonWriter::value(double d) {
  // Whole numbers print without a fraction; never NaN or infinity.
  if (!std::isfinite(d)) return null();
  if (d == std::floor(d) && std::fabs(d) < 1e15) return value(static_cast<long>(d));
  raw(fmt::format("{}", d));
  return *this;
}

JsonWriter& JsonWriter::value(bool b) {
  raw(b ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::null() {
  raw("null");
  return *this;
}

template <typename Text>
JsonWriter& JsonWriter::inline_strings(const std::vector<Text>& items) {
  raw("[");
  levels_.push_back({true, true});
  for (const Text& s : items) value(s);
  levels_.pop_back();
  out_ += ']';
  return *this;
}

JsonWriter& JsonWriter::strings(const std::vector<std::string>& items) { return inline_strings(items); }

JsonWriter& JsonWriter::names(const std::vector<Name>& items) { return inline_strings(items); }

}  // namespace duban
