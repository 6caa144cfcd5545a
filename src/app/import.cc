// `duban import`: reads filled report forms (.xlsx or .csv) and writes each
// as progress/YYYY-MM/<unit>.yaml, checked with every rule of `check`.
#include <filesystem>
#include <fstream>
#include <optional>

#include <fmt/format.h>

#include "app/commands.h"
#include "app/form_import.h"
#include "io/git.h"
#include "io/lock.h"
#include "io/output.h"
#include "load/workspace_loader.h"
#include "load/xlsx_reader.h"

namespace duban::app {
namespace {
namespace fs = std::filesystem;

// The git author of a unit's imported file: the unit itself, with no e-mail
// (a .mailmap may give it one); characters that would end git's name field
// are left out.
std::string unit_author(const std::string& unit) {
  std::string name;
  for (const char c : unit) {
    if (c != '<' && c != '>' && c != '\n' && c != '\r') name += c;
  }
  return name + " <>";
}

// A file's bytes, or nothing when it cannot be read or is too large. Read
// into one string of the file's size: a stream's buffer would hold copies.
std::optional<std::string> read_bytes(const fs::path& path, std::string& why) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    why = fs::exists(path, ec) ? "这不是普通文件" : "文件不存在，请检查文件名";
    return std::nullopt;
  }
  const std::uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > kMaxXlsxBytes) {
    why = "文件大于 20 MiB，不像是报送表";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes(ec ? 0 : static_cast<size_t>(size), '\0');
  if (ec || !in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
    why = "无法读取文件，请检查文件的权限";
    return std::nullopt;
  }
  return bytes;
}

// progress/ of the workspace `dir`, relative to the current folder, so that
// messages name it as the user sees it.
fs::path progress_folder(const fs::path& dir) {
  std::error_code ec;
  const fs::path near = fs::proximate(dir, ec);
  if (ec || near.empty()) return dir / "progress";
  return near == "." ? fs::path("progress") : near / "progress";
}

class ImportRun {
 public:
  ImportRun(const WorkspaceRequest& w, const ImportRequest& o) : o_(o) {
    today_ = resolve_today(w);
    dir_ = resolve_workspace(w);
    loaded_ = load_workspace(dir_, today_);
    if (!loaded_.list_ok()) {
      for (const Diagnostic& d : loaded_.diagnostics) {
        if (d.path == "tasks.yaml") fmt::print(stderr, "{}\n", format_diagnostic(d));
      }
      throw CommandFailure{kExitProblems, "duban: tasks.yaml 有错误，请先改正（可运行 duban check 查看）"};
    }
    index_ = TaskIndex(loaded_.workspace.list);
    if (!o.unit.empty()) unit_ = resolve_unit(loaded_.workspace.list, o.unit);
    root_ = o.output.empty() ? progress_folder(dir_) : fs::path(o.output);
    if (o.commit) {
      // As for reports: the work tree's lock first, held to the last commit.
      repo_.emplace(GitRepository::find(dir_));
      repo_->require_inside(root_);
      lock_.emplace(repo_->lock_path());
    }
  }

  int run() {
    int status = kExitOk;
    for (const std::string& file : o_.files) {
      if (!import_one(file)) status = kExitProblems;
    }
    return status;
  }

 private:
  bool import_one(const std::string& file) {
    std::string why;
    const auto bytes = read_bytes(file, why);
    if (!bytes) {
      fmt::print(stderr, "{}: 错误: {}\n", shown_path(file), why);
      return false;
    }
    const FormImport r = import_form(shown_path(file), *bytes, loaded_.workspace, index_, today_, unit_);
    for (const std::string& m : r.messages) fmt::print(stderr, "{}\n", m);
    if (!r.ok) {
      fmt::print(stderr, "duban: {} 未导入：请改正上面列出的问题后重新导入\n", shown_path(file));
      return false;
    }
    const fs::path path = root_ / r.month.iso() / (r.unit + ".yaml");
    const std::string shown = o_.output.empty() ? progress_path_of(r) : shown_path(path);
    // The folder's lock first, then the look at what is there: another
    // import of the same unit and month waits, then finds this one's file.
    // progress/ itself is entered as a plain folder, never through a link.
    if (!folder_) {
      folder_.emplace(root_, false, o_.output.empty() ? RootLink::kRefused : RootLink::kFollowed);
    }
    const Existing existing = folder_->existing(path, r.yaml);
    if (existing == Existing::kDifferent && !o_.force) {
      fmt::print(
          stderr,
          "duban: {} 已存在且内容不同，未覆盖，{} 未导入：核对后如要以 {} 为准，请加 --force 重新导入\n",
          shown, shown_path(file), shown_path(file));
      return false;
    }
    if (existing != Existing::kSame && folder_->write_if_changed(path, r.yaml)) {
      fmt::print("duban: 已导入 {}，写入 {}：{}，{} 条进度，填报日期 {}\n", shown_path(file), shown, r.unit,
                 r.entries, r.date.iso());
    } else {
      fmt::print("duban: {} 与 {} 的内容相同，未改动\n", shown_path(file), shown);
    }
    if (!r.date_note.empty()) fmt::print("duban: {}\n", r.date_note);
    // Committed even when unchanged: an earlier run may have written it and
    // failed to commit it. The unit is the author, the office the committer.
    if (repo_ && repo_->commit({path},
                               fmt::format("导入 {} {} 进度报送（{}）", r.unit, r.month.iso(),
                                           fs::path(file).filename().string()),
                               fmt::format("{} 已写好", shown), unit_author(r.unit))) {
      fmt::print("duban: 已提交 {}，作者为 {}\n", shown, r.unit);
    }
    return true;
  }

  const ImportRequest& o_;
  std::string unit_;  // --unit, the unit's own name
  Date today_;
  fs::path dir_;
  LoadResult loaded_;
  TaskIndex index_;
  fs::path root_;
  std::optional<GitRepository> repo_;  // with --commit
  std::optional<LockFile> lock_;
  std::optional<OutputFolder> folder_;
};

}  // namespace

int import_forms(const WorkspaceRequest& w, const ImportRequest& r) { return ImportRun(w, r).run(); }

}  // namespace duban::app
