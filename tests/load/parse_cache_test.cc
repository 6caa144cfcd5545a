#include "load/parse_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <fstream>
#include <iterator>

#include <doctest/doctest.h>
#include <fmt/format.h>

namespace duban {
namespace fs = std::filesystem;
namespace {

struct Scratch {
  fs::path dir;
  Scratch() {
    std::string name = (fs::temp_directory_path() / "duban-parse-cache-test-XXXXXX").string();
    dir = ::mkdtemp(name.data());
  }
  ~Scratch() { fs::remove_all(dir); }
};

std::string contents(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The cache files in `folder`, by name.
std::vector<std::string> cache_files(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(folder)) names.push_back(e.path().filename().string());
  return names;
}

const FileStamp kStamp{120, 1'000'000'000, 1'000'000'000, 42, 7};

// Keeps one record of `path` in the cache at `folder` and saves it.
void record(const fs::path& folder, const fs::path& root, const std::string& path, uint64_t content) {
  ParseCache cache(folder, root);
  REQUIRE(cache.enabled());
  CachedParse parse;
  parse.parse.ok = true;
  cache.keep(path, kStamp, content, CachePart(), CachePart(ParseCache::encode_parse(parse)));
  cache.save();
}

}  // namespace

TEST_CASE("regression (issue 24.8): a cache folder that others may write to, own or link is not used") {
  Scratch s;
  struct Case {
    const char* name;
    mode_t mode;
    bool other_owner;
    CacheRefusal expected;
  };
  std::vector<Case> cases = {
      {"own-0700", 0700, false, CacheRefusal::kNone},
      {"own-0755", 0755, false, CacheRefusal::kNone},
      {"own-0777", 0777, false, CacheRefusal::kOpenToOthers},
      {"own-0775", 0775, false, CacheRefusal::kOpenToOthers},
      {"own-0757", 0757, false, CacheRefusal::kOpenToOthers},
  };
  // Only root can give a folder to another user; CI runs as root.
  if (::geteuid() == 0) {
    cases.push_back({"other-0777", 0777, true, CacheRefusal::kOtherOwner});
    cases.push_back({"other-0700", 0700, true, CacheRefusal::kOtherOwner});
  }
  for (const Case& c : cases) {
    CAPTURE(c.name);
    const fs::path folder = s.dir / c.name / "duban";
    fs::create_directories(folder);
    REQUIRE(::chmod(folder.c_str(), c.mode) == 0);
    if (c.other_owner) REQUIRE(::chown(folder.c_str(), 4242, 4242) == 0);
    ParseCache cache(folder, s.dir);
    CHECK(cache.enabled() == (c.expected == CacheRefusal::kNone));
    CHECK(cache.refusal().reason == c.expected);
    if (c.expected == CacheRefusal::kOpenToOthers) CHECK(cache.refusal().mode == c.mode);
    if (c.expected == CacheRefusal::kOtherOwner) CHECK(cache.refusal().owner_uid == 4242);
    CHECK(cache.refusal().folder == folder);
  }

  // A link, even to a folder of the user's that is closed to others.
  fs::create_directories(s.dir / "linked");
  fs::create_directory_symlink(s.dir / "own-0700" / "duban", s.dir / "linked" / "duban");
  ParseCache linked(s.dir / "linked" / "duban", s.dir);
  CHECK_FALSE(linked.enabled());
  CHECK(linked.refusal().reason == CacheRefusal::kSymlink);

  // Missing: made, closed to others, and used.
  ParseCache made(s.dir / "new" / "duban", s.dir);
  CHECK(made.enabled());
  struct stat st {};
  REQUIRE(::stat((s.dir / "new" / "duban").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);

  // Nowhere to make it: off, and not refused (nothing to warn about).
  ParseCache nowhere("/dev/null/duban", s.dir);
  CHECK_FALSE(nowhere.enabled());
  CHECK(nowhere.refusal().reason == CacheRefusal::kNone);
}

TEST_CASE("regression (issue 24.8): a record is served only for the bytes it was made from") {
  Scratch s;
  const fs::path folder = s.dir / "duban";
  record(folder, s.dir, "progress/2024-06/江洋社区.yaml", 0x1234);
  ParseCache cache(folder, s.dir);
  CHECK(cache.find("progress/2024-06/江洋社区.yaml", kStamp, 0x1234).has_value());
  // The same stamp, other bytes: a stale record, or one given the file's stamp.
  CHECK_FALSE(cache.find("progress/2024-06/江洋社区.yaml", kStamp, 0x1235).has_value());
  FileStamp other = kStamp;
  other.ctime_ns += 1;
  CHECK_FALSE(cache.find("progress/2024-06/江洋社区.yaml", other, 0x1234).has_value());
}

TEST_CASE("regression (issue 24.8): a cache file others may write to, or a link, is not read") {
  Scratch s;
  const fs::path folder = s.dir / "duban";
  record(folder, s.dir, "progress/a.yaml", 1);
  const std::vector<std::string> names = cache_files(folder);
  REQUIRE(names.size() == 1);
  const fs::path file = folder / names[0];
  CHECK(ParseCache(folder, s.dir).find("progress/a.yaml", kStamp, 1).has_value());

  REQUIRE(::chmod(file.c_str(), 0622) == 0);
  CHECK_FALSE(ParseCache(folder, s.dir).find("progress/a.yaml", kStamp, 1).has_value());
  REQUIRE(::chmod(file.c_str(), 0600) == 0);
  if (::geteuid() == 0) {
    REQUIRE(::chown(file.c_str(), 4242, 4242) == 0);
    CHECK_FALSE(ParseCache(folder, s.dir).find("progress/a.yaml", kStamp, 1).has_value());
    REQUIRE(::chown(file.c_str(), 0, 0) == 0);
  }

  fs::rename(file, s.dir / "elsewhere.cache");
  fs::create_symlink(s.dir / "elsewhere.cache", file);
  CHECK_FALSE(ParseCache(folder, s.dir).find("progress/a.yaml", kStamp, 1).has_value());
}

TEST_CASE("regression (issue 24.8): a link planted at the temporary cache file is not followed") {
  Scratch s;
  const fs::path folder = s.dir / "duban";
  record(folder, s.dir, "progress/a.yaml", 1);
  const std::vector<std::string> names = cache_files(folder);
  REQUIRE(names.size() == 1);
  const fs::path victim = s.dir / "victim";
  std::ofstream(victim) << "victim\n";
  // This process writes <name>.<pid>.tmp.
  const fs::path planted = folder / (names[0] + "." + std::to_string(::getpid()) + ".tmp");
  fs::create_symlink(victim, planted);
  record(folder, s.dir, "progress/b.yaml", 2);
  CHECK(contents(victim) == "victim\n");
  CHECK_FALSE(fs::exists(fs::symlink_status(planted)));
  CHECK(fs::is_regular_file(fs::symlink_status(folder / names[0])));
  CHECK(ParseCache(folder, s.dir).find("progress/b.yaml", kStamp, 2).has_value());
  CHECK(cache_files(folder) == names);
}

}  // namespace duban

namespace duban {
namespace {

// A file in `folder` last changed `hours` ago.
void file_aged(const std::filesystem::path& folder, const std::string& name, int64_t hours) {
  std::ofstream(folder / name) << "old";
  const timespec now{::time(nullptr) - hours * 3600, 0};
  const timespec times[2] = {now, now};
  REQUIRE(::utimensat(AT_FDCWD, (folder / name).c_str(), times, 0) == 0);
}

}  // namespace

TEST_CASE("regression (issue 27.9): the cache keeps the 8 workspaces used last, none unused for 90 days") {
  Scratch s;
  const std::filesystem::path folder = s.dir / "cache";
  std::filesystem::create_directory(folder);
  ::chmod(folder.c_str(), 0700);
  // Ten other workspaces' caches, used 1 to 10 hours ago; one 100 days ago;
  // a killed run's temporary file of two days ago, and one of now.
  for (int i = 1; i <= 10; ++i) file_aged(folder, fmt::format("{:016x}.cache", i), i);
  file_aged(folder, fmt::format("{:016x}.cache", 99), 100 * 24);
  file_aged(folder, fmt::format("{:016x}.cache.123.tmp", 5), 48);
  file_aged(folder, fmt::format("{:016x}.cache.124.tmp", 6), 0);
  file_aged(folder, "notes.txt", 200 * 24);  // not the cache's: left alone
  record(folder, s.dir / "ws", "progress/2024-06/a.yaml", 1);
  std::vector<std::string> names = cache_files(folder);
  std::sort(names.begin(), names.end());
  std::vector<std::string> want;
  for (int i = 1; i <= ParseCache::kKeptWorkspaces - 1; ++i) want.push_back(fmt::format("{:016x}.cache", i));
  want.push_back(fmt::format("{:016x}.cache.124.tmp", 6));
  want.push_back("notes.txt");
  // And this workspace's own.
  for (const std::string& n : names) {
    if (std::find(want.begin(), want.end(), n) == want.end() && n.ends_with(".cache")) want.push_back(n);
  }
  std::sort(want.begin(), want.end());
  CHECK(names == want);
  CHECK(names.size() == static_cast<size_t>(ParseCache::kKeptWorkspaces) + 2);
}

}  // namespace duban
