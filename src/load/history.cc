#include "load/history.h"

#include <set>
#include <unordered_set>

#include <fmt/format.h>

#include "io/failure.h"
#include "io/output.h"
#include "load/git_history.h"
#include "load/yaml_tree.h"

namespace duban {
namespace fs = std::filesystem;
namespace {

// Reads up to the next NUL from `text` at `at`, moving past it.
std::string_view field(std::string_view text, size_t& at) {
  const size_t end = text.find('\0', at);
  const size_t stop = end == std::string_view::npos ? text.size() : end;
  const std::string_view out = text.substr(at, stop - at);
  at = stop == text.size() ? stop : stop + 1;
  return out;
}

[[noreturn]] void unreadable(const std::string& why) {
  throw CommandFailure{kExitProblems,
                       fmt::format("duban: 无法用 git cat-file 读取进度文件的历史版本（{}）：请用 git fsck "
                                   "检查仓库是否完整",
                                   shown_path(why))};
}

// What `git cat-file --batch-check` says of `objects`.
std::vector<ObjectHeader> object_headers(const GitRepository& repo, const std::vector<std::string>& objects) {
  std::string input;
  for (const std::string& o : objects) input += o + "\n";
  const auto out = repo.read({"cat-file", "--batch-check"}, input);
  if (!out) unreadable("git cat-file --batch-check 失败");
  BatchHeaders read = read_batch_check(*out, objects);
  if (!read.error.empty()) unreadable(read.error);
  return std::move(read.headers);
}

// The versions of progress files the history needs: those no larger than
// the working tree's limit are read (only they: git is never asked for a
// larger one), the others only named with their size.
void read_versions(const GitRepository& repo, const std::vector<std::string>& objects, GitHistoryInput& in) {
  if (objects.empty()) return;
  std::vector<std::string> small;
  for (const ObjectHeader& h : object_headers(repo, objects)) {
    if (h.type != "blob") continue;  // named as unread by history_from
    if (h.size > kMaxFileBytes) {
      in.too_large.emplace(h.object, h.size);
    } else {
      small.push_back(h.object);
    }
  }
  if (small.empty()) return;
  std::string input;
  for (const std::string& o : small) input += o + "\n";
  const auto out = repo.read({"cat-file", "--batch"}, input);
  if (!out) unreadable("git cat-file --batch 失败");
  BatchObjects read = read_batch(*out, small, kMaxFileBytes);
  if (!read.error.empty()) unreadable(read.error);
  in.blobs = std::move(read.blobs);
}

// The progress files of the working tree whose content git holds as the
// blob given (the index's, and git diff-files sees no change), by path in
// the repository: their entries are the workspace's, already read. Only
// plain files: a symbolic link's blob is where it points.
std::unordered_map<std::string, std::string> unchanged_blobs(const GitRepository& repo,
                                                             const std::string& progress) {
  std::unordered_map<std::string, std::string> blobs;
  const auto staged = repo.read({"-c", "core.quotePath=false", "ls-files", "-s", "-z", "--", progress});
  const auto changed =
      repo.read({"-c", "core.quotePath=false", "diff-files", "--name-only", "-z", "--", progress});
  if (!staged || !changed) return blobs;
  std::set<std::string_view> differs;
  for (size_t at = 0; at < changed->size();) differs.insert(field(*changed, at));
  for (size_t at = 0; at < staged->size();) {
    // "MODE BLOB STAGE\tPATH"
    const std::string_view record = field(*staged, at);
    const size_t tab = record.find('\t');
    if (tab == std::string_view::npos || tab < 2 || record.substr(tab - 2, 2) != " 0") continue;
    if (!record.starts_with("100644 ") && !record.starts_with("100755 ")) continue;
    const std::string_view path = record.substr(tab + 1);
    if (differs.count(path)) continue;
    const size_t blob_start = record.find(' ') + 1;
    blobs.emplace(path, record.substr(blob_start, tab - 2 - blob_start));
  }
  return blobs;
}

// The warning for a version the history passed over.
std::string warning(const SkippedVersion& s, const std::string& base) {
  const std::string path = shown_path(s.path.substr(base.size()));
  const std::string commit = s.commit.substr(0, 7);
  switch (s.why) {
    case SkippedVersion::Why::kGitlink:
      return fmt::format(
          "duban: 警告: {} 在提交 {} 中是子模块（gitlink），不是进度文件：留痕不读它，按删除计；"
          "请用 git rm --cached 删去这一项并提交",
          path, commit);
    case SkippedVersion::Why::kSymlink:
      return fmt::format(
          "duban: 警告: {} 在提交 {} 中是符号链接，不是进度文件：留痕按删除计，直到它再变回文件", path,
          commit);
    case SkippedVersion::Why::kTooLarge:
      return fmt::format(
          "duban: 警告: {} 在提交 {} 中的版本有 {} 字节，超过 1 MiB 上限：留痕未读取这一版本，按删除计", path,
          commit, s.size);
    case SkippedVersion::Why::kUnread:
      return fmt::format(
          "duban: 警告: git 未给出 {} 在提交 {} 中的版本：留痕未读取它，按删除计；请用 git fsck "
          "检查仓库是否完整",
          path, commit);
  }
  return {};
}

}  // namespace

History read_history(const GitRepository& repo, const fs::path& dir, const Workspace& ws,
                     std::vector<std::string>& warnings) {
  GitHistoryInput in;
  std::string base = repo.relative(dir);
  in.base = base == "." || base.empty() ? "" : base + "/";
  const std::string progress = in.base + "progress";
  const std::string reports = in.base + "reports";
  // The first parents only, merges shown against theirs: a change enters the
  // record when it reaches the line of the work tree's own commits, and a
  // change made in a merge is the merge's.
  const auto log =
      repo.read({"-c", "core.quotePath=false", "log", "--first-parent", "--diff-merges=first-parent",
                 "--reverse", "--topo-order", "--no-renames", "--raw", "--no-abbrev", "-z",
                 "--format=%x01%H%x00%aN%x00%cN%x00%cI%x00", "--", progress, reports});
  // No commit yet: everything in the working tree is uncommitted.
  if (log) {
    in.commits = parse_log(*log);
  } else if (repo.read({"rev-parse", "--verify", "--quiet", "HEAD"})) {
    throw CommandFailure{kExitProblems,
                         "duban: 无法用 git log 读取提交记录：请用 git status 和 git fsck 检查仓库是否完整"};
  }

  // A version the working tree holds unchanged is not read again: its
  // entries are the workspace's (unless the file was set aside).
  in.in_tree = unchanged_blobs(repo, progress);
  for (const RejectedFile& r : ws.rejected) in.in_tree.erase(in.base + r.path);

  // Every other version of every progress file, read at once.
  std::vector<std::string> objects;
  std::unordered_set<std::string> wanted;
  for (const LoggedCommit& c : in.commits) {
    for (const PathChange& ch : c.changes) {
      if (ch.kind != TreeEntryKind::kFile || !is_progress_path(in.base, ch.path)) continue;
      const auto tree = in.in_tree.find(ch.path);
      if (tree != in.in_tree.end() && tree->second == ch.object) continue;
      if (wanted.insert(ch.object).second) objects.push_back(ch.object);
    }
  }
  read_versions(repo, objects, in);

  std::vector<SkippedVersion> skipped;
  History history = history_from(in, ws, skipped);
  for (const SkippedVersion& s : skipped) warnings.push_back(warning(s, in.base));
  return history;
}

HistoryRead read_workspace_history(const fs::path& dir, const Workspace& ws) {
  const auto repo = GitRepository::find_if_any(dir);
  if (!repo) return {std::nullopt, HistoryProblem::kNoRepository, {}};
  if (repo->is_shallow()) return {std::nullopt, HistoryProblem::kShallow, {}};
  HistoryRead read;
  read.history = read_history(*repo, dir, ws, read.warnings);
  return read;
}

}  // namespace duban
