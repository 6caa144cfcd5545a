#include "load/git_history.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "load/progress_file.h"
#include "load/progress_paths.h"
#include "load/task_index.h"

namespace duban {
namespace {

// Reads up to the next NUL from `text` at `at`, moving past it.
std::string_view field(std::string_view text, size_t& at) {
  const size_t end = text.find('\0', at);
  const size_t stop = end == std::string_view::npos ? text.size() : end;
  const std::string_view out = text.substr(at, stop - at);
  at = stop == text.size() ? stop : stop + 1;
  return out;
}

// The words of `text` between single spaces.
std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    const size_t space = text.find(' ', start);
    out.push_back(
        text.substr(start, space == std::string_view::npos ? std::string_view::npos : space - start));
    if (space == std::string_view::npos) return out;
    start = space + 1;
  }
}

bool is_object_name(std::string_view s) {
  return (s.size() == 40 || s.size() == 64) && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

TreeEntryKind kind_of_mode(std::string_view mode) {
  if (mode == "100644" || mode == "100755" || mode == "100664") return TreeEntryKind::kFile;
  if (mode == "120000") return TreeEntryKind::kSymlink;
  if (mode == "160000") return TreeEntryKind::kGitlink;
  if (mode == "000000") return TreeEntryKind::kDeleted;
  return TreeEntryKind::kOther;
}

// ":OLDMODE NEWMODE OLD NEW STATUS" of `git log --raw`, for `path`.
std::optional<PathChange> parse_raw(std::string_view meta, std::string path) {
  if (meta.empty() || meta[0] != ':') return std::nullopt;
  const std::vector<std::string_view> w = words(meta.substr(1));
  if (w.size() != 5 || w[4].empty() || !is_object_name(w[2]) || !is_object_name(w[3])) return std::nullopt;
  PathChange ch;
  ch.path = std::move(path);
  ch.kind = w[4][0] == 'D' ? TreeEntryKind::kDeleted : kind_of_mode(w[1]);
  if (ch.kind != TreeEntryKind::kDeleted) ch.object = w[3];
  return ch;
}

using EntryKey = std::tuple<std::string, std::string, Date>;  // unit, task, date
EntryKey key_of(const Entry& e) { return {e.unit, e.task, e.date}; }

// Keys by unit, then task number (2 before 10), then date: the order a
// commit's changes are told in.
struct KeyOrder {
  bool operator()(const EntryKey& a, const EntryKey& b) const {
    if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) < std::get<0>(b);
    if (std::get<1>(a) != std::get<1>(b)) return task_id_less(std::get<1>(a), std::get<1>(b));
    return std::get<2>(a) < std::get<2>(b);
  }
};

// The entries of a path before a version that could not be read: they count
// as removed by `commit` unless a later version of the path holds them again.
struct Gap {
  int commit = -1;
  std::vector<Entry> entries;
};

// Replays the commits one by one, keeping what each path and the history as
// a whole hold, and records an event for every entry a commit changed.
class Replay {
 public:
  Replay(const GitHistoryInput& in, const Workspace& ws, std::vector<SkippedVersion>& skipped)
      : in_(in), ws_(ws), skipped_(skipped), index_(ws.list) {
    for (const Entry& e : ws.entries) {
      const std::string path = in.base + e.path.str();
      if (in.in_tree.count(path)) tree_entries_[path].push_back(&e);
    }
  }

  History run() {
    for (const LoggedCommit& c : in_.commits) replay(c);
    // Paths left unreadable: their entries were removed when they became so.
    for (const auto& [path, gap] : gaps_) {
      for (const Entry& e : gap.entries) {
        if (held_.count(key_of(e))) continue;
        EntryEvent ev;
        ev.kind = EntryEvent::Kind::kRemoved;
        ev.commit = gap.commit;
        ev.before = e;
        history_.events.push_back(std::move(ev));
      }
    }
    std::stable_sort(history_.events.begin(), history_.events.end(),
                     [](const EntryEvent& a, const EntryEvent& b) { return a.commit < b.commit; });
    add_uncommitted();
    return std::move(history_);
  }

