#include "model/held.h"

#include <cstdlib>
#include <cstring>
#include <mutex>

namespace duban {
namespace {

// Blocks are taken from the system this large, or larger for one big text.
constexpr size_t kBlock = size_t{1} << 20;

// Every block of the run, for its whole life: held texts never dangle, and
// leak checkers see the blocks as still in use. What a thread has left of
// its block when it ends is handed back, so the threads of each parallel
// load do not each leave a block's end unused.
class Store {
 public:
  // A block of at least `size` bytes: a spare one when there is one.
  std::pair<char*, size_t> take(size_t size) {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (size <= spare_size_) {
      const std::pair<char*, size_t> spare{spare_, spare_size_};
      spare_ = nullptr;
      spare_size_ = 0;
      return spare;
    }
    const size_t n = std::max(size, kBlock);
    auto* block = static_cast<char*>(std::malloc(n));
    if (block == nullptr) throw std::bad_alloc();
    blocks_.push_back(block);
    return {block, n};
  }

  // Keeps the larger of `rest` and the spare for the next thread.
  void give_back(char* rest, size_t size) {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (size > spare_size_) {
      spare_ = rest;
      spare_size_ = size;
    }
  }

 private:
  std::mutex mutex_;
  std::vector<char*> blocks_;
  char* spare_ = nullptr;
  size_t spare_size_ = 0;
};

Store& store() {
  static Store* const s = new Store;  // never destroyed: texts may be used until exit
  return *s;
}

// One thread's part of the current block.
struct Cursor {
  char* at = nullptr;
  size_t left = 0;
  ~Cursor() {
    if (left > 0) store().give_back(at, left);
  }
};

}  // namespace

void* hold_bytes(size_t size, size_t align) {
  thread_local Cursor cursor;
  const size_t pad = (align - reinterpret_cast<uintptr_t>(cursor.at) % align) % align;
  if (cursor.at == nullptr || pad + size > cursor.left) {
    const auto [block, n] = store().take(size + align);
    if (cursor.left > 0) store().give_back(cursor.at, cursor.left);
    cursor.at = block;
    cursor.left = n;
    return hold_bytes(size, align);
  }
  char* out = cursor.at + pad;
  cursor.at += pad + size;
  cursor.left -= pad + size;
  return out;
}

Text::Text(std::string_view text) {
  if (text.empty()) return;
  const auto n = static_cast<uint32_t>(text.size());
  auto* at = static_cast<char*>(hold_bytes(sizeof n + text.size() + 1, alignof(uint32_t)));
  std::memcpy(at, &n, sizeof n);
  std::memcpy(at + sizeof n, text.data(), text.size());
  at[sizeof n + text.size()] = '\0';
  held_ = at;
}

size_t Text::size() const {
  if (held_ == nullptr) return 0;
  uint32_t n = 0;
  std::memcpy(&n, held_, sizeof n);
  return n;
}

const char* Text::data() const { return held_ == nullptr ? "" : held_ + sizeof(uint32_t); }

}  // namespace duban
