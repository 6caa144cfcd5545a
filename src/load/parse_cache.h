// The parse cache (issue 14): each progress file as parsed and as checked,
// kept between runs so that an unchanged file is neither parsed nor checked
// again. A record has two parts: the parse (the tree and the syntax
// diagnostics), which only the file decides, and the check (the entries and
// every diagnostic), which holds while tasks.yaml's bytes and the warnings
// about dates after today are the same; a changed tasks.yaml checks the
// cached trees again. One file per workspace under $XDG_CACHE_HOME/duban/
// (or ~/.cache/duban/), outside the workspace, so it never shows in the
// workspace's git status or in the files a report folder holds.
//
// Layout: a magic, every record's checked part and parse part, then a
// footer (format, duban version, and per file its path, stamp, content hash
// and where its two parts are, with their checksums) with its size and
// checksum at the very end. Parts are read with pread as files are loaded,
// never the whole cache at once: a warm run reads the footer and the checked
// parts only, and checks each part's checksum when it decodes it. A run that
// changes a record writes the records it keeps to a new file as it goes.
//
// A record serves only a file of the same path, size, modification and
// change times (to the nanosecond), inode and device, whose bytes as read
// now have the content hash of the bytes the record was made from, in a
// cache of this format and this duban version; anything else, a truncated
// or corrupt cache or part, or one that cannot be read or written is
// ignored and rebuilt, never trusted. A file changed in the last seconds is
// not recorded: a change within the clock's granularity could leave its
// times as they were. Writes go to a temporary file renamed over the old.
//
// Whom it trusts (issue 24): the cache is only as honest as whoever can
// write it. The folder is used only when it is this user's (the effective
// uid's), no one else may write to it, and it is not a symbolic link;
// otherwise the cache is off and refusal() says why. The folder is opened
// once and checked through that descriptor, and every cache file is opened
// relative to it without following links: the cache file must be this
// user's, writable by no one else; the temporary file is made anew
// (O_CREAT|O_EXCL|O_NOFOLLOW, mode 0600). So no one else can write a record,
// and a link planted in the folder is never followed.
//
// The content hash is cache_checksum(), fast and not cryptographic, on
// purpose. It guards against a record that is stale (made from other bytes)
// yet carries the file's stamp: a stamp copied into a record, a file system
// whose times or inodes repeat. It is no seal against someone who can write
// the cache (no public hash is: they would compute it too); the folder
// rules above shut them out. Crafting a file that collides with a recorded
// one gains nothing either: it is served only if it also has that record's
// change time, inode and device, which only the kernel (or root) sets.
#pragma once

#include <sys/stat.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "load/yaml_tree.h"
#include "model/date.h"
#include "model/diagnostic.h"
#include "model/entry.h"

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

/// The stamp of the file `st` describes.
FileStamp stamp_of(const struct stat& st);
/// The stamp of the open file `fd`, or nothing when it cannot be stat'ed.
std::optional<FileStamp> stamp_of_open(int fd);

/// One file's parse: parse_yaml's result and the diagnostics it gave.
struct CachedParse {
  YamlParse parse;
  std::vector<Diagnostic> diagnostics;
};

/// One file as checked against the work list: what the loader keeps of it.
struct CheckedFile {
  std::vector<Entry> entries;
  std::vector<Diagnostic> diagnostics;  ///< the parse's, then the check's
  bool sample = false;                  ///< it says `sample: true`
};

/// What a check depended on besides the file: the work list (a checksum of
/// tasks.yaml's bytes) and the day it ran, with the latest date of the file
/// it compared with that day (dates after it are warned about).
struct CheckKey {
  uint64_t list = 0;
  Date today;
  std::optional<Date> latest;
};

/// Where a cached record's two parts are in the cache file.
struct CacheRecord {
  uint64_t checked_at = 0;  ///< encode_checked()'s bytes; none when checked_size is 0
  uint64_t checked_size = 0;
  uint64_t checked_sum = 0;
  uint64_t parse_at = 0;  ///< encode_parse()'s bytes
  uint64_t parse_size = 0;
  uint64_t parse_sum = 0;
};

/// The checksum the cache keeps of each part (and tests recompute):
/// 64-bit words mixed in turn, then the bytes left over.
uint64_t cache_checksum(std::string_view bytes);

/// One part of a record as encoded, with its checksum: made on the
/// loading threads, so that keeping it only writes it.
struct CachePart {
  std::string bytes;
  uint64_t sum = 0;

  CachePart() = default;
  explicit CachePart(std::string encoded) : bytes(std::move(encoded)), sum(cache_checksum(bytes)) {}
};

/// Why a cache folder was not used although it exists: it could be written
/// or swapped by someone else.
enum class CacheRefusal {
  kNone,
  kSymlink,      ///< the folder is a symbolic link
  kOtherOwner,   ///< another user owns it (owner_uid)
  kOpenToOthers  ///< its group or others may write to it (mode)
};

