#include "load/workspace_loader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>

#include <fmt/format.h>

#include "load/parallel.h"
#include "load/parse_cache.h"
#include "load/progress_file.h"
#include "load/progress_paths.h"
#include "load/rejected_files.h"
#include "load/task_file.h"
#include "load/yaml_tree.h"

namespace duban {
namespace fs = std::filesystem;
namespace {

constexpr const char* kNotRegularFile =
    "这不是普通文件（而是管道、设备或套接字），没有读取：请删除它，或换成普通的 YAML 文件";

// A reason a file or folder could not be read, in words for the user.
std::string describe(const std::error_code& ec) {
  if (ec == std::errc::permission_denied || ec == std::errc::operation_not_permitted) return "没有读取权限";
  if (ec == std::errc::too_many_symbolic_link_levels) return "符号链接形成了循环";
  if (ec == std::errc::no_such_file_or_directory) return "不存在";
  return ec.message();
}

void error(std::vector<Diagnostic>& out, const std::string& shown, std::string message) {
  out.push_back({shown, 1, 1, Severity::kError, std::move(message)});
}

// True when `p` (canonical) is `base` (canonical) or below it.
bool is_within(const fs::path& p, const fs::path& base) {
  auto [b, q] = std::mismatch(base.begin(), base.end(), p.begin(), p.end());
  return b == base.end();
}

// What `p` is, following a symbolic link only when it leads, through every
// link on the way, to a place inside the workspace `root` (canonical); links
// that dangle, loop or lead outside are reported and never read. `where` is
// set to the canonical place. Nothing when `p` is unusable (reported) or
// does not exist.
std::optional<fs::file_status> resolve(const fs::path& p, const std::string& shown, const fs::path& root,
                                       fs::path& where, std::vector<Diagnostic>& out) {
  std::error_code ec;
  const fs::file_status own = fs::symlink_status(p, ec);
  if (ec || own.type() == fs::file_type::not_found) {
    if (ec && ec != std::errc::no_such_file_or_directory) {
      error(out, shown, fmt::format("无法读取（{}）：请检查它的权限", describe(ec)));
    }
    return std::nullopt;
  }
  where = fs::canonical(p, ec);
  if (own.type() != fs::file_type::symlink) {
    if (ec) {
      error(out, shown, fmt::format("无法读取（{}）：请检查它所在文件夹的权限", describe(ec)));
      return std::nullopt;
    }
    return own;
  }
  if (ec == std::errc::too_many_symbolic_link_levels) {
    error(out, shown,
          "这个符号链接（快捷方式）形成了循环，最终指回它自己：请删除它，或换成真正的文件或文件夹");
    return std::nullopt;
  }
  if (ec) {
    error(out, shown,
          ec == std::errc::no_such_file_or_directory
              ? "这个符号链接（快捷方式）指向的文件或文件夹不存在：请删除它，或换成真正的文件或文件夹"
              : fmt::format("无法读取这个符号链接（{}）：请检查它和它所指文件的权限", describe(ec)));
    return std::nullopt;
  }
  if (!is_within(where, root)) {
    error(out, shown,
          "这个符号链接（快捷方式）指向工作目录之外，duban "
          "不读取工作目录以外的文件：请把文件或文件夹本身复制到这里");
    return std::nullopt;
  }
  const fs::file_status target = fs::status(where, ec);
  if (ec) {
    error(out, shown, fmt::format("无法读取这个符号链接所指的位置（{}）", describe(ec)));
    return std::nullopt;
  }
  return target;
}

// What read_file saw of a file: its stamp when opened and once read to the end.
struct ReadStamps {
  std::optional<FileStamp> opened;
  std::optional<FileStamp> read;
};

// The file's bytes, or nothing with the reason in `out`.
std::optional<std::string> read_file(const fs::path& file, const std::string& shown,
                                     std::vector<Diagnostic>& out, ReadStamps* stamps = nullptr) {
  // Opened first and then looked at: one lookup of the path, and what is
  // read is the file looked at. Without blocking: a pipe given by name
  // must not hang the run.
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    const std::error_code open_error(errno, std::generic_category());
    if (open_error == std::errc::no_such_file_or_directory) {
      error(out, shown, "找不到这个文件：请检查文件名和它所在的文件夹");
    } else {
      error(out, shown, fmt::format("无法读取文件（{}）：请检查文件的权限", describe(open_error)));
    }
    return std::nullopt;
  }
  struct stat st {};
  const bool looked = ::fstat(fd, &st) == 0;
  const std::error_code look_error(looked ? 0 : errno, std::generic_category());
  if (!looked || !S_ISREG(st.st_mode)) {
    ::close(fd);
    if (!looked) {
      error(out, shown, fmt::format("无法读取文件（{}）：请检查文件的权限", describe(look_error)));
    } else if (S_ISDIR(st.st_mode)) {
      error(out, shown, "这是文件夹，不是进度文件：请写出文件夹中的 .yaml 文件名");
    } else {
      error(out, shown, kNotRegularFile);
    }
    return std::nullopt;
  }
  if (stamps != nullptr) stamps->opened = stamp_of(st);
  const auto size = static_cast<size_t>(st.st_size);
  if (size > kMaxFileBytes) {
    ::close(fd);
    error(out, shown,
          fmt::format("文件大小 {} 字节，超过 1 MiB 上限，拒绝读取：请按月份、按单位拆分成多个文件", size));
    return std::nullopt;
  }
  // Read to the end, not to the size stat'ed: the file may have grown. A
  // byte to spare, so that the read that finds the end needs no new buffer.
  std::string bytes(size + 1, '\0');
  size_t done = 0;
  for (;;) {
    if (done == bytes.size()) bytes.resize(done + 4096);
    const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n == 0) break;
    // A file that grew past the limit as it was read is refused like a large one.
    if (n < 0 || (done += static_cast<size_t>(n)) > kMaxFileBytes) {
      ::close(fd);
      error(out, shown, "无法读取文件：读取中途出错，请检查文件的权限和磁盘");
      return std::nullopt;
    }
  }
  if (stamps != nullptr) stamps->read = stamp_of_open(fd);
  ::close(fd);
  bytes.resize(done);
  return bytes;
}

