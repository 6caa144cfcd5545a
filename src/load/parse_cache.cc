#include "load/parse_cache.h"

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#ifndef DUBAN_VERSION
#define DUBAN_VERSION "0.0.0"
#endif

namespace duban {
namespace fs = std::filesystem;
namespace {

constexpr char kMagic[8] = {'D', 'U', 'B', 'A', 'N', 'P', 'C', '\n'};
constexpr uint32_t kFormat = 1;               // the layout below; raise it when it changes
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

void write_header(Writer& w) {
  w.bytes().append(kMagic, sizeof kMagic);
  w.u64(kFormat);
  w.str(DUBAN_VERSION);
}

int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

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
  std::ifstream in(file_, std::ios::binary);
  if (!in) return;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  bytes_ = buffer.str();
  // The last 8 bytes are the checksum of all before them.
  if (bytes_.size() < sizeof kMagic + 8 || std::memcmp(bytes_.data(), kMagic, sizeof kMagic) != 0) return;
  const std::string_view body = std::string_view(bytes_).substr(0, bytes_.size() - 8);
  uint64_t sum = 0;
  std::memcpy(&sum, bytes_.data() + body.size(), sizeof sum);
  if (sum != fnv1a(body)) return;
  Reader r(body.substr(sizeof kMagic));
  if (r.u64() != kFormat || r.str() != DUBAN_VERSION || !r.ok()) return;
  const uint64_t count = r.u64();
  std::unordered_map<std::string, Slot> slots;
  for (uint64_t i = 0; i < count && r.ok(); ++i) {
    std::string path = r.str();
    Slot slot;
    slot.stamp.size = r.u64();
    slot.stamp.mtime_ns = static_cast<int64_t>(r.u64());
    slot.stamp.ctime_ns = static_cast<int64_t>(r.u64());
    slot.stamp.inode = r.u64();
    slot.stamp.device = r.u64();
    slot.record = r.view();
    slots.emplace(std::move(path), slot);
  }
  if (!r.ok() || !r.at_end()) return;
  read_ = std::move(slots);
}

std::optional<CachedParse> ParseCache::find(const std::string& path, const FileStamp& stamp) const {
  if (file_.empty()) return std::nullopt;
  const auto it = read_.find(path);
  if (it == read_.end() || !(it->second.stamp == stamp)) return std::nullopt;
  Reader r(it->second.record);
  CachedParse out;
  out.parse.ok = r.u64() != 0;
  const uint64_t diagnostics = r.u64();
  for (uint64_t d = 0; d < diagnostics && r.ok(); ++d) {
    Diagnostic diag;
    diag.path = path;
    diag.line = r.i32();
    diag.column = r.i32();
    diag.severity = r.i32() == 0 ? Severity::kError : Severity::kWarning;
    diag.message = r.str();
    out.diagnostics.push_back(std::move(diag));
  }
  r.node(out.parse.root, 0);
  if (!r.ok() || !r.at_end()) return std::nullopt;
  return out;
}

std::string ParseCache::encode(const CachedParse& parse) {
  Writer w;
  w.u64(parse.parse.ok ? 1 : 0);
  w.u64(parse.diagnostics.size());
  for (const Diagnostic& d : parse.diagnostics) {
    w.i32(d.line);
    w.i32(d.column);
    w.i32(d.severity == Severity::kError ? 0 : 1);
    w.str(d.message);
  }
  w.node(parse.parse.root);
  return std::move(w.bytes());
}

bool ParseCache::settled(const FileStamp& stamp) {
  const int64_t now = now_ns();
  return stamp.mtime_ns < now - kSettleNs && stamp.ctime_ns < now - kSettleNs;
}

void ParseCache::keep(const std::string& path, const FileStamp& stamp, std::string record) {
  if (file_.empty()) return;
  fresh_.push_back(std::make_unique<std::string>(std::move(record)));
  kept_.insert_or_assign(path, Slot{stamp, *fresh_.back()});
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
  // Another run may write the same cache at the same time: each writes its
  // own temporary file and the last rename wins, whole.
  const fs::path temporary = file_.string() + "." + std::to_string(::getpid()) + ".tmp";
  bool written = false;
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    uint64_t sum = kFnvStart;
    // Record by record, not the whole cache at once in memory.
    auto put = [&](std::string_view bytes) {
      sum = fnv1a(bytes, sum);
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    };
    Writer head;
    write_header(head);
    head.u64(kept_.size());
    put(head.bytes());
    for (const auto& [path, slot] : kept_) {
      Writer w;
      w.str(path);
      w.u64(slot.stamp.size);
      w.u64(static_cast<uint64_t>(slot.stamp.mtime_ns));
      w.u64(static_cast<uint64_t>(slot.stamp.ctime_ns));
      w.u64(slot.stamp.inode);
      w.u64(slot.stamp.device);
      w.u64(slot.record.size());
      put(w.bytes());
      put(slot.record);
    }
    out.write(reinterpret_cast<const char*>(&sum), sizeof sum);
    out.flush();
    written = static_cast<bool>(out);
  }
  if (written) fs::rename(temporary, file_, ec);
  if (!written || ec) fs::remove(temporary, ec);
}

}  // namespace duban
