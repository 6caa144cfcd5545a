// libFuzzer target: the bytes are progress/2024-06/江洋社区.yaml beside the
// golden base workspace. What loads is evaluated and rendered.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base_workspace.h"
#include "exercise.h"
#include "load/progress_file.h"
#include "load/task_file.h"
#include "model/entry.h"

namespace {

struct Base {
  duban::TaskFileResult tasks;
  std::vector<duban::Entry> entries;  // of the base progress files but the fuzzed one
};

const Base& base() {
  static const Base b = [] {
    using namespace duban;
    Base b;
    std::vector<Diagnostic> out;
    b.tasks = load_task_file("tasks.yaml", fuzz::kBaseTasks, out);
    if (!b.tasks.ok) __builtin_trap();  // the base workspace must load
    for (const fuzz::File& f : fuzz::kBaseProgress) {
      if (f.path == fuzz::kFuzzedPath) continue;
      for (Entry& e : load_progress_file(std::string(f.path), f.text, b.tasks.list, b.tasks.index,
                                         *Date::from_ymd(2024, 7, 1), out)) {
        b.entries.push_back(std::move(e));
      }
    }
    return b;
  }();
  return b;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace duban;
  const Base& b = base();
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const Date today = *Date::from_ymd(2024, 7, 1);
  std::vector<Diagnostic> out;
  std::vector<Entry> entries =
      load_progress_file(std::string(fuzz::kFuzzedPath), bytes, b.tasks.list, b.tasks.index, today, out);
  for (const Diagnostic& d : out) format_diagnostic(d);
  Workspace ws;
  ws.list = b.tasks.list;
  ws.entries = b.entries;
  ws.entries.insert(ws.entries.end(), entries.begin(), entries.end());
  std::stable_sort(ws.entries.begin(), ws.entries.end(), entry_before);
  fuzz::exercise(ws, today);
  return 0;
}