// What `entry` itself is (a link is not followed), from the type the listing
// gave where it gave one: a folder of thousands of files is not stat'ed file
// by file only to learn that each is a file.
fs::file_status own_status(const fs::directory_entry& entry, std::error_code& ec) {
  if (!entry.is_symlink(ec) && !ec) {
    if (entry.is_regular_file(ec)) return fs::file_status(fs::file_type::regular);
    if (!ec && entry.is_directory(ec)) return fs::file_status(fs::file_type::directory);
  }
  return entry.symlink_status(ec);
}

void warning(std::vector<Diagnostic>& out, const std::string& shown, std::string message) {
  out.push_back({shown, 1, 1, Severity::kWarning, std::move(message)});
}

// A folder under progress/ names the round its files report for: 2024-06.
// Its files are read whatever its name, but a folder named otherwise cannot
// be checked against the dates inside it (duban(5) PROGRESS FILES).
void check_folder_name(const std::string& name, const std::string& shown, std::vector<Diagnostic>& out) {
  if (is_month_folder_name(name)) return;
  if (const auto m = loose_month(name)) {
    warning(out, shown,
            fmt::format("文件夹名应写作“年-月”，两位月份：请改名为“{}”（其中的文件照常读取）", m->iso()));
  } else {
    warning(out, shown,
            "progress/ 下的文件夹应以报送月份命名，如“2024-06”：请把其中的文件移到所报月份的文件夹中"
            "（其中的文件照常读取，但无法核对它们是否放对了月份）");
  }
}

// Folders beside progress/ whose names look like it (Progress/, progess/):
// nothing in them is read.
void check_siblings(const fs::path& dir, std::vector<Diagnostic>& out) {
  std::error_code ec;
  std::vector<std::string> names;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_directory(ec) && looks_like_progress(it->path().filename().string())) {
      names.push_back(it->path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    warning(out, name,
            fmt::format("duban 只读取名为 progress 的文件夹，“{}”中的文件都没有读取：如果其中是进度报送，"
                        "请把它们移到 progress/ 中，再删除“{}”",
                        name, name));
  }
}

// Progress files read at once, between merges.
constexpr size_t kLoadBatch = 256;

// One progress file as read: its entries and what is wrong in it.
struct ProgressRead {
  CheckedFile file;
  bool found = false;              // its record came from the cache as it was
  bool rechecked = false;          // its parse came from the cache, `checked` is new
  std::optional<FileStamp> stamp;  // set with `content`, `checked` and `parse`: a new record
  uint64_t content = 0;
  CachePart checked;
  CachePart parse;
};

