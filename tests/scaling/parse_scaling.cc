// Parsing and checking must take time linear in a file's bytes, whatever its
// shape. For each shape this writes a workspace with a file of 64 KiB and
// one of 1 MiB (16 times larger), loads each a few times and fails when the
// best processor time of the large one exceeds kMaxRatio times the best of
// the small one, in each of kAttempts attempts. A ratio, not a time limit:
// it holds on a slow or busy machine, and a quadratic cost (256 times)
// cannot pass it. Timing under sanitizers means nothing: not run there.
//
// Usage: duban_parse_scaling TASKS_YAML [SHAPE]
//   TASKS_YAML: the golden cases' _base/tasks.yaml; SHAPE: only shapes whose
//   name contains it.
#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "load/workspace_loader.h"
#include "load/yaml_tree.h"

namespace fs = std::filesystem;
using duban::Date;

namespace {

using duban::kMaxFileBytes;
constexpr double kMaxRatio = 24;
constexpr size_t kSmall = 64 << 10;
constexpr size_t kLarge = kMaxFileBytes;  // 1 MiB, the most duban reads
constexpr int kLargeRuns = 3;             // the best of these counts
constexpr int kSmallRuns = 12;            // cheap: more of them smooth out a busy machine
constexpr int kAttempts = 5;              // a shape fails when every attempt does

// One shape of input: the text of one file of about `size` bytes, and
// whether it is tasks.yaml (otherwise a progress file beside the base list).
struct Shape {
  const char* name;
  bool is_task_file;
  std::function<std::string(size_t size)> make;
};

// `head`, then `item(i)` for i = 0, 1, ... joined by `sep` while the whole
// stays within `size` with `tail`, then `tail`.
std::string repeat(size_t size, const std::string& head, const std::function<std::string(size_t)>& item,
                   const std::string& sep, const std::string& tail) {
  std::string text = head;
  for (size_t i = 0;; ++i) {
    const std::string next = (i == 0 ? "" : sep) + item(i);
    if (text.size() + next.size() + tail.size() > size) break;
    text += next;
  }
  return text + tail;
}

std::string same(const std::string& s) { return s; }

const char* const kProgressHead = "unit: 江洋社区\ndate: 2024-06-08\n";

std::string nested(int depth, const std::string& inner) {
  return std::string(static_cast<size_t>(depth), '[') + inner + std::string(static_cast<size_t>(depth), ']');
}

std::vector<Shape> shapes(const std::string& base_tasks) {
  const std::string units_end = "  - name: 示例甲社区\n";
  const size_t cut = base_tasks.find(units_end) + units_end.size();
  return {
      {"progress: long flow list of entries on one line", false,
       [](size_t n) {
         return repeat(
             n, std::string(kProgressHead) + "entries: [",
             [](size_t) { return std::string("{task: 4, status: 推进中, progress: 江洋}"); }, ", ", "]\n");
       }},
      {"progress: long flow list of wrong items on one line", false,
       [](size_t n) {
         return repeat(
             n, std::string(kProgressHead) + "entries: [", [](size_t) { return same("江洋"); }, ", ", "]\n");
       }},
      {"progress: long block list of entries", false,
       [](size_t n) {
         return repeat(
             n, std::string(kProgressHead) + "entries:\n",
             [](size_t) { return same("  - task: 4\n    status: 推进中\n    percent: 30\n"); }, "", "");
       }},
      {"progress: many keys", false,
       [](size_t n) {
         return repeat(
             n, std::string(kProgressHead) + "entries: []\n",
             [](size_t i) { return "key" + std::to_string(i) + ": 1\n"; }, "", "");
       }},
      {"progress: many misspelt keys in entries", false,
       [](size_t n) {
         return repeat(
             n, std::string(kProgressHead) + "entries:\n",
             [](size_t) { return same("  - task: 4\n    statu: 推进中\n"); }, "", "");
       }},
      {"progress: long quoted scalar", false,
       [](size_t n) {
         return repeat(
             n, std::string(kProgressHead) + "entries:\n  - task: 4\n    status: 推进中\n    progress: \"",
             [](size_t) { return same("江洋社区居民议事 "); }, "", "\"\n");
       }},
      {"progress: long plain scalar", false,
       [](size_t n) {
         return repeat(
             n, std::string(kProgressHead) + "entries:\n  - task: 4\n    status: 推进中\n    progress: ",
             [](size_t) { return same("江洋社区居民议事 "); }, "", "\n");
       }},
      {"progress: long block scalar", false,
       [](size_t n) {
         return repeat(
             n, std::string(kProgressHead) + "entries:\n  - task: 4\n    status: 推进中\n    progress: |\n",
             [](size_t) { return same("      江洋社区居民议事\n"); }, "", "");
       }},
      {"progress: deep but allowed nesting", false,
       [](size_t n) {
         return repeat(
             n, std::string(kProgressHead) + "entries: [",
             [](size_t) { return nested(duban::kMaxDepth - 2, "1"); }, ", ", "]\n");
       }},
      {"tasks.yaml: many units", true,
       [base_tasks, cut](size_t n) {
         return repeat(
                    n - (base_tasks.size() - cut), base_tasks.substr(0, cut),
                    [](size_t i) { return "  - name: 单位" + std::to_string(i) + "\n"; }, "", "") +
                base_tasks.substr(cut);
       }},
      {"tasks.yaml: many unknown owners with many units", true,
       [base_tasks, cut](size_t n) {
         std::string units = repeat(
             n / 2, "", [](size_t i) { return "  - name: 单位" + std::to_string(i) + "\n"; }, "", "");
         std::string text = base_tasks.substr(0, cut) + units + base_tasks.substr(cut);
         return repeat(
             n,
             text +
                 "  - title: 更多\n    tasks:\n      - id: 99\n        title: 任务\n        due: 2024-08\n"
                 "        owners: [",
             [](size_t i) { return "未知单位" + std::to_string(i); }, ", ", "]\n");
       }},
      {"tasks.yaml: many tasks", true,
       [base_tasks](size_t n) {
         return repeat(
             n, base_tasks + "  - title: 更多\n    tasks:\n",
             [](size_t i) {
               return "      - id: " + std::to_string(100 + i) +
                      "\n        title: 任务\n        owners: [江洋社区]\n        due: 2024年6月前\n";
             },
             "", "");
       }},
  };
}

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

// Processor time of this process, in seconds: what other programs running
// at the same time take does not count.
double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// Processor time, in seconds, to load the workspace `dir`.
double load_time(const fs::path& dir, size_t& diagnostics) {
  const double start = cpu_seconds();
  // Without the parse cache: this measures reading, and a file is cached
  // only once it is a few seconds old, so some runs would be served by it.
  duban::LoadOptions options;
  options.cache = false;
  const duban::LoadResult loaded = duban::load_workspace(dir, *Date::from_ymd(2024, 7, 1), {}, options);
  const double took = cpu_seconds() - start;
  diagnostics = loaded.diagnostics.size();
  return took;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: %s TASKS_YAML [SHAPE]\n", argv[0]);
    return 2;
  }
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  // Memory freed stays in the process for the next load: else each load of
  // the large file takes its tree of 20 MiB or more from the system again,
  // a page fault at a time, and that cost, not the reading, is measured.
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  std::ostringstream base;
  base << std::ifstream(argv[1], std::ios::binary).rdbuf();
  const fs::path work = fs::temp_directory_path() / ("duban-scaling-" + std::to_string(::getpid()));
  int failures = 0;
  for (const Shape& shape : shapes(base.str())) {
    if (argc == 3 && std::string(shape.name).find(argv[2]) == std::string::npos) continue;
    const size_t sizes[2] = {kSmall, kLarge};
    for (int k = 0; k < 2; ++k) {
      const fs::path dir = work / std::to_string(k);
      const std::string text = shape.make(sizes[k]);
      if (text.size() > kMaxFileBytes || text.size() < sizes[k] * 9 / 10) {
        std::fprintf(stderr, "%s: generated %zu bytes for %zu\n", shape.name, text.size(), sizes[k]);
        return 2;
      }
      write(dir / "tasks.yaml", shape.is_task_file ? text : base.str());
      if (!shape.is_task_file) write(dir / "progress" / "2024-06" / "江洋社区.yaml", text);
    }
    // A busy machine can make one measurement fail; a cost that grows faster
    // than the input fails every time.
    bool ok = false;
    for (int attempt = 1; attempt <= kAttempts && !ok; ++attempt) {
      double times[2] = {1e9, 1e9};
      size_t diagnostics[2] = {0, 0};
      // Not counted: the first load of each also pays for the memory the
      // process takes from the system.
      load_time(work / "0", diagnostics[0]);
      load_time(work / "1", diagnostics[1]);
      // Small and large by turns, so that a busy spell hits both alike.
      for (int run = 0; run < kLargeRuns; ++run) {
        times[1] = std::min(times[1], load_time(work / "1", diagnostics[1]));
        for (int small = 0; small < kSmallRuns / kLargeRuns; ++small) {
          times[0] = std::min(times[0], load_time(work / "0", diagnostics[0]));
        }
      }
      const double ratio = times[1] / std::max(times[0], 1e-6);
      ok = ratio < kMaxRatio && diagnostics[1] <= 2 * duban::kMaxDiagnosticsPerFile + 2;
      std::printf("%-55s 64 KiB %8.4f s  1 MiB %8.4f s  ratio %5.1f  lines %zu  %s\n", shape.name, times[0],
                  times[1], ratio, diagnostics[1], ok ? "ok" : "FAILED");
    }
    fs::remove_all(work);
    failures += ok ? 0 : 1;
  }
  return failures == 0 ? 0 : 1;
}
