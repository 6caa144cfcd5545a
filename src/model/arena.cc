#include "model/arena.h"

#include <sys/mman.h>

#include <cstdlib>
#include <cstring>
#include <mutex>

namespace duban {
namespace {

// Blocks are taken from the system this large, or larger for one big text.
constexpr size_t kBlock = size_t{4} << 20;
// The size of the huge pages that blocks are aligned to and ask for.
constexpr size_t kHugePage = size_t{2} << 20;

// `size` bytes (a multiple of kHugePage) aligned to kHugePage, in huge
// pages where the system gives them: a million entries' texts then take a
// few hundred page faults, not tens of thousands.
char* map_block(size_t size) {
  void* at = ::mmap(nullptr, size + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (at == MAP_FAILED) throw std::bad_alloc();
  auto* start = static_cast<char*>(at);
  const size_t head = (kHugePage - reinterpret_cast<uintptr_t>(start) % kHugePage) % kHugePage;
  if (head > 0) ::munmap(start, head);
  if (kHugePage - head > 0) ::munmap(start + head + size, kHugePage - head);
  prefer_huge_pages(start + head, size);
  return start + head;
}

// Hands out the blocks, which are never unmapped: held texts never dangle
// (and, mapped rather than allocated, are no leak). What a thread has left of
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
    const size_t n = std::max(kBlock, (size + kHugePage - 1) / kHugePage * kHugePage);
    char* block = map_block(n);
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

void prefer_huge_pages(void* data, size_t bytes) {
#ifdef MADV_HUGEPAGE
  // Only the whole huge pages inside the range; advice is a hint, its failure harmless.
  const auto first = (reinterpret_cast<uintptr_t>(data) + kHugePage - 1) / kHugePage * kHugePage;
  const auto last = (reinterpret_cast<uintptr_t>(data) + bytes) / kHugePage * kHugePage;
  if (first < last) ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

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