// Makes room in `entries` for `more`, when it grows at least for `expected`
// and doubling its capacity: into a new array that is given huge pages
// before anything is moved in, so that a million entries do not fill it one
// 4 KiB page fault at a time. Room reserved and not used is address space,
// not memory.
void make_room(std::vector<Entry>& entries, size_t more, size_t expected) {
  const size_t need = entries.size() + more;
  if (need <= entries.capacity()) return;
  std::vector<Entry> grown;
  grown.reserve(std::max({need, 2 * entries.capacity(), expected}));
  prefer_huge_pages(grown.data(), grown.capacity() * sizeof(Entry));
  std::move(entries.begin(), entries.end(), std::back_inserter(grown));
  entries.swap(grown);
}

// Sorts `entries` by entry_before, where entries[i] came from
// files[entry_file[i]]: by keys of date, the rank of the file's path and
// the place in the file, then moving each entry about once. A sort of the
// entries themselves would compare paths and move entries many times over.
void sort_entries(std::vector<Entry>& entries, const std::vector<uint32_t>& entry_file,
                  const std::vector<ExtraFile>& files) {
  std::vector<uint32_t> by_path(files.size());
  for (uint32_t i = 0; i < by_path.size(); ++i) by_path[i] = i;
  std::sort(by_path.begin(), by_path.end(),
            [&files](uint32_t a, uint32_t b) { return files[a].shown < files[b].shown; });
  std::vector<uint32_t> rank(files.size());
  for (uint32_t r = 0; r < by_path.size(); ++r) {
    // Files of the same name (an extra file named like a progress file) keep their order.
    rank[by_path[r]] =
        r > 0 && files[by_path[r]].shown == files[by_path[r - 1]].shown ? rank[by_path[r - 1]] : r;
  }
  struct Key {
    int date;
    uint32_t file;
    int position;
    uint32_t index;
  };
  std::vector<Key> keys(entries.size());
  for (uint32_t i = 0; i < keys.size(); ++i) {
    keys[i] = {entries[i].date.days(), rank[entry_file[i]], entries[i].position, i};
  }
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    return std::tie(a.date, a.file, a.position, a.index) < std::tie(b.date, b.file, b.position, b.index);
  });
  // In place, cycle by cycle: entries[k] takes entries[keys[k].index].
  for (uint32_t start = 0; start < keys.size(); ++start) {
    if (keys[start].index == start) continue;
    Entry held = std::move(entries[start]);
    for (uint32_t at = start;;) {
      const uint32_t from = keys[at].index;
      keys[at].index = at;
      if (from == start) {
        entries[at] = std::move(held);
        break;
      }
      entries[at] = std::move(entries[from]);
      at = from;
    }
  }
}

// The parse cache of the workspace at `root`, or one that does nothing when
// it is turned off (--no-cache, DUBAN_NO_CACHE=1) or has nowhere to live.
ParseCache open_cache(const fs::path& root, const LoadOptions& options) {
  const char* off = std::getenv("DUBAN_NO_CACHE");
  if (!options.cache || (off != nullptr && off[0] != '\0' && std::string_view(off) != "0")) return {};
  const auto dir = ParseCache::default_dir();
  if (!dir) return {};
  return ParseCache(*dir, root);
}

// Says that the cache folder was refused, and what to do: the run goes on
// without the cache, its output the same.
void warn_refused(const CacheRefusalInfo& refused, std::vector<Diagnostic>& out) {
  constexpr const char* kOff = "为安全起见，本次不使用解析缓存（结果不变，只是慢些）";
  std::string why;
  switch (refused.reason) {
    case CacheRefusal::kNone:
      return;
    case CacheRefusal::kSymlink:
      why = fmt::format(
          "解析缓存文件夹是符号链接（快捷方式），{}：请删除这个链接，duban 会新建文件夹；"
          "或用 XDG_CACHE_HOME 指定别的位置",
          kOff);
      break;
    case CacheRefusal::kOtherOwner:
      why = fmt::format(
          "解析缓存文件夹属于另一个用户（uid {}），{}：请删除这个文件夹，duban 会重新建立；"
          "或用 XDG_CACHE_HOME 指定自己的位置",
          refused.owner_uid, kOff);
      break;
    case CacheRefusal::kOpenToOthers:
      why = fmt::format(
          "解析缓存文件夹允许其他用户写入（权限 {:04o}），{}：请运行 chmod go-w "
          "去掉其他用户的写权限，或删除这个文件夹，duban 会重新建立",
          refused.mode, kOff);
      break;
  }
  warning(out, refused.folder.string(), std::move(why));
}

// Collects the progress files under one folder, depth first. Every folder
// that cannot be listed and every entry that cannot be used is reported:
// a progress file silently left out would show as a missing report.
class ProgressWalk {
 public:
  ProgressWalk(const fs::path& dir, const fs::path& root, std::vector<Diagnostic>& out)
      : dir_(dir), root_(root), out_(out) {}

