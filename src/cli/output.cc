#include "cli/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "cli/failure.h"

namespace duban {
namespace fs = std::filesystem;

namespace {

bool same_contents(const fs::path& path, std::string_view bytes) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec) || fs::file_size(path, ec) != bytes.size()) return false;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream have;
  have << in.rdbuf();
  return have.str() == bytes;
}

[[noreturn]] void fail_write(const fs::path& path, const std::string& why) {
  throw CommandFailure{kExitProblems, fmt::format("duban: 无法写入 {}：{}", path.string(), why)};
}

}  // namespace

bool write_if_changed(const fs::path& path, std::string_view bytes) {
  if (same_contents(path, bytes)) return false;
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  if (ec) fail_write(path, ec.message());

  std::string temp = (path.parent_path() / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = mkstemp(temp.data());
  if (fd < 0) fail_write(path, std::strerror(errno));
  size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string why = std::strerror(errno);
      ::close(fd);
      ::unlink(temp.c_str());
      fail_write(path, why);
    }
    written += static_cast<size_t>(n);
  }
  // Reports are read by people and git: the usual permissions, not mkstemp's 0600.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(temp.c_str());
    fail_write(path, why);
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(temp.c_str());
    fail_write(path, why);
  }
  return true;
}

std::vector<fs::path> remove_stale(const fs::path& dir, const std::string& ext,
                                   const std::vector<fs::path>& keep) {
  std::vector<fs::path> removed;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return removed;
  for (const auto& item : fs::directory_iterator(dir, ec)) {
    const fs::path p = item.path();
    if (p.extension() != ext || std::find(keep.begin(), keep.end(), p) != keep.end()) continue;
    if (fs::remove(p, ec)) removed.push_back(p);
  }
  std::sort(removed.begin(), removed.end());
  return removed;
}

OutputTarget output_target(const std::string& option) {
  std::error_code ec;
  const bool dir = (!option.empty() && option.back() == '/') || fs::is_directory(option, ec);
  return {dir, fs::path(option)};
}

void print(std::string_view text) { std::fwrite(text.data(), 1, text.size(), stdout); }

}  // namespace duban
