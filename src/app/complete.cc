// What the shell completions ask of the workspace (units and months): read
// from tasks.yaml alone, on every Tab, silently.
#include <cstdint>
#include <fstream>
#include <sstream>

#include "app/commands.h"
#include "load/task_file.h"
#include "load/workspace_loader.h"

namespace duban::app {
namespace {

// tasks.yaml is refused above this size by the loader too.
constexpr std::uintmax_t kMaxListBytes = 1 << 20;

}  // namespace

std::optional<TaskList> read_list_quietly(const WorkspaceRequest& w) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path dir =
      w.dir.empty() ? find_workspace(fs::current_path(ec)).value_or(fs::path()) : fs::path(w.dir);
  if (dir.empty()) return std::nullopt;
  const fs::path file = dir / "tasks.yaml";
  const std::uintmax_t size = fs::file_size(file, ec);
  if (ec || size > kMaxListBytes) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in || !bytes) return std::nullopt;
  std::vector<Diagnostic> ignored;
  TaskFileResult loaded = load_task_file("tasks.yaml", bytes.str(), ignored);
  if (!loaded.ok) return std::nullopt;
  return std::move(loaded.list);
}

}  // namespace duban::app