  std::vector<std::string> files() {
    fs::path where;
    const auto status = resolve(dir_ / "progress", "progress", root_, where, out_);
    if (!status) return {};
    if (!fs::is_directory(*status)) {
      error(out_, "progress",
            "“progress”应是存放进度文件的文件夹，这里却不是文件夹：请把它改名或移走，再新建名为 progress "
            "的文件夹");
      return {};
    }
    walk(dir_ / "progress", "progress", where, false);
    std::sort(files_.begin(), files_.end());
    return std::move(files_);
  }

 private:
  // `nested`: the folder is below a folder of progress/, whose name is not checked.
  void walk(const fs::path& folder, const std::string& shown, const fs::path& where, bool nested) {
    // A link to this folder or one that holds it would never end.
    for (const fs::path& open : open_) {
      if (is_within(open, where)) {
        error(out_, shown, "这个符号链接（快捷方式）指向它所在的文件夹或其上级文件夹，形成了循环：请删除它");
        return;
      }
    }
    std::error_code ec;
    std::vector<fs::directory_entry> children;  // each with the type the listing gave
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
      children.push_back(*it);
    }
    if (ec) {
      error(out_, shown,
            fmt::format("无法读取这个文件夹（{}），其中的进度文件都没有读到：请检查它的权限", describe(ec)));
      return;
    }
    std::sort(children.begin(), children.end());
    open_.push_back(where);
    for (const fs::directory_entry& child : children) {
      visit(child, shown + "/" + child.path().filename().string(), nested);
    }
    open_.pop_back();
  }

  void visit(const fs::directory_entry& entry, const std::string& shown, bool nested) {
    const fs::path& p = entry.path();
    const std::string name = p.filename().string();
    const FileKind kind = progress_file_kind(name);
    std::error_code ec;
    const fs::file_status own = own_status(entry, ec);
    if (kind == FileKind::kSkipped && !fs::is_directory(own)) return;
    if (!fs::is_symlink(own) && kind != FileKind::kProgress && !fs::is_directory(own)) {
      warning(out_, shown, unread_file_advice(name));
      return;
    }
    // A file itself in a folder being walked is in the workspace: only
    // links and folders need their real place.
    if (fs::is_regular_file(own)) {
      files_.push_back(shown);
      return;
    }
    fs::path where;
    const auto status = resolve(p, shown, root_, where, out_);
    if (!status) return;
    if (fs::is_directory(*status)) {
      if (!name.empty() && name.front() == '.') return;  // .git and other hidden folders
      if (!nested) check_folder_name(name, shown, out_);
      walk(p, shown, where, true);
    } else if (kind == FileKind::kSkipped) {
      // A link to a backup or a README: passed over like the file itself.
    } else if (kind == FileKind::kUnread) {
      warning(out_, shown, unread_file_advice(name));
    } else if (fs::is_regular_file(*status)) {
      files_.push_back(shown);
    } else {
      error(out_, shown, kNotRegularFile);
    }
  }

  fs::path dir_;
  fs::path root_;  // the workspace, canonical
  std::vector<Diagnostic>& out_;
  std::vector<std::string> files_;
  std::vector<fs::path> open_;  // canonical folders being walked
};

}  // namespace

