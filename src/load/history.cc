#include "load/history.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "io/failure.h"
#include "load/progress_file.h"
#include "load/progress_names.h"
#include "load/task_index.h"

namespace duban {
namespace fs = std::filesystem;
namespace {

// A file changed by a commit: its path in the work tree and its new blob
// (empty when the commit deleted it).
struct Change {
  std::string path;
  std::string blob;
};

struct LoggedCommit {
  CommitInfo info;
  std::vector<Change> changes;
};

// Reads up to the next NUL from `text` at `at`, moving past it.
std::string_view field(std::string_view text, size_t& at) {
  const size_t end = text.find('\0', at);
  const size_t stop = end == std::string_view::npos ? text.size() : end;
  const std::string_view out = text.substr(at, stop - at);
  at = stop == text.size() ? stop : stop + 1;
  return out;
}

// Parses `git log -z --raw --format=%x01%H%x00%aN%x00%cN%x00%cI%x00`.
std::vector<LoggedCommit> parse_log(std::string_view text) {
  std::vector<LoggedCommit> commits;
  size_t at = 0;
  while (at < text.size()) {
    if (text[at] != '\x01') {
      ++at;  // the newlines and NULs between records
      continue;
    }
    ++at;
    LoggedCommit c;
    c.info.hash = field(text, at);
    c.info.author = field(text, at);
    c.info.committer = field(text, at);
    c.info.committed = field(text, at);
    if (auto d = parse_iso_date(std::string_view(c.info.committed).substr(0, 10))) c.info.date = *d;
    while (at < text.size() && (text[at] == '\0' || text[at] == '\n')) ++at;
    while (at < text.size() && text[at] == ':') {
      // ":100644 100644 OLD NEW M" then the path.
      const std::string_view meta = field(text, at);
      const std::string path(field(text, at));
      const size_t space = meta.rfind(' ');
      const std::string_view status = meta.substr(space + 1);
      std::string blob;
      if (status != "D") {
        const size_t new_start = meta.rfind(' ', space - 1) + 1;
        blob = meta.substr(new_start, space - new_start);
      }
      c.changes.push_back({path, blob});
      while (at < text.size() && text[at] == '\n') ++at;
    }
    commits.push_back(std::move(c));
  }
  return commits;
}

// The contents of `blobs`, read by one git cat-file --batch.
std::unordered_map<std::string, std::string> read_blobs(const GitRepository& repo,
                                                        const std::vector<std::string>& blobs) {
  std::unordered_map<std::string, std::string> contents;
  if (blobs.empty()) return contents;
  std::string input;
  for (const std::string& b : blobs) input += b + "\n";
  const auto out = repo.read({"cat-file", "--batch"}, input);
  if (!out)
    throw CommandFailure{kExitProblems,
                         "duban: 无法用 git cat-file 读取进度文件的历史版本：请检查仓库是否完整"};
  std::string_view text = *out;
  for (const std::string& b : blobs) {
    const size_t eol = text.find('\n');
    if (eol == std::string_view::npos) break;
    const std::string_view header = text.substr(0, eol);  // "HASH blob SIZE" or "HASH missing"
    text.remove_prefix(eol + 1);
    const size_t last_space = header.rfind(' ');
    if (header.find(" blob ") == std::string_view::npos) continue;
    const size_t size = std::stoul(std::string(header.substr(last_space + 1)));
    contents.emplace(b, std::string(text.substr(0, size)));
    text.remove_prefix(std::min(text.size(), size + 1));
  }
  return contents;
}

// The progress files of the working tree whose content git holds as the
// blob given (the index's, and git diff-files sees no change), by path in
// the repository: their entries are the workspace's, already read.
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
    if (tab == std::string_view::npos || record.substr(tab - 2, 2) != " 0") continue;
    const std::string_view path = record.substr(tab + 1);
    if (differs.count(path)) continue;
    const size_t blob_start = record.find(' ') + 1;
    blobs.emplace(path, record.substr(blob_start, tab - 2 - blob_start));
  }
  return blobs;
}

using EntryKey = std::tuple<std::string, std::string, Date>;  // unit, task, date
EntryKey key_of(const Entry& e) { return {e.unit, e.task, e.date}; }

}  // namespace

