#include "io/lock.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <optional>

#include <doctest/doctest.h>

#include "io/failure.h"

namespace duban {
namespace fs = std::filesystem;
namespace {

// DUBAN_LOCK_TIMEOUT set to `value` (unset when nullopt) for one scope.
struct TimeoutSetting {
  explicit TimeoutSetting(std::optional<std::string> value) {
    if (value) {
      ::setenv("DUBAN_LOCK_TIMEOUT", value->c_str(), 1);
    } else {
      ::unsetenv("DUBAN_LOCK_TIMEOUT");
    }
  }
  ~TimeoutSetting() { ::unsetenv("DUBAN_LOCK_TIMEOUT"); }
};

struct Scratch {
  fs::path dir;
  Scratch() {
    std::string name = (fs::temp_directory_path() / "duban-lock-test-XXXXXX").string();
    dir = ::mkdtemp(name.data());
  }
  ~Scratch() { fs::remove_all(dir); }
};

// The CommandFailure that `f` throws, or nullopt.
template <typename F>
std::optional<CommandFailure> failure(F f) {
  try {
    f();
  } catch (const CommandFailure& e) {
    return e;
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("DUBAN_LOCK_TIMEOUT is a whole number of seconds, 60 when unset") {
  struct Case {
    std::optional<std::string> value;
    int seconds;  // -1: a usage error
  };
  const Case cases[] = {
      {std::nullopt, 60}, {"", 60},    {"0", 0},      {"5", 5},   {"86400", 86400},       {"86401", -1},
      {"-1", -1},         {"1.5", -1}, {"1分钟", -1}, {" 5", -1}, {"99999999999999", -1},
  };
  for (const Case& c : cases) {
    CAPTURE(c.value.value_or("(unset)"));
    TimeoutSetting setting(c.value);
    if (c.seconds >= 0) {
      CHECK(lock_timeout_seconds() == c.seconds);
    } else {
      const auto f = failure([] { lock_timeout_seconds(); });
      REQUIRE(f);
      CHECK(f->exit_code == kExitUsage);
      CHECK(f->message.find("DUBAN_LOCK_TIMEOUT 应为等待的秒数") != std::string::npos);
    }
  }
}

TEST_CASE("a second lock of one file fails naming it once the wait is over; free once the first is gone") {
  Scratch s;
  TimeoutSetting setting("0");
  const fs::path path = s.dir / "duban.lock";
  std::optional<LockFile> first;
  first.emplace(path);
  const auto f = failure([&] { LockFile second(path); });
  REQUIRE(f);
  CHECK(f->exit_code == kExitProblems);
  CHECK(f->message.find(fs::proximate(path).string()) != std::string::npos);
  CHECK(f->message.find("另一个 duban 正在写入报告") != std::string::npos);
  first.reset();
  CHECK_FALSE(failure([&] { LockFile second(path); }));
}

TEST_CASE("a folder's lock is one lock for every run") {
  Scratch s;
  TimeoutSetting setting("0");
  const int a = ::open(s.dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  const int b = ::open(s.dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  lock_or_wait(a, "文件夹 甲");
  const auto f = failure([&] { lock_or_wait(b, "文件夹 甲"); });
  REQUIRE(f);
  CHECK(f->message.find("（锁：文件夹 甲）") != std::string::npos);
  ::close(a);
  CHECK_FALSE(failure([&] { lock_or_wait(b, "文件夹 甲"); }));
  ::close(b);
}

TEST_CASE("a lock file that cannot be made fails when required, else holds nothing") {
  Scratch s;
  const fs::path path = s.dir / "no-such-folder" / "duban.lock";
  const auto f = failure([&] { LockFile lock(path); });
  REQUIRE(f);
  CHECK(f->message.find("无法打开锁文件") != std::string::npos);
  CHECK_FALSE(failure([&] { LockFile lock(path, false); }));
}

}  // namespace duban