 private:
  void replay(const LoggedCommit& c) {
    const int at = static_cast<int>(history_.commits.size());
    history_.commits.push_back(c.info);
    before_.clear();
    removed_at_.clear();
    const std::string reports = in_.base + "reports/";
    for (const PathChange& ch : c.changes) {
      if (ch.path.rfind(reports, 0) == 0) {
        const std::filesystem::path rel(ch.path.substr(reports.size()));
        if (rel.filename() == "reconcile.md" && ch.kind == TreeEntryKind::kFile) {
          if (auto m = parse_iso_month(rel.parent_path().string())) history_.reconciled[*m] = at;
        }
        continue;
      }
      if (!is_progress_path(in_.base, ch.path)) continue;
      if (auto version = read_version(c, ch)) {
        replace(ch.path, std::move(*version));
      } else {
        set_aside(ch.path, at);
      }
    }
    for (const PathChange& ch : c.changes) {
      if (!is_progress_path(in_.base, ch.path)) continue;
      for (const Entry& e : files_[ch.path]) {
        remember(key_of(e));
        held_.insert_or_assign(key_of(e), e);
      }
    }
    for (auto& [k, old] : before_) {
      const auto now = held_.find(k);
      EntryEvent ev;
      ev.commit = at;
      ev.before = std::move(old);
      if (now != held_.end()) ev.after = now->second;
      if (!ev.before && !ev.after) continue;
      if (ev.before && ev.after && same_report(*ev.before, *ev.after)) continue;
      ev.kind = !ev.before  ? EntryEvent::Kind::kAdded
                : !ev.after ? EntryEvent::Kind::kRemoved
                            : EntryEvent::Kind::kChanged;
      if (const auto gap = removed_at_.find(k); gap != removed_at_.end() && !ev.after)
        ev.commit = gap->second;
      history_.events.push_back(std::move(ev));
    }
  }

  // The entries of the version `ch` gives its path, or nothing when that
  // version is no file duban can read (named in skipped_).
  std::optional<std::vector<Entry>> read_version(const LoggedCommit& c, const PathChange& ch) {
    std::vector<Entry> entries;
    const auto skip = [&](SkippedVersion::Why why, size_t size = 0) {
      skipped_.push_back({why, ch.path, c.info.hash, size});
      return std::nullopt;
    };
    switch (ch.kind) {
      case TreeEntryKind::kDeleted:
        return entries;
      case TreeEntryKind::kSymlink:
        return skip(SkippedVersion::Why::kSymlink);
      case TreeEntryKind::kGitlink:
        return skip(SkippedVersion::Why::kGitlink);
      case TreeEntryKind::kOther:
        return skip(SkippedVersion::Why::kUnread);
      case TreeEntryKind::kFile:
        break;
    }
    if (from_tree(ch)) {
      // Entries in the order the file holds them, as a fresh read gives.
      std::vector<const Entry*> kept = tree_entries_[ch.path];
      std::stable_sort(kept.begin(), kept.end(),
                       [](const Entry* a, const Entry* b) { return a->position < b->position; });
      for (const Entry* e : kept) entries.push_back(*e);
      return entries;
    }
    if (const auto big = in_.too_large.find(ch.object); big != in_.too_large.end()) {
      return skip(SkippedVersion::Why::kTooLarge, big->second);
    }
    const auto found = in_.blobs.find(ch.object);
    if (found == in_.blobs.end()) return skip(SkippedVersion::Why::kUnread);
    // No "after today" warnings for old versions; their errors are the working tree's business.
    const Date far = *Date::from_ymd(kMaxYear, 12, 31);
    std::vector<Diagnostic> ignored;
    return load_progress_file(ch.path.substr(in_.base.size()), found->second, ws_.list, index_, far, ignored);
  }

  bool from_tree(const PathChange& ch) const {
    const auto it = in_.in_tree.find(ch.path);
    return it != in_.in_tree.end() && it->second == ch.object;
  }

  // The key as it was before this commit, the first time the commit touches it.
  void remember(const EntryKey& k) {
    if (before_.count(k)) return;
    const auto it = held_.find(k);
    before_[k] = it == held_.end() ? std::nullopt : std::optional<Entry>(it->second);
  }

  // `path` now holds `entries`; what it held before a version that could not
  // be read counts as held until now.
  void replace(const std::string& path, std::vector<Entry> entries) {
    for (const Entry& e : files_[path]) {
      remember(key_of(e));
      held_.erase(key_of(e));
    }
    if (const auto gap = gaps_.find(path); gap != gaps_.end()) {
      for (Entry& e : gap->second.entries) {
        const EntryKey k = key_of(e);
        if (before_.count(k) || held_.count(k)) continue;
        removed_at_[k] = gap->second.commit;
        before_[k] = std::move(e);
      }
      gaps_.erase(gap);
    }
    files_[path] = std::move(entries);
  }

  // `path` holds nothing readable from commit `at` on: its entries leave the
  // history without an event for now (see Gap).
  void set_aside(const std::string& path, int at) {
    std::vector<Entry>& entries = files_[path];
    if (!gaps_.count(path)) gaps_[path] = Gap{at, entries};
    for (const Entry& e : entries) held_.erase(key_of(e));
    entries.clear();
  }

  // The working tree: entries no commit holds as they are.
  void add_uncommitted() {
    for (const Entry& e : ws_.entries) {
      const auto it = held_.find(key_of(e));
      if (it != held_.end() && same_report(it->second, e)) continue;
      EntryEvent ev;
      ev.kind = EntryEvent::Kind::kUncommitted;
      if (it != held_.end()) ev.before = it->second;
      ev.after = e;
      history_.events.push_back(std::move(ev));
    }
  }

