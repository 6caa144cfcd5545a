// libFuzzer target: the bytes are a whole workspace, and every report is
// written from it in every format, workbooks and forms included (issue 24:
// a title once aborted every workbook). The input is tasks.yaml, then any
// number of progress files, each after a line `==> PATH` (see split()).
// Whatever loads is evaluated and rendered as the commands would.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "exercise.h"
#include "load/progress_file.h"
#include "load/task_file.h"
#include "model/entry.h"

namespace {

struct File {
  std::string path;
  std::string_view text;
};

constexpr std::string_view kMarker = "\n==> ";
// A workspace of more files costs more per run than it finds.
constexpr size_t kMaxProgressFiles = 16;

// tasks.yaml's text, then the progress files: each begins with a line
// `==> progress/2024-06/江洋社区.yaml`.
std::vector<File> split(std::string_view bytes) {
  std::vector<File> files;
  size_t at = bytes.find(kMarker);
  files.push_back({"tasks.yaml", bytes.substr(0, at)});
  while (at != std::string_view::npos && files.size() <= kMaxProgressFiles) {
    const size_t path_start = at + kMarker.size();
    const size_t eol = bytes.find('\n', path_start);
    if (eol == std::string_view::npos) break;
    const size_t next = bytes.find(kMarker, eol);
    files.push_back({std::string(bytes.substr(path_start, eol - path_start)),
                     bytes.substr(eol + 1, next == std::string_view::npos ? next : next - eol - 1)});
    at = next;
  }
  return files;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace duban;
  const std::vector<File> files = split(std::string_view(reinterpret_cast<const char*>(data), size));
  std::vector<Diagnostic> out;
  TaskFileResult tasks = load_task_file("tasks.yaml", files[0].text, out);
  if (!tasks.ok) return 0;
  Workspace ws;
  ws.list = std::move(tasks.list);
  const Date today = *Date::from_ymd(2024, 7, 1);
  for (size_t i = 1; i < files.size(); ++i) {
    for (Entry& e : load_progress_file(files[i].path, files[i].text, ws.list, tasks.index, today, out)) {
      ws.entries.push_back(std::move(e));
    }
  }
  for (const Diagnostic& d : out) format_diagnostic(d);
  std::stable_sort(ws.entries.begin(), ws.entries.end(), entry_before);
  fuzz::exercise(ws, today);
  fuzz::write_documents(ws, today);
  return 0;
}
