#include "load/parse_cache.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>

#ifndef DUBAN_VERSION
#define DUBAN_VERSION "0.0.0"
#endif

namespace duban {
namespace fs = std::filesystem;
namespace {

constexpr char kMagic[8] = {'D', 'U', 'B', 'A', 'N', 'P', 'C', '\n'};
constexpr uint32_t kFormat = 4;               // the layout below; raise it when it changes
constexpr int kMaxTreeDepth = 2 * kMaxDepth;  // a corrupt record cannot recurse without end
constexpr int64_t kSettleNs = 2'000'000'000;  // a file changed within this is not recorded

constexpr uint64_t kFnvStart = 0xcbf29ce484222325ULL;

// FNV-1a, continued from `h`.
uint64_t fnv1a(std::string_view bytes, uint64_t h = kFnvStart) {
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

// Appends numbers as base-128 varints (signed ones zigzagged) and
// length-prefixed strings: a tree takes little more than its texts.
class Writer {
 public:
  void u64(uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void i32(int32_t v) {
    const uint32_t u = static_cast<uint32_t>(v);
    u64((u << 1) ^ (v < 0 ? 0xffffffffU : 0U));
  }
  void str(std::string_view s) {
    u64(s.size());
    out_.append(s);
  }
  void fixed64(uint64_t v) {
    char b[8];
    for (char& c : b) {
      c = static_cast<char>(v & 0xff);
      v >>= 8;
    }
    out_.append(b, sizeof b);
  }
  void f64(double v) {
    uint64_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    fixed64(bits);
  }
  void date(Date d) { i32(d.days()); }
  void node(const YamlNode& n) {
    i32(static_cast<int32_t>(n.kind));
    str(n.text);
    i32(n.pos.line);
    i32(n.pos.column);
    str(n.key);
    i32(n.key_pos.line);
    i32(n.key_pos.column);
    u64(n.children.size());
    for (const YamlNode& c : n.children) node(c);
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

// Reads what Writer wrote; any read past the end or value out of range
// makes it fail, and the whole cache is dropped.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool at_end() const { return at_ == in_.size(); }
  uint64_t u64() {
    uint64_t v = 0;
    for (int shift = 0; ok_; shift += 7) {
      if (at_ == in_.size() || shift > 63) {
        ok_ = false;
        break;
      }
      const auto byte = static_cast<unsigned char>(in_[at_++]);
      v |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) break;
    }
    return v;
  }
  int32_t i32() {
    const uint64_t u = u64();
    if (u > 0xffffffffULL) ok_ = false;
    const auto z = static_cast<uint32_t>(u);
    return static_cast<int32_t>((z >> 1) ^ (0U - (z & 1U)));
  }
  // A length-prefixed run of bytes, as a view into the input.
  std::string_view view() {
    const uint64_t n = u64();
    if (!ok_ || n > in_.size() - at_) {
      ok_ = false;
      return {};
    }
    const std::string_view v = in_.substr(at_, n);
    at_ += n;
    return v;
  }
  uint64_t fixed64() {
    if (in_.size() - at_ < 8) {
      ok_ = false;
      return 0;
    }
    uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = v << 8 | static_cast<unsigned char>(in_[at_ + static_cast<size_t>(i)]);
    at_ += 8;
    return v;
  }
  double f64() {
    const uint64_t bits = fixed64();
    double v = 0;
    std::memcpy(&v, &bits, sizeof v);
    return v;
  }
  // A date within duban's years, else a failed read.
  Date date() {
    static const int first = Date::from_ymd(kMinYear, 1, 1)->days();
    static const int last = Date::from_ymd(kMaxYear, 12, 31)->days();
    const int32_t days = i32();
    if (days < first || days > last) ok_ = false;
    return ok_ ? Date::from_days(days) : Date{};
  }
  // A count of items that take at least `min_bytes` each: one larger than
  // what is left is corrupt.
  uint64_t count(size_t min_bytes) {
    const uint64_t n = u64();
    if (!ok_ || n > (in_.size() - at_) / min_bytes) ok_ = false;
    return ok_ ? n : 0;
  }
  std::string str() {
    const uint64_t n = u64();
    if (!ok_ || n > in_.size() - at_) {
      ok_ = false;
      return {};
    }
    std::string s(in_.substr(at_, n));
    at_ += n;
    return s;
  }
  void node(YamlNode& n, int depth) {
    const int32_t kind = i32();
    if (kind < 0 || kind > static_cast<int32_t>(YamlNode::Kind::kMap) || depth > kMaxTreeDepth) ok_ = false;
    if (!ok_) return;
    n.kind = static_cast<YamlNode::Kind>(kind);
    n.text = str();
    n.pos = {i32(), i32()};
    n.key = str();
    n.key_pos = {i32(), i32()};
    const uint64_t children = u64();
    // Each child takes at least 8 bytes: a count larger than what is left is corrupt.
    if (!ok_ || children > (in_.size() - at_) / 8) {
      ok_ = false;
      return;
    }
    n.children.resize(children);
    for (YamlNode& c : n.children) {
      node(c, depth + 1);
      if (!ok_) return;
    }
  }

 private:
  std::string_view in_;
  size_t at_ = 0;
  bool ok_ = true;
};

int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void write_diagnostics(Writer& w, const std::vector<Diagnostic>& diagnostics) {
  w.u64(diagnostics.size());
  for (const Diagnostic& d : diagnostics) {
    w.i32(d.line);
    w.i32(d.column);
    w.i32(d.severity == Severity::kError ? 0 : 1);
    w.str(d.message);
  }
}

bool read_diagnostics(Reader& r, const std::string& path, std::vector<Diagnostic>& out) {
  const uint64_t n = r.count(4);
  out.reserve(n);
  for (uint64_t i = 0; i < n && r.ok(); ++i) {
    Diagnostic d;
    d.path = path;
    d.line = r.i32();
    d.column = r.i32();
    d.severity = r.i32() == 0 ? Severity::kError : Severity::kWarning;
    d.message = r.str();
    out.push_back(std::move(d));
  }
  return r.ok();
}

// The names of a file's entries (units, tasks, reported names), each
// written once in a table the entries point into: decoding interns each
// name once per file, not once per entry.
class NameTable {
 public:
  uint64_t index(const Name& name) {
    const auto [it, added] = index_.emplace(name, names_.size());
    if (added) names_.push_back(name);
    return it->second;
  }
  const std::vector<Name>& names() const { return names_; }

 private:
  std::unordered_map<Name, uint64_t, NameAddressHash> index_;  // the order is names_'s
  std::vector<Name> names_;
};

void write_entry(Writer& w, NameTable& names, const Entry& e) {
  w.i32(e.line);
  w.i32(e.position);
  w.u64(names.index(e.unit));
  w.date(e.date);
  w.u64(names.index(e.task));
  w.u64(static_cast<uint64_t>(e.status));
  w.u64(e.percent ? 1 : 0);
  if (e.percent) w.i32(*e.percent);
  w.str(e.progress);
  w.str(e.problems);
  w.str(e.next);
  w.u64(e.metrics.size());
  for (const auto& [name, value] : e.metrics) {
    w.u64(names.index(name));
    w.f64(value);
  }
  w.u64(e.milestones.size());
  for (const Name& m : e.milestones) w.u64(names.index(m));
  w.u64(e.held.size());
  for (const HeldDays& h : e.held) {
    w.u64(names.index(h.duty));
    w.u64(names.index(h.item));
    w.u64(h.spans.size());
    for (const DaySpan& span : h.spans) {
      w.date(span.first);
      w.date(span.last);
    }
  }
}

// Reads what write_entry wrote; a name index out of the table fails the read.
class EntryReader {
 public:
  EntryReader(Reader& r, const std::vector<Name>& names) : r_(r), names_(names) {}

  bool read(const Name& path, Entry& e) {
    e.path = path;
    e.line = r_.i32();
    e.position = r_.i32();
    e.unit = name();
    e.date = r_.date();
    e.task = name();
    const uint64_t status = r_.u64();
    if (status > static_cast<uint64_t>(EntryStatus::kReopened)) return false;
    e.status = static_cast<EntryStatus>(status);
    if (r_.u64() != 0) e.percent = r_.i32();
    e.progress = r_.view();
    e.problems = r_.view();
    e.next = r_.view();
    const uint64_t metrics = r_.count(9);
    metrics_.clear();
    for (uint64_t i = 0; i < metrics && r_.ok(); ++i) {
      const Name metric = name();
      metrics_.emplace_back(metric, r_.f64());
    }
    e.metrics = metrics_;
    const uint64_t milestones = r_.count(1);
    milestones_.clear();
    for (uint64_t i = 0; i < milestones && r_.ok(); ++i) milestones_.push_back(name());
    e.milestones = milestones_;
    const uint64_t held = r_.count(3);
    held_.clear();
    for (uint64_t i = 0; i < held && r_.ok(); ++i) {
      HeldDays& h = held_.emplace_back();
      h.duty = name();
      h.item = name();
      const uint64_t spans = r_.count(2);
      spans_.clear();
      for (uint64_t k = 0; k < spans && r_.ok(); ++k) spans_.push_back({r_.date(), r_.date()});
      if (!r_.ok()) return false;
      h.spans = spans_;
    }
    e.held = held_;
    return r_.ok() && ok_;
  }

 private:
  Name name() {
    const uint64_t i = r_.u64();
    if (i < names_.size()) return names_[i];
    ok_ = false;
    return {};
  }
  Reader& r_;
  const std::vector<Name>& names_;
  bool ok_ = true;
  // An entry's lists as read, before they are held.
  std::vector<std::pair<Name, double>> metrics_;
  std::vector<Name> milestones_;
  std::vector<HeldDays> held_;
  std::vector<DaySpan> spans_;
};

// Writes all of `bytes` to `fd`.
bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Each thread's buffer for the parts it reads: a part is decoded from it at once.
std::string& part_buffer() {
  thread_local std::string buffer;
  return buffer;
}

}  // namespace

uint64_t cache_checksum(std::string_view bytes) {
  constexpr uint64_t kMul = 0xff51afd7ed558ccdULL;
  uint64_t h = 0x9e3779b97f4a7c15ULL ^ bytes.size();
  size_t at = 0;
  for (; at + 8 <= bytes.size(); at += 8) {
    uint64_t w = 0;
    std::memcpy(&w, bytes.data() + at, sizeof w);  // little-endian machines only, like the cache itself
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  }
  for (; at < bytes.size(); ++at) {
    h = (h ^ static_cast<unsigned char>(bytes[at])) * kMul;
    h ^= h >> 29;
  }
  return h;
}

namespace {

// The cache folder `dir`, made when missing, opened: -1 when it cannot be
// made or opened, or is refused (`refusal` says why). Only a folder of this
// user's that no one else may write to, and not a link, is used; the cache
// files are then opened relative to the descriptor, so that the folder
// checked is the one written to, whatever happens to its path.
int open_folder(const fs::path& dir, CacheRefusalInfo& refusal) {
  refusal.folder = dir;
  std::error_code ec;
  fs::create_directories(dir.parent_path(), ec);
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) return -1;
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  struct stat st {};
  if (fd < 0) {
    if (::lstat(dir.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) refusal.reason = CacheRefusal::kSymlink;
    return -1;
  }
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    return -1;
  }
  refusal.owner_uid = static_cast<uint32_t>(st.st_uid);
  refusal.mode = static_cast<uint32_t>(st.st_mode & 07777);
  if (st.st_uid != ::geteuid()) {
    refusal.reason = CacheRefusal::kOtherOwner;
  } else if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
    refusal.reason = CacheRefusal::kOpenToOthers;
  }
  if (refusal.reason != CacheRefusal::kNone) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// Whether `st` is a file only this user could have written.
bool written_by_user_alone(const struct stat& st) {
  return S_ISREG(st.st_mode) && st.st_uid == ::geteuid() && (st.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

}  // namespace

FileStamp stamp_of(const struct stat& st) {
  FileStamp s;
  s.size = static_cast<uint64_t>(st.st_size);
  s.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  s.ctime_ns = static_cast<int64_t>(st.st_ctim.tv_sec) * 1'000'000'000 + st.st_ctim.tv_nsec;
  s.inode = static_cast<uint64_t>(st.st_ino);
  s.device = static_cast<uint64_t>(st.st_dev);
  return s;
}

std::optional<FileStamp> stamp_of_open(int fd) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) return std::nullopt;
  return stamp_of(st);
}

std::optional<fs::path> ParseCache::default_dir() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg != nullptr && xdg[0] == '/') return fs::path(xdg) / "duban";
  const char* home = std::getenv("HOME");
  if (home != nullptr && home[0] == '/') return fs::path(home) / ".cache" / "duban";
  return std::nullopt;
}

