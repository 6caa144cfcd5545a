#include "model/interned_name.h"

#include <deque>
#include <mutex>
#include <unordered_map>

namespace duban {
namespace {

// Every name of the run, for the run's whole life: handles never dangle.
class Pool {
 public:
  const std::string* intern(std::string_view text) {
    const std::lock_guard<std::mutex> lock(mutex_);
    const auto it = index_.find(text);
    if (it != index_.end()) return it->second;
    const std::string& held = texts_.emplace_back(text);
    index_.emplace(held, &held);
    return &held;
  }

 private:
  std::mutex mutex_;
  std::deque<std::string> texts_;
  std::unordered_map<std::string_view, const std::string*> index_;
};

Pool& pool() {
  static Pool* const p = new Pool;  // never destroyed: names may be used until exit
  return *p;
}

const std::string* intern(std::string_view text) {
  // Each thread keeps the names it has met, so that loading on many threads
  // seldom waits for the pool.
  thread_local std::unordered_map<std::string_view, const std::string*> met;
  const auto it = met.find(text);
  if (it != met.end()) return it->second;
  const std::string* held = pool().intern(text);
  met.emplace(*held, held);
  return held;
}

}  // namespace

Name::Name() : text_(intern({})) {}

Name::Name(std::string_view text) : text_(intern(text)) {}

}  // namespace duban
