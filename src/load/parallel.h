// Reading many files at once: how many threads, and a loop that spreads
// its iterations over them. Results go to slots chosen by index, so that
// what the caller merges afterwards comes out in a fixed order whatever
// the number of threads.
#pragma once

#include <cstddef>
#include <functional>

namespace duban {

/// The threads to read files with: DUBAN_JOBS when it is a positive number,
/// else one per processor.
unsigned load_jobs();

/// Calls `fn(i)` for every i in [0, n) on up to `jobs` threads, each i once;
/// returns when all are done. An exception thrown by `fn` is thrown again here.
void parallel_for(size_t n, unsigned jobs, const std::function<void(size_t)>& fn);

}  // namespace duban
