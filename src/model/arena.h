// Texts and short lists held for the whole run (issue 14): the progress
// texts, metrics and duty dates of a million entries, each written once
// into large blocks instead of a heap allocation per string and vector. An
// entry keeps 8-byte handles to them, so it is small, cheap to copy and to
// move, and the run frees nothing entry by entry. What is held is never
// changed: assigning a new text or list holds a new one, and every copy of
// a handle goes on seeing what it saw.
#pragma once

#include <algorithm>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <fmt/format.h>

namespace duban {

/// `size` bytes aligned to `align` (at most alignof(max_align_t)), held
/// until the process ends; safe to call on several threads at once.
void* hold_bytes(size_t size, size_t align);

/// Asks the system to back the memory at `data`, `bytes` long, with huge
/// pages where it can: for the few large arrays of a big workspace, which
/// would otherwise take a page fault per 4 KiB as they fill.
void prefer_huge_pages(void* data, size_t bytes);

/// A text held for the run: converts to std::string_view, compares by its bytes.
class Text {
 public:
  /// The empty text.
  Text() = default;
  Text(std::string_view text);  // NOLINT(google-explicit-constructor): texts stand in for strings
  Text(const std::string& text) : Text(std::string_view(text)) {}  // NOLINT(google-explicit-constructor)
  Text(const char* text) : Text(std::string_view(text)) {}         // NOLINT(google-explicit-constructor)

  std::string_view view() const { return {data(), size()}; }
  operator std::string_view() const { return view(); }  // NOLINT(google-explicit-constructor)
  std::string str() const { return std::string(view()); }

  bool empty() const { return held_ == nullptr; }
  size_t size() const;
  const char* data() const;

  friend bool operator==(const Text& a, const Text& b) { return a.view() == b.view(); }
  friend bool operator==(const Text& a, std::string_view b) { return a.view() == b; }
  friend bool operator==(const Text& a, const std::string& b) { return a.view() == b; }
  friend bool operator==(const Text& a, const char* b) { return a.view() == b; }
  friend std::strong_ordering operator<=>(const Text& a, const Text& b) { return a.view() <=> b.view(); }

 private:
  const char* held_ = nullptr;  // its size (a uint32_t), then its bytes; none when empty
};

/// A list of a few items held for the run: built whole, from a vector or a
/// braced list, and never changed after. For the metrics, milestones and
/// duty dates of an entry.
template <typename T>
class Frozen {
  static_assert(std::is_trivially_destructible_v<T>, "held items are never destroyed");

 public:
  using value_type = T;
  using const_iterator = const T*;

  /// The empty list.
  Frozen() = default;
  Frozen(std::initializer_list<T> items) : Frozen(items.begin(), items.size()) {}
  Frozen(const std::vector<T>& items)
      : Frozen(items.data(), items.size()) {}  // NOLINT(google-explicit-constructor)

  const T* begin() const { return items(); }
  const T* end() const { return items() + size(); }
  size_t size() const { return block_ == nullptr ? 0 : block_->size; }
  bool empty() const { return block_ == nullptr; }
  const T& operator[](size_t i) const { return items()[i]; }
  const T& front() const { return items()[0]; }
  const T& back() const { return items()[size() - 1]; }

  /// This list with `item` after its items (a new list: for tests and the
  /// odd item; loaders build a vector and hold it once).
  Frozen with(const T& item) const {
    std::vector<T> items(begin(), end());
    items.push_back(item);
    return items;
  }

  friend bool operator==(const Frozen& a, const Frozen& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }

 private:
  struct Block {
    uint32_t size;
  };
  // Items start after the block's header, at their own alignment.
  static constexpr size_t kItemsAt = (sizeof(Block) + alignof(T) - 1) / alignof(T) * alignof(T);

  Frozen(const T* first, size_t n) {
    if (n == 0) return;
    void* at = hold_bytes(kItemsAt + n * sizeof(T), std::max(alignof(Block), alignof(T)));
    block_ = new (at) Block{static_cast<uint32_t>(n)};
    T* out = std::launder(reinterpret_cast<T*>(static_cast<char*>(at) + kItemsAt));
    std::uninitialized_copy_n(first, n, out);
  }
  const T* items() const {
    if (block_ == nullptr) return nullptr;
    return std::launder(reinterpret_cast<const T*>(reinterpret_cast<const char*>(block_) + kItemsAt));
  }

  const Block* block_ = nullptr;
};

}  // namespace duban

/// Printed as its bytes.
template <>
struct fmt::formatter<duban::Text> : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(const duban::Text& t, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(t.view(), ctx);
  }
};
