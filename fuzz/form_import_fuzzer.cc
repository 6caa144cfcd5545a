// libFuzzer target: the bytes are a filled report form handed to `duban
// import`, read as .xlsx when they start like a zip file and as .csv
// otherwise, beside the golden base workspace; what imports is evaluated
// and rendered with the rest. No message may hold a control character.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "app/form_import.h"
#include "base_workspace.h"
#include "exercise.h"
#include "load/progress_file.h"
#include "load/task_file.h"

namespace {

struct Base {
  duban::TaskFileResult tasks;
  duban::Workspace ws;
};

const Base& base() {
  static const Base b = [] {
    using namespace duban;
    Base b;
    std::vector<Diagnostic> out;
    b.tasks = load_task_file("tasks.yaml", fuzz::kBaseTasks, out);
    if (!b.tasks.ok) __builtin_trap();  // the base workspace must load
    b.ws.list = b.tasks.list;
    for (const fuzz::File& f : fuzz::kBaseProgress) {
      for (Entry& e : load_progress_file(std::string(f.path), f.text, b.tasks.list, b.tasks.index,
                                         *Date::from_ymd(2024, 7, 1), out)) {
        b.ws.entries.push_back(std::move(e));
      }
    }
    std::stable_sort(b.ws.entries.begin(), b.ws.entries.end(), entry_before);
    return b;
  }();
  return b;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace duban;
  const Base& b = base();
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const Date today = *Date::from_ymd(2024, 6, 9);
  const bool zip = bytes.substr(0, 2) == "PK";
  const app::FormImport r = app::import_form(zip ? "江洋社区-2024-06.xlsx" : "江洋社区-2024-06.csv", bytes,
                                             b.ws, b.tasks.index, today);
  // Whatever the form holds, no message carries a control character to
  // the terminal (C0, DEL, or C1 as UTF-8).
  for (const std::string& m : r.messages) {
    for (size_t i = 0; i < m.size(); ++i) {
      const auto c = static_cast<unsigned char>(m[i]);
      const auto next = i + 1 < m.size() ? static_cast<unsigned char>(m[i + 1]) : 0;
      if (c < 0x20 || c == 0x7f || (c == 0xC2 && next >= 0x80 && next <= 0x9F)) __builtin_trap();
    }
  }
  if (!r.ok) return 0;
  // What imported must load as it will be loaded from progress/.
  std::vector<Diagnostic> out;
  std::vector<Entry> entries =
      load_progress_file(app::progress_path_of(r), r.yaml, b.ws.list, b.tasks.index, today, out);
  if (has_errors(out)) __builtin_trap();
  Workspace ws = b.ws;
  ws.entries.insert(ws.entries.end(), entries.begin(), entries.end());
  std::stable_sort(ws.entries.begin(), ws.entries.end(), entry_before);
  fuzz::exercise(ws, today);
  return 0;
}
