// Parsing and checking must cost work linear in a file's bytes, whatever its
// shape. For each shape this writes a workspace with a file of 64 KiB and
// one of 1 MiB (16 times larger), loads each once in a process of its own
// under valgrind, which counts the instructions it executes, and fails when
// the large load takes kMaxRatio times the instructions of the small one or
// more. A count, not a time: the same on a busy machine as on an idle one, so
// one run of each decides, and a quadratic cost (256 times) cannot pass it.
// valgrind cannot run a build with AddressSanitizer: not run there.
//
// The counting tool is cachegrind without its cache simulation, which runs
// three times as fast as callgrind; it counts a whole process, so the count
// of a process that does all but the load is taken off each.
//
// Usage: duban_parse_scaling TASKS_YAML [SHAPE]
//   TASKS_YAML: the golden cases' _base/tasks.yaml; SHAPE: only shapes whose
//   name contains it. Needs valgrind on PATH.
//        duban_parse_scaling --load DIR | --load-nothing
//   What valgrind runs: load the workspace DIR once, or do all but that.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
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

// Loads the workspace `dir` once, or with no `dir` does all else; prints
// the number of diagnostics.
int load_once(const char* dir) {
  size_t diagnostics = 0;
  if (dir != nullptr) {
    // Without the parse cache: this counts reading, and a file is cached
    // only once it is a few seconds old, so some runs would be served by it.
    duban::LoadOptions options;
    options.cache = false;
    diagnostics = duban::load_workspace(dir, *Date::from_ymd(2024, 7, 1), {}, options).diagnostics.size();
  }
  std::printf("diagnostics: %zu\n", diagnostics);
  return 0;
}

// The instructions that `self args` executes, as valgrind counts them, and
// the diagnostics it printed; false if valgrind failed.
bool count(const std::string& self, const std::string& args, unsigned long long& instructions,
           size_t& diagnostics) {
  // One thread, so that nothing depends on the machine; the paths are ours
  // (temp_directory_path and this program's), quoted for the shell.
  const std::string command =
      "DUBAN_JOBS=1 valgrind --tool=cachegrind --cache-sim=no "
      "--cachegrind-out-file=/dev/null '" +
      self + "' " + args + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return false;
  std::string output;
  char buffer[4096];
  for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
  const int status = ::pclose(pipe);
  const size_t refs = output.find("I   refs:");
  const size_t printed = output.find("diagnostics: ");
  if (status != 0 || refs == std::string::npos || printed == std::string::npos) {
    std::fprintf(stderr, "valgrind counted nothing for %s:\n%s\n", args.c_str(), output.c_str());
    return false;
  }
  // "I   refs:      1,039,543,501"
  instructions = 0;
  for (size_t i = refs + std::strlen("I   refs:"); i < output.size() && output[i] != '\n'; ++i) {
    if (output[i] >= '0' && output[i] <= '9') instructions = instructions * 10 + (output[i] - '0');
  }
  diagnostics = std::strtoull(output.c_str() + printed + std::strlen("diagnostics: "), nullptr, 10);
  return instructions > 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::strcmp(argv[1], "--load") == 0) return load_once(argv[2]);
  if (argc == 2 && std::strcmp(argv[1], "--load-nothing") == 0) return load_once(nullptr);
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: %s TASKS_YAML [SHAPE]\n       %s --load DIR | --load-nothing\n", argv[0],
                 argv[0]);
    return 2;
  }
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  if (std::system("valgrind --version >/dev/null 2>&1") != 0) {
    std::fprintf(stderr, "valgrind is not installed: it counts the instructions (scripts/install-deps)\n");
    return 2;
  }
  const std::string self = fs::read_symlink("/proc/self/exe").string();
  unsigned long long before_load = 0;
  size_t no_diagnostics = 0;
  if (!count(self, "--load-nothing", before_load, no_diagnostics)) return 2;
  std::ostringstream base;
  base << std::ifstream(argv[1], std::ios::binary).rdbuf();
  const fs::path work = fs::temp_directory_path() / ("duban-scaling-" + std::to_string(::getpid()));
  int failures = 0;
  for (const Shape& shape : shapes(base.str())) {
    if (argc == 3 && std::string(shape.name).find(argv[2]) == std::string::npos) continue;
    const size_t sizes[2] = {kSmall, kLarge};
    unsigned long long instructions[2] = {0, 0};
    size_t diagnostics[2] = {0, 0};
    for (int k = 0; k < 2; ++k) {
      const fs::path dir = work / std::to_string(k);
      const std::string text = shape.make(sizes[k]);
      if (text.size() > kMaxFileBytes || text.size() < sizes[k] * 9 / 10) {
        std::fprintf(stderr, "%s: generated %zu bytes for %zu\n", shape.name, text.size(), sizes[k]);
        return 2;
      }
      write(dir / "tasks.yaml", shape.is_task_file ? text : base.str());
      if (!shape.is_task_file) write(dir / "progress" / "2024-06" / "江洋社区.yaml", text);
      if (!count(self, "--load '" + dir.string() + "'", instructions[k], diagnostics[k])) {
        fs::remove_all(work);
        return 2;
      }
      instructions[k] -= std::min(instructions[k] - 1, before_load);
    }
    fs::remove_all(work);
    const double ratio = static_cast<double>(instructions[1]) / static_cast<double>(instructions[0]);
    const bool ok = ratio < kMaxRatio && diagnostics[1] <= 2 * duban::kMaxDiagnosticsPerFile + 2;
    std::printf("%-55s 64 KiB %15llu  1 MiB %15llu instructions  ratio %5.1f  lines %zu  %s\n", shape.name,
                instructions[0], instructions[1], ratio, diagnostics[1], ok ? "ok" : "FAILED");
    failures += ok ? 0 : 1;
  }
  return failures == 0 ? 0 : 1;
}
