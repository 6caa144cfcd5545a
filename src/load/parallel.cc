#include "load/parallel.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace duban {

unsigned load_jobs() {
  if (const char* text = std::getenv("DUBAN_JOBS")) {
    unsigned n = 0;
    const char* end = text + std::strlen(text);
    const auto [p, ec] = std::from_chars(text, end, n);
    // More threads than this only costs memory: files are small.
    if (ec == std::errc() && p == end && n > 0) return std::min(n, 256u);
  }
  return std::max(1u, std::thread::hardware_concurrency());
}

void parallel_for(size_t n, unsigned jobs, const std::function<void(size_t)>& fn) {
  const size_t threads = std::min<size_t>(jobs, n);
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_lock;
  auto work = [&] {
    try {
      for (size_t i; (i = next.fetch_add(1)) < n;) fn(i);
    } catch (...) {
      const std::lock_guard<std::mutex> hold(failure_lock);
      if (!failure) failure = std::current_exception();
      next = n;  // the others stop at their next file
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace duban
