// One writer at a time: the locks a run that writes reports takes, and how
// long it waits for another run to let go of them before giving up, so that
// two runs never interleave their files or commits and a stuck one never
// holds up cron for ever. A lock is an flock(2): it dies with its process,
// so a killed run never leaves one behind.
#pragma once

#include <filesystem>
#include <string>

namespace duban {

/// Takes an exclusive lock on the open file or folder `fd`, waiting for
/// another run to let go of it; throws CommandFailure (exit 1) naming `shown`
/// when that run holds it longer than lock_timeout_seconds(). Where the file
/// system has no locks, returns without one.
void lock_or_wait(int fd, const std::string& shown);

/// How long lock_or_wait waits: DUBAN_LOCK_TIMEOUT seconds, else 60.
int lock_timeout_seconds();

/// A lock file (created when missing), held exclusively while alive.
class LockFile {
 public:
  /// Opens `path` and takes its lock through lock_or_wait, which may throw.
  /// When the file cannot be opened, throws CommandFailure if `required`,
  /// else holds no lock.
  explicit LockFile(const std::filesystem::path& path, bool required = true);
  ~LockFile();
  LockFile(const LockFile&) = delete;
  LockFile& operator=(const LockFile&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace duban
