// Interned names (issue 14): the units, tasks and files of entries and the
// names of the targets, milestones and duties they report, each held once
// for the whole run. An entry holds 8-byte handles, not copies of its
// names, and two names are equal exactly when their handles are. Names are
// ordered, hashed and printed by their text, so nothing that comes out
// depends on where a name happens to live.
#pragma once

#include <compare>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace duban {

/// A name held once for the whole run; cheap to copy and to compare.
class Name {
 public:
  /// The empty name.
  Name();
  /// The name with this text (held from now on, if it was not yet).
  Name(std::string_view text);  // NOLINT(google-explicit-constructor): names stand in for strings
  Name(const std::string& text) : Name(std::string_view(text)) {}  // NOLINT(google-explicit-constructor)
  Name(const char* text) : Name(std::string_view(text)) {}         // NOLINT(google-explicit-constructor)

  /// Its text.
  const std::string& str() const { return *text_; }
  operator const std::string&() const { return *text_; }  // NOLINT(google-explicit-constructor)
  operator std::string_view() const { return *text_; }    // NOLINT(google-explicit-constructor)

  bool empty() const { return text_->empty(); }
  size_t size() const { return text_->size(); }
  const char* data() const { return text_->data(); }
  const char* c_str() const { return text_->c_str(); }

  friend bool operator==(const Name& a, const Name& b) { return a.text_ == b.text_; }
  friend bool operator==(const Name& a, const std::string& b) { return *a.text_ == b; }
  friend bool operator==(const Name& a, std::string_view b) { return *a.text_ == b; }
  friend bool operator==(const Name& a, const char* b) { return *a.text_ == b; }
  friend std::strong_ordering operator<=>(const Name& a, const Name& b) {
    if (a.text_ == b.text_) return std::strong_ordering::equal;
    return *a.text_ <=> *b.text_;
  }
  friend std::strong_ordering operator<=>(const Name& a, std::string_view b) {
    return std::string_view(*a.text_) <=> b;
  }

 private:
  const std::string* text_;
};

}  // namespace duban

namespace duban {

/// Hashes a name by where it is held: quicker than by its text, for maps
/// that are only looked up in, never walked in an order that shows.
struct NameAddressHash {
  size_t operator()(const Name& n) const noexcept { return std::hash<const void*>{}(n.data()); }
};

}  // namespace duban

/// Hashed by its text, like the string it stands for.
template <>
struct std::hash<duban::Name> {
  size_t operator()(const duban::Name& n) const noexcept { return std::hash<std::string_view>{}(n.str()); }
};

/// Printed as its text.
template <>
struct fmt::formatter<duban::Name> : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(const duban::Name& n, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(std::string_view(n.str()), ctx);
  }
};