LoadResult load_workspace(const fs::path& dir, Date today, const std::vector<ExtraFile>& extra,
                          LoadOptions options) {
  LoadResult result;
  auto& out = result.diagnostics;
  // Each file's problems are capped on their own, then merged.
  auto add_capped = [&out](std::vector<Diagnostic>& of_one_file) {
    cap_diagnostics(of_one_file);
    std::move(of_one_file.begin(), of_one_file.end(), std::back_inserter(out));
  };
  std::error_code ec;
  fs::path root = fs::canonical(dir, ec);
  if (ec) root = fs::absolute(dir, ec).lexically_normal();
  TaskFileResult tasks;
  CheckKey key{0, today, std::nullopt};
  fs::path where;
  std::vector<Diagnostic> file_out;
  if (resolve(dir / "tasks.yaml", "tasks.yaml", root, where, file_out)) {
    if (auto bytes = read_file(dir / "tasks.yaml", "tasks.yaml", file_out)) {
      tasks = load_task_file("tasks.yaml", *bytes, file_out);
      key.list = cache_checksum(*bytes);
    }
  } else if (file_out.empty()) {
    error(file_out, "tasks.yaml", "找不到 tasks.yaml：请在工作目录中运行，或用 -C 指定目录");
  }
  add_capped(file_out);
  result.workspace.list = std::move(tasks.list);
  const TaskIndex& index = tasks.index;
  check_siblings(dir, out);
  std::vector<ExtraFile> files;
  for (std::string& shown : ProgressWalk(dir, root, out).files()) files.push_back({shown, dir / shown});
  const size_t walked = files.size();  // the files of progress/, the ones cached
  files.insert(files.end(), extra.begin(), extra.end());
  ParseCache cache = open_cache(root, options);
  warn_refused(cache.refusal(), out);
  // Files are read and checked on all threads, each into its own slot, and
  // merged in path order: the same workspace and messages as on one thread.
  // A batch at a time, so that only one batch's entries wait to be merged.
  const unsigned jobs = load_jobs();
  std::vector<uint32_t> entry_file;  // the file of each entry, by its place in `files`
  for (size_t begin = 0; begin < files.size(); begin += kLoadBatch) {
    const size_t count = std::min(kLoadBatch, files.size() - begin);
    std::vector<ProgressRead> reads(count);
    parallel_for(count, jobs, [&](size_t k) {
      const size_t i = begin + k;
      const auto& [shown, file] = files[i];
      ProgressRead& read = reads[k];
      // A record serves only the bytes it was made from, read now: a stamp
      // alone can repeat or be copied into a stale record.
      const bool cached = i < walked && cache.enabled();
      ReadStamps stamps;
      const std::optional<std::string> bytes =
          read_file(file, shown, read.file.diagnostics, cached ? &stamps : nullptr);
      if (!bytes) return;
      const uint64_t content = cached ? cache_checksum(*bytes) : 0;
      const std::optional<CacheRecord> record =
          cached && stamps.read ? cache.find(shown, *stamps.read, content) : std::nullopt;
      if (record && tasks.ok) {
        if (auto checked = cache.decode_checked(*record, shown, key)) {
          read.file = std::move(*checked);
          read.found = true;
          return;
        }
      }
      std::optional<CachedParse> parsed = record ? cache.decode_parse(*record, shown) : std::nullopt;
      read.found = parsed && !tasks.ok;
      read.rechecked = parsed && tasks.ok;
      if (!parsed) {
        parsed.emplace();
        parsed->parse = parse_yaml(shown, *bytes, progress_file_keys(), parsed->diagnostics);
        // Recorded only when the file did not change while it was read.
        if (stamps.read && ParseCache::settled(*stamps.read) && stamps.opened == stamps.read) {
          read.stamp = stamps.read;
          read.content = content;
          read.parse = CachePart(ParseCache::encode_parse(*parsed));
        }
      }
      read.file.diagnostics = std::move(parsed->diagnostics);
      if (!tasks.ok) return;
      CheckKey checked_under = key;
      read.file.entries =
          read_progress_entries(shown, parsed->parse, result.workspace.list, index, today,
                                read.file.diagnostics, &read.file.sample, &checked_under.latest);
      if (read.stamp || read.rechecked)
        read.checked = CachePart(ParseCache::encode_checked(read.file, checked_under));
    });
    // The files read so far foretell the rest: the entries are moved once,
    // not again at every doubling.
    size_t batch_entries = 0;
    for (const ProgressRead& read : reads) batch_entries += read.file.entries.size();
    const size_t read_so_far = result.workspace.entries.size() + batch_entries;
    make_room(result.workspace.entries, batch_entries, read_so_far / (begin + count) * files.size() * 9 / 8);
    for (size_t k = 0; k < count; ++k) {
      ProgressRead& read = reads[k];
      const std::string& shown = files[begin + k].shown;
      if (read.found) cache.keep_found(shown);
      if (read.rechecked) cache.keep_rechecked(shown, read.checked);
      if (read.stamp) cache.keep(shown, *read.stamp, read.content, read.checked, read.parse);
      entry_file.insert(entry_file.end(), read.file.entries.size(), static_cast<uint32_t>(begin + k));
      std::move(read.file.entries.begin(), read.file.entries.end(),
                std::back_inserter(result.workspace.entries));
      if (read.file.sample) result.workspace.sample = true;
      add_capped(read.file.diagnostics);
      read = {};
    }
  }
  cache.save();
  sort_entries(result.workspace.entries, entry_file, files);
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
  fs::path p = fs::absolute(start, ec);
  if (ec) return std::nullopt;
  for (;; p = p.parent_path()) {
    // A folder without tasks.yaml sets the error code (not found): look further up all the same.
    std::error_code missing;
    if (fs::is_regular_file(p / "tasks.yaml", missing)) return p;
    if (p == p.parent_path()) return std::nullopt;
  }
}

}  // namespace duban
