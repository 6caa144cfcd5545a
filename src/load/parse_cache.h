// The parse cache (issue 14): the parsed tree and the syntax diagnostics of
// each progress file, kept between runs so that an unchanged file is not
// parsed again. Only the parse is kept: a changed tasks.yaml changes how
// the trees are checked, never the trees. One file per workspace under
// $XDG_CACHE_HOME/duban/ (or ~/.cache/duban/), outside the workspace, so it
// never shows in the workspace's git status or in the files a report
// folder holds.
//
// A record serves only a file of the same path, size, modification and
// change times (to the nanosecond), inode and device, in a cache of this
// format and this duban version; anything else, a truncated or corrupt
// cache (a checksum covers it) or one that cannot be read or written is
// ignored and rebuilt, never trusted. A file changed in the last seconds is
// not recorded: a change within the clock's granularity could leave its
// times as they were. Writes go to a temporary file renamed over the old.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "load/yaml_tree.h"
#include "model/diagnostic.h"

namespace duban {

/// What a file is on disk, as far as the cache can tell it changed.
struct FileStamp {
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  int64_t ctime_ns = 0;
  uint64_t inode = 0;
  uint64_t device = 0;
  bool operator==(const FileStamp&) const = default;
};

/// The stamp of `file` (following links), or nothing when it cannot be stat'ed.
std::optional<FileStamp> stamp_of(const std::filesystem::path& file);

/// One file's parse: parse_yaml's result and the diagnostics it gave.
struct CachedParse {
  YamlParse parse;
  std::vector<Diagnostic> diagnostics;
};

/// The records of one workspace, read once and written back when changed.
/// find() and encode() may run on several threads at once; the rest may not.
class ParseCache {
 public:
  /// A cache that holds nothing and writes nothing.
  ParseCache() = default;
  // Records are views into the cache's own buffers: never copied or moved.
  ParseCache(const ParseCache&) = delete;
  ParseCache& operator=(const ParseCache&) = delete;
  /// The cache of the workspace at `root` (canonical) in `cache_dir`.
  ParseCache(const std::filesystem::path& cache_dir, const std::filesystem::path& root);

  /// Whether it reads and keeps records at all.
  bool enabled() const { return !file_.empty(); }

  /// The cached parse of `path` when its record matches `stamp`.
  std::optional<CachedParse> find(const std::string& path, const FileStamp& stamp) const;

  /// Whether a file with `stamp` may be recorded: not changed in the last seconds.
  static bool settled(const FileStamp& stamp);
  /// The bytes of a record of `parse`, for keep().
  static std::string encode(const CachedParse& parse);

  /// Keeps a record encode() made as that of `path` for the next run.
  void keep(const std::string& path, const FileStamp& stamp, std::string record);
  /// Keeps the record read for `path`: its file was unchanged.
  void keep_found(const std::string& path);

  /// Writes the kept records when they differ from those read; errors are ignored.
  void save();

  /// $XDG_CACHE_HOME/duban, else $HOME/.cache/duban; nothing without either.
  static std::optional<std::filesystem::path> default_dir();

 private:
  struct Slot {
    FileStamp stamp;
    std::string_view record;  // in bytes_, or in a kept string
  };
  std::filesystem::path file_;  // empty: caching is off
  std::string bytes_;           // the cache file as read
  std::unordered_map<std::string, Slot> read_;
  std::unordered_map<std::string, Slot> kept_;
  std::vector<std::unique_ptr<std::string>> fresh_;  // the records kept() owns
  bool changed_ = false;
};

}  // namespace duban