ParseCache::ParseCache(const fs::path& cache_dir, const fs::path& root) {
  dir_ = open_folder(cache_dir, refusal_);
  if (dir_ < 0) return;
  char name[32];
  std::snprintf(name, sizeof name, "%016llx.cache", static_cast<unsigned long long>(fnv1a(root.string())));
  name_ = name;
  in_ = ::openat(dir_, name_.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (in_ < 0) return;
  struct stat st {};
  if (::fstat(in_, &st) != 0 || !written_by_user_alone(st)) {
    ::close(in_);
    in_ = -1;
    return;
  }
  const auto size = static_cast<uint64_t>(st.st_size);
  // The magic, the parts, the footer, and the footer's size and checksum (8 bytes each).
  std::string tail;
  if (size < sizeof kMagic + 16 || !read_part(0, sizeof kMagic, tail) ||
      tail != std::string_view(kMagic, sizeof kMagic) || !read_part(size - 16, 16, tail)) {
    return;
  }
  Reader sizes(tail);
  const uint64_t footer_size = sizes.fixed64();
  const uint64_t footer_sum = sizes.fixed64();
  if (footer_size > size - sizeof kMagic - 16) return;
  const uint64_t footer_at = size - 16 - footer_size;
  std::string footer;
  if (!read_part(footer_at, footer_size, footer) || cache_checksum(footer) != footer_sum) return;
  Reader r(footer);
  if (r.u64() != kFormat || r.str() != DUBAN_VERSION || !r.ok()) return;
  const uint64_t count = r.count(8);
  std::unordered_map<std::string, Slot> slots;
  slots.reserve(count);
  for (uint64_t i = 0; i < count && r.ok(); ++i) {
    std::string path = r.str();
    Slot slot;
    slot.stamp.size = r.u64();
    slot.stamp.mtime_ns = static_cast<int64_t>(r.u64());
    slot.stamp.ctime_ns = static_cast<int64_t>(r.u64());
    slot.stamp.inode = r.u64();
    slot.stamp.device = r.u64();
    slot.content = r.fixed64();
    CacheRecord& rec = slot.record;
    rec.checked_at = r.u64();
    rec.checked_size = r.u64();
    rec.checked_sum = r.fixed64();
    rec.parse_at = r.u64();
    rec.parse_size = r.u64();
    rec.parse_sum = r.fixed64();
    // Both parts lie between the magic and the footer.
    for (const auto& [at, n] :
         {std::pair{rec.checked_at, rec.checked_size}, std::pair{rec.parse_at, rec.parse_size}}) {
      if (n != 0 && (at < sizeof kMagic || at > footer_at || n > footer_at - at)) return;
    }
    slots.emplace(std::move(path), slot);
  }
  if (!r.ok() || !r.at_end()) return;
  read_ = std::move(slots);
}

ParseCache::~ParseCache() {
  if (in_ >= 0) ::close(in_);
  if (out_ >= 0) {
    ::close(out_);
    ::unlinkat(dir_, temporary_.c_str(), 0);
  }
  if (dir_ >= 0) ::close(dir_);
}

bool ParseCache::read_part(uint64_t at, uint64_t size, std::string& out) const {
  out.resize(size);
  uint64_t done = 0;
  while (done < size) {
    const ssize_t n = ::pread(in_, out.data() + done, size - done, static_cast<off_t>(at + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<uint64_t>(n);
  }
  return true;
}

std::optional<CacheRecord> ParseCache::find(const std::string& path, const FileStamp& stamp,
                                            uint64_t content) const {
  if (dir_ < 0) return std::nullopt;
  const auto it = read_.find(path);
  if (it == read_.end() || !(it->second.stamp == stamp) || it->second.content != content) return std::nullopt;
  return it->second.record;
}

std::optional<CachedParse> ParseCache::decode_parse(const CacheRecord& record,
                                                    const std::string& path) const {
  std::string& bytes = part_buffer();
  if (!read_part(record.parse_at, record.parse_size, bytes) || cache_checksum(bytes) != record.parse_sum) {
    return std::nullopt;
  }
  Reader r(bytes);
  CachedParse out;
  out.parse.ok = r.u64() != 0;
  if (!read_diagnostics(r, path, out.diagnostics)) return std::nullopt;
  r.node(out.parse.root, 0);
  if (!r.ok() || !r.at_end()) return std::nullopt;
  return out;
}

std::optional<CheckedFile> ParseCache::decode_checked(const CacheRecord& record, const std::string& path,
                                                      const CheckKey& key) const {
  std::string& bytes = part_buffer();
  if (record.checked_size == 0 || !read_part(record.checked_at, record.checked_size, bytes) ||
      cache_checksum(bytes) != record.checked_sum) {
    return std::nullopt;
  }
  Reader r(bytes);
  if (r.u64() != key.list) return std::nullopt;
  const Date today = r.date();
  std::optional<Date> latest;
  if (r.u64() != 0) latest = r.date();
  if (!r.ok()) return std::nullopt;
  // Checked on another day, it warned about the dates after that day: the
  // same warnings only when no date of the file is after either day.
  if (today != key.today && latest && (*latest > today || *latest > key.today)) return std::nullopt;
  CheckedFile out;
  out.sample = r.u64() != 0;
  if (!read_diagnostics(r, path, out.diagnostics)) return std::nullopt;
  const uint64_t count = r.count(1);
  std::vector<Name> names;
  names.reserve(count);
  for (uint64_t i = 0; i < count && r.ok(); ++i) names.emplace_back(r.view());
  const uint64_t entries = r.count(12);
  out.entries.resize(entries);
  EntryReader reader(r, names);
  const Name shown(path);
  for (Entry& e : out.entries) {
    if (!reader.read(shown, e)) return std::nullopt;
  }
  if (!r.ok() || !r.at_end()) return std::nullopt;
  return out;
}

std::string ParseCache::encode_parse(const CachedParse& parse) {
  Writer w;
  w.u64(parse.parse.ok ? 1 : 0);
  write_diagnostics(w, parse.diagnostics);
  w.node(parse.parse.root);
  return std::move(w.bytes());
}

std::string ParseCache::encode_checked(const CheckedFile& file, const CheckKey& key) {
  Writer w;
  w.u64(key.list);
  w.date(key.today);
  w.u64(key.latest ? 1 : 0);
  if (key.latest) w.date(*key.latest);
  w.u64(file.sample ? 1 : 0);
  write_diagnostics(w, file.diagnostics);
  Writer entries;
  NameTable names;
  for (const Entry& e : file.entries) write_entry(entries, names, e);
  w.u64(names.names().size());
  for (const Name& n : names.names()) w.str(n);
  w.u64(file.entries.size());
  w.bytes() += entries.bytes();
  return std::move(w.bytes());
}

bool ParseCache::settled(const FileStamp& stamp) {
  const int64_t now = now_ns();
  return stamp.mtime_ns < now - kSettleNs && stamp.ctime_ns < now - kSettleNs;
}

bool ParseCache::start_writing() {
  if (out_ >= 0 || out_failed_) return !out_failed_;
  // Another run may write the same cache at the same time: each writes its
  // own temporary file and the last rename wins, whole. Made anew, never
  // through a link: a file of that name is left by a killed run of the same
  // process id, and only this user can have put it in the folder, so it is
  // removed (a link itself, not what it points to) and made again.
  temporary_ = name_ + "." + std::to_string(::getpid()) + ".tmp";
  constexpr int kMake = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
  out_ = ::openat(dir_, temporary_.c_str(), kMake, 0600);
  if (out_ < 0 && errno == EEXIST && ::unlinkat(dir_, temporary_.c_str(), 0) == 0) {
    out_ = ::openat(dir_, temporary_.c_str(), kMake, 0600);
  }
  if (out_ < 0 || !write_all(out_, std::string_view(kMagic, sizeof kMagic))) {
    out_failed_ = true;
    return false;
  }
  out_size_ = sizeof kMagic;
  // The records kept so far are still where they were read: copy them.
  std::vector<std::pair<std::string, Slot>> kept = std::move(kept_);
  kept_.clear();
  for (auto& [path, slot] : kept) keep_slot(path, slot);
  return !out_failed_;
}

uint64_t ParseCache::append(std::string_view bytes) {
  const uint64_t at = out_size_;
  if (out_failed_) return 0;
  pending_.append(bytes);
  out_size_ += bytes.size();
  constexpr size_t kFlushAt = 1 << 20;
  if (pending_.size() >= kFlushAt && !flush()) return 0;
  return at;
}

bool ParseCache::flush() {
  if (!out_failed_ && !write_all(out_, pending_)) out_failed_ = true;
  pending_.clear();
  return !out_failed_;
}

void ParseCache::keep_slot(const std::string& path, Slot slot) {
  if (out_ >= 0 && !out_failed_) {
    // From the cache read to the new file, part by part.
    std::string bytes;
    CacheRecord& rec = slot.record;
    if (rec.checked_size != 0) {
      if (!read_part(rec.checked_at, rec.checked_size, bytes)) return;  // lost: the file is parsed next time
      rec.checked_at = append(bytes);
    }
    if (!read_part(rec.parse_at, rec.parse_size, bytes)) return;
    rec.parse_at = append(bytes);
  }
  kept_.emplace_back(path, slot);
}

void ParseCache::keep(const std::string& path, const FileStamp& stamp, uint64_t content,
                      const CachePart& checked, const CachePart& parse) {
  if (dir_ < 0) return;
  changed_ = true;
  if (!start_writing()) return;
  Slot slot{stamp, content, {}};
  slot.record.checked_size = checked.bytes.size();
  slot.record.checked_sum = checked.sum;
  slot.record.checked_at = checked.bytes.empty() ? 0 : append(checked.bytes);
  slot.record.parse_size = parse.bytes.size();
  slot.record.parse_sum = parse.sum;
  slot.record.parse_at = append(parse.bytes);
  kept_.emplace_back(path, slot);
}

void ParseCache::keep_rechecked(const std::string& path, const CachePart& checked) {
  const auto it = read_.find(path);
  if (it == read_.end()) return;
  Slot slot = it->second;
  read_.erase(it);
  changed_ = true;
  if (!start_writing()) return;
  std::string parse;
  if (!read_part(slot.record.parse_at, slot.record.parse_size, parse)) return;
  slot.record.checked_size = checked.bytes.size();
  slot.record.checked_sum = checked.sum;
  slot.record.checked_at = checked.bytes.empty() ? 0 : append(checked.bytes);
  slot.record.parse_at = append(parse);
  kept_.emplace_back(path, slot);
}

void ParseCache::keep_found(const std::string& path) {
  const auto it = read_.find(path);
  if (it == read_.end()) return;
  const Slot slot = it->second;
  read_.erase(it);
  keep_slot(path, slot);
}

void ParseCache::save() {
  if (dir_ < 0) return;
  // Records left in read_ are of files gone or changed.
  if (changed_ || !read_.empty()) {
    write();
  } else if (in_ >= 0) {
    ::futimens(in_, nullptr);  // used: it stays among the recent ones
  }
  prune();
}

void ParseCache::prune() {
  const int fd = ::openat(dir_, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  DIR* folder = ::fdopendir(fd);
  if (folder == nullptr) {
    ::close(fd);
    return;
  }
  const int64_t now = now_ns();
  constexpr int64_t kDayNs = 86'400'000'000'000;
  std::vector<std::pair<int64_t, std::string>> caches;  // the other workspaces' caches, with their mtimes
  while (const dirent* e = ::readdir(folder)) {
    const std::string name = e->d_name;
    const bool cache = name.size() == 22 && name.ends_with(".cache");
    const bool temporary = name.ends_with(".tmp") && name.find(".cache.") == 16;
    if ((!cache && !temporary) || name == name_) continue;
    struct stat st {};
    if (::fstatat(dir_, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) continue;
    const int64_t mtime = static_cast<int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    if (temporary) {
      if (mtime < now - kDayNs) ::unlinkat(dir_, name.c_str(), 0);
    } else if (mtime < now - kKeptDays * kDayNs) {
      ::unlinkat(dir_, name.c_str(), 0);
    } else {
      caches.emplace_back(mtime, name);
    }
  }
  ::closedir(folder);
  // This workspace's cache is one of those kept.
  if (caches.size() < static_cast<size_t>(kKeptWorkspaces)) return;
  std::sort(caches.begin(), caches.end(), std::greater<>());
  for (size_t i = kKeptWorkspaces - 1; i < caches.size(); ++i) ::unlinkat(dir_, caches[i].second.c_str(), 0);
}

void ParseCache::write() {
  if (!start_writing()) return;
  Writer footer;
  footer.u64(kFormat);
  footer.str(DUBAN_VERSION);
  footer.u64(kept_.size());
  for (const auto& [path, slot] : kept_) {
    footer.str(path);
    footer.u64(slot.stamp.size);
    footer.u64(static_cast<uint64_t>(slot.stamp.mtime_ns));
    footer.u64(static_cast<uint64_t>(slot.stamp.ctime_ns));
    footer.u64(slot.stamp.inode);
    footer.u64(slot.stamp.device);
    footer.fixed64(slot.content);
    footer.u64(slot.record.checked_at);
    footer.u64(slot.record.checked_size);
    footer.fixed64(slot.record.checked_sum);
    footer.u64(slot.record.parse_at);
    footer.u64(slot.record.parse_size);
    footer.fixed64(slot.record.parse_sum);
  }
  Writer end;
  end.fixed64(footer.bytes().size());
  end.fixed64(cache_checksum(footer.bytes()));
  append(footer.bytes());
  append(end.bytes());
  const bool flushed = flush();
  const bool written = ::close(out_) == 0 && flushed;
  out_ = -1;
  if (!written || ::renameat(dir_, temporary_.c_str(), dir_, name_.c_str()) != 0) {
    ::unlinkat(dir_, temporary_.c_str(), 0);
  }
}

}  // namespace duban
