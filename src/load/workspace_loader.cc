#include "load/workspace_loader.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "load/progress_file.h"
#include "load/rejected_files.h"
#include "load/task_file.h"
#include "load/yaml_tree.h"

namespace duban {
namespace fs = std::filesystem;
namespace {

// The file's bytes, or nothing with the reason in `out`.
std::optional<std::string> read_file(const fs::path& file, const std::string& shown,
                                     std::vector<Diagnostic>& out) {
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  if (ec) {
    out.push_back({shown, 1, 1, Severity::kError, fmt::format("无法读取文件：{}", ec.message())});
    return std::nullopt;
  }
  if (size > kMaxFileBytes) {
    out.push_back(
        {shown, 1, 1, Severity::kError,
         fmt::format("文件大小 {} 字节，超过 1 MiB 上限，拒绝读取：请按月份、按单位拆分成多个文件", size)});
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) {
    out.push_back({shown, 1, 1, Severity::kError, "无法读取文件：请检查文件权限"});
    return std::nullopt;
  }
  return bytes.str();
}

bool is_progress_file(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

// Progress files relative to `dir`, in byte order of their paths, so the
// result never depends on the order the file system lists them in.
std::vector<std::string> progress_files(const fs::path& dir, std::vector<Diagnostic>& out) {
  std::vector<std::string> files;
  const fs::path root = dir / "progress";
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return files;
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec) && is_progress_file(it->path())) {
      files.push_back(it->path().lexically_relative(dir).generic_string());
    }
  }
  if (ec) out.push_back({"progress", 1, 1, Severity::kError, fmt::format("无法读取目录：{}", ec.message())});
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

LoadResult load_workspace(const fs::path& dir, Date today) {
  LoadResult result;
  auto& out = result.diagnostics;
  TaskFileResult tasks;
  if (auto bytes = read_file(dir / "tasks.yaml", "tasks.yaml", out)) {
    tasks = load_task_file("tasks.yaml", *bytes, out);
  }
  result.workspace.list = std::move(tasks.list);
  for (const std::string& shown : progress_files(dir, out)) {
    auto bytes = read_file(dir / shown, shown, out);
    if (!bytes) continue;
    if (tasks.ok) {
      auto entries = load_progress_file(shown, *bytes, result.workspace.list, today, out);
      std::move(entries.begin(), entries.end(), std::back_inserter(result.workspace.entries));
    } else {
      // Without a valid list only the syntax can be checked.
      parse_yaml(shown, *bytes, progress_file_keys(), out);
    }
  }
  std::stable_sort(result.workspace.entries.begin(), result.workspace.entries.end(), entry_before);
  sort_diagnostics(out);
  set_aside_rejected(result);
  return result;
}

bool LoadResult::list_ok() const {
  return std::none_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) {
    return d.severity == Severity::kError && d.path == "tasks.yaml";
  });
}

std::optional<fs::path> find_workspace(const fs::path& start) {
  std::error_code ec;
  for (fs::path p = fs::absolute(start, ec); !ec; p = p.parent_path()) {
    if (fs::is_regular_file(p / "tasks.yaml", ec)) return p;
    if (p == p.parent_path()) break;
  }
  return std::nullopt;
}

}  // namespace duban
