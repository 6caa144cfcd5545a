#include "load/parse_cache.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>

#ifndef DUBAN_VERSION
#define DUBAN_VERSION "0.0.0"
#endif

namespace duban {
namespace fs = std::filesystem;
namespace {

constexpr char kMagic[8] = {'D', 'U', 'B', 'A', 'N', 'P', 'C', '\n'};
constexpr uint32_t kFormat = 2;               // the layout below; raise it when it changes
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

void write_entry(Writer& w, const Entry& e) {
  w.i32(e.line);
  w.i32(e.position);
  w.str(e.unit);
  w.date(e.date);
  w.str(e.task);
  w.u64(static_cast<uint64_t>(e.status));
  w.u64(e.percent ? 1 : 0);
  if (e.percent) w.i32(*e.percent);
  w.str(e.progress);
  w.str(e.problems);
  w.str(e.next);
  w.u64(e.metrics.size());
  for (const auto& [name, value] : e.metrics) {
    w.str(name);
    w.f64(value);
  }
  w.u64(e.milestones.size());
  for (const std::string& m : e.milestones) w.str(m);
  w.u64(e.held.size());
  for (const HeldDays& h : e.held) {
    w.str(h.duty);
    w.str(h.item);
    w.u64(h.spans.size());
    for (const DaySpan& span : h.spans) {
      w.date(span.first);
      w.date(span.last);
    }
  }
}

bool read_entry(Reader& r, const std::string& path, Entry& e) {
  e.path = path;
  e.line = r.i32();
  e.position = r.i32();
  e.unit = r.str();
  e.date = r.date();
  e.task = r.str();
  const uint64_t status = r.u64();
  if (status > static_cast<uint64_t>(EntryStatus::kReopened)) return false;
  e.status = static_cast<EntryStatus>(status);
  if (r.u64() != 0) e.percent = r.i32();
  e.progress = r.str();
  e.problems = r.str();
  e.next = r.str();
  const uint64_t metrics = r.count(9);
  e.metrics.reserve(metrics);
  for (uint64_t i = 0; i < metrics && r.ok(); ++i) {
    std::string name = r.str();
    e.metrics.emplace_back(std::move(name), r.f64());
  }
  const uint64_t milestones = r.count(1);
  e.milestones.reserve(milestones);
  for (uint64_t i = 0; i < milestones && r.ok(); ++i) e.milestones.push_back(r.str());
  const uint64_t held = r.count(3);
  e.held.resize(held);
  for (HeldDays& h : e.held) {
    h.duty = r.str();
    h.item = r.str();
    const uint64_t spans = r.count(2);
    h.spans.resize(spans);
    for (DaySpan& span : h.spans) span = {r.date(), r.date()};
    if (!r.ok()) return false;
  }
  return r.ok();
}

// A part of the file the header points to, when it lies inside the data.
std::optional<std::string_view> part(std::string_view data, uint64_t offset, uint64_t size) {
  if (offset > data.size() || size > data.size() - offset) return std::nullopt;
  return data.substr(offset, size);
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

std::optional<FileStamp> stamp_of(const fs::path& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return std::nullopt;
  FileStamp s;
  s.size = static_cast<uint64_t>(st.st_size);
  s.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  s.ctime_ns = static_cast<int64_t>(st.st_ctim.tv_sec) * 1'000'000'000 + st.st_ctim.tv_nsec;
  s.inode = static_cast<uint64_t>(st.st_ino);
  s.device = static_cast<uint64_t>(st.st_dev);
  return s;
}

std::optional<fs::path> ParseCache::default_dir() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg != nullptr && xdg[0] == '/') return fs::path(xdg) / "duban";
  const char* home = std::getenv("HOME");
  if (home != nullptr && home[0] == '/') return fs::path(home) / ".cache" / "duban";
  return std::nullopt;
}

ParseCache::ParseCache(const fs::path& cache_dir, const fs::path& root) {
  char name[32];
  std::snprintf(name, sizeof name, "%016llx.cache", static_cast<unsigned long long>(fnv1a(root.string())));
  file_ = cache_dir / name;
  const int fd = ::open(file_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    void* map = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (map != MAP_FAILED) {
      map_ = static_cast<const char*>(map);
      map_size_ = static_cast<size_t>(st.st_size);
    }
  }
  ::close(fd);
  if (map_ == nullptr) return;
  // magic, the header's size (8 bytes), the header, its checksum (8 bytes), the data.
  const std::string_view bytes(map_, map_size_);
  if (bytes.size() < sizeof kMagic + 16 ||
      bytes.substr(0, sizeof kMagic) != std::string_view(kMagic, sizeof kMagic)) {
    return;
  }
  Reader sizes(bytes.substr(sizeof kMagic, 8));
  const uint64_t header_size = sizes.fixed64();
  if (header_size > bytes.size() - sizeof kMagic - 16) return;
  const std::string_view header = bytes.substr(sizeof kMagic + 8, header_size);
  Reader sum(bytes.substr(sizeof kMagic + 8 + header_size, 8));
  if (sum.fixed64() != cache_checksum(header)) return;
  const std::string_view data = bytes.substr(sizeof kMagic + 16 + header_size);
  Reader r(header);
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
    const uint64_t checked_at = r.u64();
    const uint64_t checked_size = r.u64();
    slot.record.checked_sum = r.fixed64();
    const uint64_t parse_at = r.u64();
    const uint64_t parse_size = r.u64();
    slot.record.parse_sum = r.fixed64();
    const auto checked = part(data, checked_at, checked_size);
    const auto parse = part(data, parse_at, parse_size);
    if (!checked || !parse) return;
    slot.record.checked = *checked;
    slot.record.parse = *parse;
    slots.emplace(std::move(path), slot);
  }
  if (!r.ok() || !r.at_end()) return;
  read_ = std::move(slots);
}