/// A refused cache folder: where, why, and what it is.
struct CacheRefusalInfo {
  CacheRefusal reason = CacheRefusal::kNone;
  std::filesystem::path folder;
  uint32_t owner_uid = 0;
  uint32_t mode = 0;  ///< the permission bits
};

/// The records of one workspace: read part by part as files are loaded, and
/// written to a new cache file as they are kept, once anything changed.
/// find() and the decoders may run on several threads at once; the rest
/// may not.
class ParseCache {
 public:
  /// A cache that holds nothing and writes nothing.
  ParseCache() = default;
  ParseCache(const ParseCache&) = delete;
  ParseCache& operator=(const ParseCache&) = delete;
  /// The cache of the workspace at `root` (canonical) in the folder
  /// `cache_dir`, made (mode 0700) when missing; off when the folder cannot
  /// be made or opened, or is refused (refusal()).
  ParseCache(const std::filesystem::path& cache_dir, const std::filesystem::path& root);
  /// Closes the files; a new cache file not saved is removed.
  ~ParseCache();

  /// Whether it reads and keeps records at all.
  bool enabled() const { return dir_ >= 0; }
  /// Why the cache folder was not used; reason kNone when it was, or could not be opened at all.
  const CacheRefusalInfo& refusal() const { return refusal_; }

  /// The record of `path` when it matches `stamp` and was made from bytes
  /// of cache_checksum() `content`; its parts are checked when decoded, not here.
  std::optional<CacheRecord> find(const std::string& path, const FileStamp& stamp, uint64_t content) const;

  /// The parse in `record`, when its part is intact.
  std::optional<CachedParse> decode_parse(const CacheRecord& record, const std::string& path) const;
  /// The checked file in `record`, when its part is intact and was checked
  /// under `key` (the same list, and the same warnings for `key.today`).
  std::optional<CheckedFile> decode_checked(const CacheRecord& record, const std::string& path,
                                            const CheckKey& key) const;

  /// Whether a file with `stamp` may be recorded: not changed in the last seconds.
  static bool settled(const FileStamp& stamp);
  /// The bytes of a record's parse part.
  static std::string encode_parse(const CachedParse& parse);
  /// The bytes of a record's checked part.
  static std::string encode_checked(const CheckedFile& file, const CheckKey& key);

  /// Keeps a new record of `path`, made from bytes of cache_checksum()
  /// `content`, for the next run.
  void keep(const std::string& path, const FileStamp& stamp, uint64_t content, const CachePart& checked,
            const CachePart& parse);
  /// Keeps the record read for `path` with a new checked part: its file was
  /// unchanged, the work list or the day were not.
  void keep_rechecked(const std::string& path, const CachePart& checked);
  /// Keeps the record read for `path`: its file was unchanged.
  void keep_found(const std::string& path);

  /// Writes the kept records when they differ from those read; errors are
  /// ignored. Then prunes the folder: the caches of the 8 workspaces used
  /// last are kept, and none unused for 90 days (kKeptWorkspaces, kKeptDays).
  void save();

  static constexpr int kKeptWorkspaces = 8;
  static constexpr int kKeptDays = 90;

  /// $XDG_CACHE_HOME/duban, else $HOME/.cache/duban; nothing without either.
  static std::optional<std::filesystem::path> default_dir();

 private:
  struct Slot {
    FileStamp stamp;
    uint64_t content = 0;  // cache_checksum() of the file's bytes
    CacheRecord record;
  };
  // The bytes at `at`, `size` long, of the cache read, when they can be read.
  bool read_part(uint64_t at, uint64_t size, std::string& out) const;
  // Starts the new cache file, with the records kept so far.
  bool start_writing();
  // Appends `bytes` to the new cache file; where they went.
  uint64_t append(std::string_view bytes);
  // Keeps `slot` as `path`'s, copying its parts to the new file when one is written.
  void keep_slot(const std::string& path, Slot slot);
  // Writes the new cache file and puts it in place.
  void write();
  // Removes the caches of workspaces not used lately, and temporary files
  // of runs killed more than a day ago.
  void prune();

  int dir_ = -1;  // the cache folder, checked; -1: caching is off
  CacheRefusalInfo refusal_;
  std::string name_;  // the cache file's name in the folder
  int in_ = -1;       // the cache read
  std::unordered_map<std::string, Slot> read_;
  std::vector<std::pair<std::string, Slot>> kept_;  // in the order kept
  bool changed_ = false;
  // The new cache file, once one is written: records are appended as they
  // are kept, so that no run holds the whole cache in memory.
  std::string temporary_;  // its name in the folder
  int out_ = -1;
  uint64_t out_size_ = 0;  // written and pending
  bool out_failed_ = false;
  // Bytes appended and not yet written: written a megabyte at a time, not
  // two system calls per file.
  std::string pending_;
  // Writes what is pending; false once any write failed.
  bool flush();
};

}  // namespace duban
