#include "load/rejected_files.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace duban {
namespace {

// The unit a rejected file speaks for: one of its entries' units, else the
// unit its file name names.
std::optional<std::string> file_unit(const Workspace& ws, const std::string& path) {
  for (const Entry& e : ws.entries) {
    if (e.path == path) return e.unit;
  }
  return ws.list.canonical_unit(std::filesystem::path(path).stem().string());
}

}  // namespace

void set_aside_rejected(LoadResult& result) {
  Workspace& ws = result.workspace;
  std::set<std::string> seen;
  for (const Diagnostic& d : result.diagnostics) {
    if (d.severity != Severity::kError || d.path == "tasks.yaml" || !seen.insert(d.path).second) continue;
    ws.rejected.push_back({d.path, file_unit(ws, d.path), folder_round(d.path), d.line, d.column, d.message});
  }
  std::erase_if(ws.entries, [&](const Entry& e) { return seen.count(e.path) > 0; });
}

}  // namespace duban
