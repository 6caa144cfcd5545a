#include "io/lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <thread>

#include <fmt/format.h>

#include "io/failure.h"
#include "io/output.h"

namespace duban {
namespace {

constexpr int kDefaultTimeout = 60;
constexpr int kLongestTimeout = 24 * 60 * 60;

// Whether this process now holds the lock, or the file system has none.
bool try_lock(int fd) {
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno == EINTR) continue;
    return errno != EWOULDBLOCK;
  }
  return true;
}

}  // namespace

int lock_timeout_seconds() {
  const char* value = std::getenv("DUBAN_LOCK_TIMEOUT");
  if (value == nullptr || *value == '\0') return kDefaultTimeout;
  const std::string text = value;
  int seconds = 0;
  for (const char c : text) {
    if (c < '0' || c > '9' || seconds > kLongestTimeout) {
      seconds = -1;
      break;
    }
    seconds = seconds * 10 + (c - '0');
  }
  if (seconds < 0 || seconds > kLongestTimeout) {
    throw CommandFailure{
        kExitUsage,
        fmt::format("duban: 环境变量 DUBAN_LOCK_TIMEOUT 应为等待的秒数（0 到 {} 的整数），这里是“{}”",
                    kLongestTimeout, shown_path(text))};
  }
  return seconds;
}

void lock_or_wait(int fd, const std::string& shown) {
  // Read first, so that a wrong value shows on every run, not on a busy one.
  const int timeout = lock_timeout_seconds();
  if (try_lock(fd)) return;
  // A person at a terminal sees why nothing happens; cron mails no news.
  if (::isatty(STDERR_FILENO) != 0 && timeout > 0) {
    fmt::print(stderr, "duban: 另一个 duban 正在写入报告（锁：{}），等它结束，最多 {} 秒……\n", shown,
               timeout);
  }
  using Clock = std::chrono::steady_clock;
  const Clock::time_point deadline = Clock::now() + std::chrono::seconds(timeout);
  while (Clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (try_lock(fd)) return;
  }
  throw CommandFailure{kExitProblems,
                       fmt::format("duban: 另一个 duban 正在写入报告，等了 {} 秒仍未结束（锁：{}），"
                                   "本次未写入任何文件：请等它结束后重新运行",
                                   timeout, shown)};
}

LockFile::LockFile(const std::filesystem::path& path, bool required) {
  std::error_code ec;
  const std::filesystem::path near = std::filesystem::proximate(path, ec);
  const std::string shown = shown_path(ec ? path : near);
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (fd_ < 0) {
    if (!required) return;
    throw CommandFailure{kExitProblems, fmt::format("duban: 无法打开锁文件 {}：{}，本次未写入任何文件", shown,
                                                    error_reason(errno))};
  }
  try {
    lock_or_wait(fd_, shown);
  } catch (...) {
    ::close(fd_);
    throw;
  }
}

LockFile::~LockFile() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace duban