History read_history(const GitRepository& repo, const fs::path& dir, const Workspace& ws) {
  std::string base = repo.relative(dir);
  base = base == "." || base.empty() ? "" : base + "/";
  const std::string progress = base + "progress";
  const std::string reports = base + "reports";
  const auto log =
      repo.read({"-c", "core.quotePath=false", "log", "--reverse", "--topo-order", "--no-renames", "--raw",
                 "--no-abbrev", "-z", "--format=%x01%H%x00%aN%x00%cN%x00%cI%x00", "--", progress, reports});
  History history;
  // No commit yet: everything in the working tree is uncommitted.
  std::vector<LoggedCommit> commits = log ? parse_log(*log) : std::vector<LoggedCommit>{};

  // Every version of every progress file, read at once.
  const auto is_progress = [&](const std::string& path) {
    return path.rfind(progress + "/", 0) == 0 &&
           progress_file_kind(fs::path(path).filename().string()) == FileKind::kProgress;
  };
  // A version the working tree holds unchanged is not read again: its
  // entries are the workspace's (unless the file was set aside).
  std::unordered_map<std::string, std::string> in_tree = unchanged_blobs(repo, progress);
  for (const RejectedFile& r : ws.rejected) in_tree.erase(base + r.path);
  std::unordered_map<std::string, std::vector<const Entry*>> tree_entries;
  for (const Entry& e : ws.entries) {
    std::string path = base + e.path.str();
    if (in_tree.count(path)) tree_entries[path].push_back(&e);
  }
  const auto from_tree = [&](const Change& ch) {
    const auto it = in_tree.find(ch.path);
    return it != in_tree.end() && it->second == ch.blob;
  };
  std::vector<std::string> blobs;
  std::set<std::string> wanted;
  for (const LoggedCommit& c : commits) {
    for (const Change& ch : c.changes) {
      if (is_progress(ch.path) && !ch.blob.empty() && !from_tree(ch) && wanted.insert(ch.blob).second)
        blobs.push_back(ch.blob);
    }
  }
  const auto contents = read_blobs(repo, blobs);

  const TaskIndex index(ws.list);
  const Date far = *Date::from_ymd(2999, 12, 31);             // no "after today" warnings for old versions
  std::unordered_map<std::string, std::vector<Entry>> files;  // path -> entries of its version
  std::map<EntryKey, Entry> held;                             // every entry the history holds now
  for (size_t i = 0; i < commits.size(); ++i) {
    LoggedCommit& c = commits[i];
    const int at = static_cast<int>(history.commits.size());
    history.commits.push_back(c.info);
    std::map<EntryKey, std::optional<Entry>> before;  // the touched keys as they were
    for (const Change& ch : c.changes) {
      if (ch.path.rfind(reports + "/", 0) == 0) {
        const fs::path rel = fs::path(ch.path.substr(reports.size() + 1));
        if (rel.filename() == "reconcile.md" && !ch.blob.empty()) {
          if (auto m = parse_iso_month(rel.parent_path().string())) history.reconciled[*m] = at;
        }
        continue;
      }
      if (!is_progress(ch.path)) continue;
      const std::string shown = ch.path.substr(base.size());
      for (const Entry& e : files[ch.path]) {
        const EntryKey k = key_of(e);
        if (!before.count(k)) {
          const auto it = held.find(k);
          before[k] = it == held.end() ? std::nullopt : std::optional<Entry>(it->second);
        }
        held.erase(k);
      }
      files[ch.path].clear();
      if (from_tree(ch)) {
        // Entries in the order the file holds them, as a fresh read gives.
        std::vector<const Entry*> kept = tree_entries[ch.path];
        std::stable_sort(kept.begin(), kept.end(),
                         [](const Entry* a, const Entry* b) { return a->position < b->position; });
        for (const Entry* e : kept) files[ch.path].push_back(*e);
        continue;
      }
      const auto found = contents.find(ch.blob);
      if (found == contents.end()) continue;
      std::vector<Diagnostic> ignored;
      files[ch.path] = load_progress_file(shown, found->second, ws.list, index, far, ignored);
    }
    for (const Change& ch : c.changes) {
      if (!is_progress(ch.path)) continue;
      for (const Entry& e : files[ch.path]) {
        const EntryKey k = key_of(e);
        if (!before.count(k)) {
          const auto it = held.find(k);
          before[k] = it == held.end() ? std::nullopt : std::optional<Entry>(it->second);
        }
        held.insert_or_assign(k, e);
      }
    }
    for (auto& [k, old] : before) {
      const auto now = held.find(k);
      EntryEvent ev;
      ev.commit = at;
      ev.before = std::move(old);
      if (now != held.end()) ev.after = now->second;
      if (!ev.before && !ev.after) continue;
      if (ev.before && ev.after && same_report(*ev.before, *ev.after)) continue;
      ev.kind = !ev.before  ? EntryEvent::Kind::kAdded
                : !ev.after ? EntryEvent::Kind::kRemoved
                            : EntryEvent::Kind::kChanged;
      history.events.push_back(std::move(ev));
    }
  }
  // The working tree: entries no commit holds as they are.
  for (const Entry& e : ws.entries) {
    const auto it = held.find(key_of(e));
    if (it != held.end() && same_report(it->second, e)) continue;
    EntryEvent ev;
    ev.kind = EntryEvent::Kind::kUncommitted;
    if (it != held.end()) ev.before = it->second;
    ev.after = e;
    history.events.push_back(std::move(ev));
  }
  return history;
}

HistoryRead read_workspace_history(const fs::path& dir, const Workspace& ws) {
  const auto repo = GitRepository::find_if_any(dir);
  if (!repo) return {std::nullopt, HistoryProblem::kNoRepository};
  if (repo->is_shallow()) return {std::nullopt, HistoryProblem::kShallow};
  return {read_history(*repo, dir, ws), HistoryProblem::kNone};
}

}  // namespace duban
