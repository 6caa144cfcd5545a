// libFuzzer target: the bytes are a tasks.yaml. What loads is evaluated and
// rendered, with the golden base workspace's progress files read against it.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base_workspace.h"
#include "exercise.h"
#include "load/progress_file.h"
#include "load/task_file.h"
#include "model/entry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace duban;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<Diagnostic> out;
  TaskFileResult tasks = load_task_file("tasks.yaml", bytes, out);
  for (const Diagnostic& d : out) format_diagnostic(d);
  if (!tasks.ok) return 0;
  Workspace ws;
  ws.list = std::move(tasks.list);
  const Date today = *Date::from_ymd(2024, 7, 1);
  for (const fuzz::File& f : fuzz::kBaseProgress) {
    std::vector<Diagnostic> ignored;
    for (Entry& e : load_progress_file(std::string(f.path), f.text, ws.list, tasks.index, today, ignored)) {
      ws.entries.push_back(std::move(e));
    }
  }
  std::stable_sort(ws.entries.begin(), ws.entries.end(), entry_before);
  fuzz::exercise(ws, today);
  return 0;
}