  const GitHistoryInput& in_;
  const Workspace& ws_;
  std::vector<SkippedVersion>& skipped_;
  const TaskIndex index_;
  std::unordered_map<std::string, std::vector<const Entry*>> tree_entries_;
  History history_;
  std::unordered_map<std::string, std::vector<Entry>> files_;  // path -> entries of its version
  std::map<EntryKey, Entry, KeyOrder> held_;                   // every entry the history holds now
  std::map<std::string, Gap> gaps_;  // path -> what it held before it became unreadable
  std::map<EntryKey, std::optional<Entry>, KeyOrder> before_;  // the keys this commit touched, as they were
  std::map<EntryKey, int, KeyOrder> removed_at_;               // keys whose removal dates from a gap's start
};

}  // namespace

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
    c.info.date = commit_date(c.info.committed);
    while (at < text.size() && (text[at] == '\0' || text[at] == '\n')) ++at;
    while (at < text.size() && text[at] == ':') {
      const std::string_view meta = field(text, at);
      std::string path(field(text, at));
      if (auto ch = parse_raw(meta, std::move(path))) c.changes.push_back(std::move(*ch));
      while (at < text.size() && text[at] == '\n') ++at;
    }
    commits.push_back(std::move(c));
  }
  return commits;
}

std::optional<Date> commit_date(std::string_view iso) {
  // Five-digit years and beyond have no 'T' at [10].
  if (iso.size() < 10 || (iso.size() > 10 && iso[10] != 'T')) return std::nullopt;
  return parse_iso_date(iso.substr(0, 10));
}

std::optional<ObjectHeader> parse_object_header(std::string_view line) {
  const std::vector<std::string_view> w = words(line);
  if (w.empty() || !is_object_name(w[0])) return std::nullopt;
  ObjectHeader h;
  h.object = w[0];
  if (w.size() == 2 && w[1] == "missing") {
    h.missing = true;
    return h;
  }
  if (w.size() != 3) return std::nullopt;
  if (w[1] != "blob" && w[1] != "tree" && w[1] != "commit" && w[1] != "tag") return std::nullopt;
  h.type = w[1];
  const std::string_view n = w[2];
  if (n.empty() || n.size() > 18 ||
      !std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  std::from_chars(n.data(), n.data() + n.size(), h.size);
  return h;
}

namespace {

// The next header of a batch stream at `at`, which must name `object`; moves
// past its newline. Sets `error` and gives nothing when it is not so.
std::optional<ObjectHeader> next_header(std::string_view stream, size_t& at, const std::string& object,
                                        size_t number, std::string& error) {
  const size_t eol = stream.find('\n', at);
  if (eol == std::string_view::npos) {
    error = fmt::format("第 {} 个对象（{}）没有输出", number, object);
    return std::nullopt;
  }
  const std::string_view line = stream.substr(at, eol - at);
  auto h = parse_object_header(line);
  if (!h || h->object != object) {
    error = fmt::format("第 {} 个对象（{}）的说明行不是 git 的格式：{}", number, object,
                        line.substr(0, std::min<size_t>(line.size(), 120)));
    return std::nullopt;
  }
  at = eol + 1;
  return h;
}

}  // namespace

BatchObjects read_batch(std::string_view stream, const std::vector<std::string>& requested, size_t max_blob) {
  BatchObjects out;
  size_t at = 0;
  for (size_t i = 0; i < requested.size(); ++i) {
    auto h = next_header(stream, at, requested[i], i + 1, out.error);
    if (!h) return out;
    if (h->missing) {
      out.skipped.push_back(std::move(*h));
      continue;
    }
    if (stream.size() - at <= h->size || stream[at + h->size] != '\n') {
      out.error =
          fmt::format("第 {} 个对象（{}）的内容不足 {} 字节或没有以换行结束", i + 1, h->object, h->size);
      return out;
    }
    if (h->type == "blob" && h->size <= max_blob) {
      out.blobs.insert_or_assign(h->object, std::string(stream.substr(at, h->size)));
    } else {
      out.skipped.push_back(*h);
    }
    at += h->size + 1;
  }
  if (at != stream.size())
    out.error = fmt::format("{} 个对象之后还有 {} 字节的输出", requested.size(), stream.size() - at);
  return out;
}

BatchHeaders read_batch_check(std::string_view stream, const std::vector<std::string>& requested) {
  BatchHeaders out;
  size_t at = 0;
  for (size_t i = 0; i < requested.size(); ++i) {
    auto h = next_header(stream, at, requested[i], i + 1, out.error);
    if (!h) return out;
    out.headers.push_back(std::move(*h));
  }
  if (at != stream.size())
    out.error = fmt::format("{} 个对象之后还有 {} 字节的输出", requested.size(), stream.size() - at);
  return out;
}

bool is_progress_path(const std::string& base, const std::string& path) {
  const std::string progress = base + "progress/";
  return path.rfind(progress, 0) == 0 &&
         progress_file_kind(std::filesystem::path(path).filename().string()) == FileKind::kProgress;
}

History history_from(const GitHistoryInput& in, const Workspace& ws, std::vector<SkippedVersion>& skipped) {
  return Replay(in, ws, skipped).run();
}

}  // namespace duban