ParseCache::~ParseCache() {
  if (map_ != nullptr) ::munmap(const_cast<char*>(map_), map_size_);
}

std::optional<CacheRecord> ParseCache::find(const std::string& path, const FileStamp& stamp) const {
  if (file_.empty()) return std::nullopt;
  const auto it = read_.find(path);
  if (it == read_.end() || !(it->second.stamp == stamp)) return std::nullopt;
  return it->second.record;
}

std::optional<CachedParse> ParseCache::decode_parse(const CacheRecord& record, const std::string& path) {
  if (cache_checksum(record.parse) != record.parse_sum) return std::nullopt;
  Reader r(record.parse);
  CachedParse out;
  out.parse.ok = r.u64() != 0;
  if (!read_diagnostics(r, path, out.diagnostics)) return std::nullopt;
  r.node(out.parse.root, 0);
  if (!r.ok() || !r.at_end()) return std::nullopt;
  return out;
}

std::optional<CheckedFile> ParseCache::decode_checked(const CacheRecord& record, const std::string& path,
                                                      const CheckKey& key) {
  if (record.checked.empty() || cache_checksum(record.checked) != record.checked_sum) return std::nullopt;
  Reader r(record.checked);
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
  const uint64_t entries = r.count(12);
  out.entries.resize(entries);
  for (Entry& e : out.entries) {
    if (!read_entry(r, path, e)) return std::nullopt;
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
  w.u64(file.entries.size());
  for (const Entry& e : file.entries) write_entry(w, e);
  return std::move(w.bytes());
}

bool ParseCache::settled(const FileStamp& stamp) {
  const int64_t now = now_ns();
  return stamp.mtime_ns < now - kSettleNs && stamp.ctime_ns < now - kSettleNs;
}

void ParseCache::keep(const std::string& path, const FileStamp& stamp, std::string checked,
                      std::string parse) {
  if (file_.empty()) return;
  Slot slot{stamp, {}};
  fresh_.push_back(std::make_unique<std::string>(std::move(checked)));
  slot.record.checked = *fresh_.back();
  slot.record.checked_sum = cache_checksum(slot.record.checked);
  fresh_.push_back(std::make_unique<std::string>(std::move(parse)));
  slot.record.parse = *fresh_.back();
  slot.record.parse_sum = cache_checksum(slot.record.parse);
  kept_.insert_or_assign(path, slot);
  changed_ = true;
}

void ParseCache::keep_rechecked(const std::string& path, std::string checked) {
  const auto it = read_.find(path);
  if (it == read_.end()) return;
  Slot slot = it->second;
  read_.erase(it);
  fresh_.push_back(std::make_unique<std::string>(std::move(checked)));
  slot.record.checked = *fresh_.back();
  slot.record.checked_sum = cache_checksum(slot.record.checked);
  kept_.insert_or_assign(path, slot);
  changed_ = true;
}

void ParseCache::keep_found(const std::string& path) {
  const auto it = read_.find(path);
  if (it == read_.end()) return;
  kept_.insert_or_assign(path, it->second);
  read_.erase(it);
}

void ParseCache::save() {
  // Records left in read_ are of files gone or changed.
  if (file_.empty() || (!changed_ && read_.empty())) return;
  std::error_code ec;
  fs::create_directories(file_.parent_path(), ec);
  if (ec) return;
  // In path order, so that the same records make the same file.
  std::vector<const std::pair<const std::string, Slot>*> order;
  order.reserve(kept_.size());
  for (const auto& kept : kept_) order.push_back(&kept);
  std::sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->first < b->first; });
  Writer head;
  head.u64(kFormat);
  head.str(DUBAN_VERSION);
  head.u64(order.size());
  uint64_t checked_at = 0;
  uint64_t parse_at = 0;
  for (const auto* kept : order) checked_at += kept->second.record.checked.size();
  parse_at = checked_at;  // the parse parts follow every checked part
  checked_at = 0;
  for (const auto* kept : order) {
    const Slot& slot = kept->second;
    head.str(kept->first);
    head.u64(slot.stamp.size);
    head.u64(static_cast<uint64_t>(slot.stamp.mtime_ns));
    head.u64(static_cast<uint64_t>(slot.stamp.ctime_ns));
    head.u64(slot.stamp.inode);
    head.u64(slot.stamp.device);
    head.u64(checked_at);
    head.u64(slot.record.checked.size());
    head.fixed64(slot.record.checked_sum);
    head.u64(parse_at);
    head.u64(slot.record.parse.size());
    head.fixed64(slot.record.parse_sum);
    checked_at += slot.record.checked.size();
    parse_at += slot.record.parse.size();
  }
  Writer start;
  start.bytes().append(kMagic, sizeof kMagic);
  start.fixed64(head.bytes().size());
  start.bytes() += head.bytes();
  start.fixed64(cache_checksum(head.bytes()));
  // Another run may write the same cache at the same time: each writes its
  // own temporary file and the last rename wins, whole.
  const fs::path temporary = file_.string() + "." + std::to_string(::getpid()) + ".tmp";
  bool written = false;
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    auto put = [&out](std::string_view bytes) {
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    };
    put(start.bytes());
    for (const auto* kept : order) put(kept->second.record.checked);
    for (const auto* kept : order) put(kept->second.record.parse);
    out.flush();
    written = static_cast<bool>(out);
  }
  if (written) fs::rename(temporary, file_, ec);
  if (!written || ec) fs::remove(temporary, ec);
}

}  // namespace duban
