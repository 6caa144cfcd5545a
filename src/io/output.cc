#include "io/output.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>

#include <fmt/format.h>

#include "io/failure.h"
#include "io/lock.h"

namespace duban {
namespace fs = std::filesystem;

namespace {

// A path or name as a terminal may show it: control characters escaped.
std::string shown(const std::string& text) { return escape_controls(text); }

std::string shown(const fs::path& path) { return shown(path.string()); }

std::string reason(int err) {
  switch (err) {
    case ENOSPC:
      return "磁盘空间已满";
    case EDQUOT:
      return "超出了磁盘配额";
    case EROFS:
      return "所在的磁盘是只读的";
    case EACCES:
    case EPERM:
      return "没有写入权限";
    case ENAMETOOLONG:
      return "文件名太长";
    case EISDIR:
      return "那里已有一个同名的文件夹";
    case ENOTDIR:
      return "路径中有一个文件占着文件夹的位置";
    case EIO:
      return "磁盘读写出错";
    default:
      return fmt::format("系统错误：{}", std::strerror(err));
  }
}

[[noreturn]] void fail_write(const fs::path& path, const std::string& why) {
  throw CommandFailure{kExitProblems, fmt::format("duban: 无法写入 {}：{}", shown(path), why)};
}

[[noreturn]] void fail_write(const fs::path& path, int err) { fail_write(path, reason(err)); }

[[noreturn]] void refuse(const fs::path& path, const std::string& why) {
  throw CommandFailure{kExitProblems, fmt::format("duban: 拒绝写入 {}：{}", shown(path), why)};
}

[[noreturn]] void refuse_symlink(const fs::path& path, const fs::path& link) {
  refuse(path,
         fmt::format("{} 是符号链接，duban 不会写到它指向的地方；请把它换成普通的文件夹或文件", shown(link)));
}

// Why `name` (from the input) cannot name a file or folder, or "" when it can.
std::string bad_name(const std::string& name) {
  if (name.empty()) return "名称为空";
  if (name == "." || name == "..") return fmt::format("名称是“{}”", name);
  if (name.find('/') != std::string::npos) return "名称中有“/”";
  if (name[0] == '.') return "名称以“.”开头";
  for (const unsigned char c : name) {
    if (c < 0x20 || c == 0x7f) return "名称中有控制字符（如换行）";
  }
  return "";
}

[[noreturn]] void refuse_name(const fs::path& path, const std::string& why) {
  refuse(path, why + "，不能用作文件名；请修改 tasks.yaml 中的这个名称");
}

// The names in a folder, without . and ..; empty when it cannot be read.
std::vector<std::string> folder_entries(int dir_fd) {
  std::vector<std::string> names;
  // A descriptor of its own: readdir must not share the folder's offset.
  const int fd = ::openat(dir_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return names;
  DIR* dir = ::fdopendir(fd);
  if (dir == nullptr) {
    ::close(fd);
    return names;
  }
  while (const dirent* e = ::readdir(dir)) {
    const std::string name = e->d_name;
    if (name != "." && name != "..") names.push_back(name);
  }
  ::closedir(dir);
  return names;
}

bool is_regular_file(int dir_fd, const std::string& name) {
  struct stat st;
  return ::fstatat(dir_fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode);
}

constexpr std::string_view kTempTag = ".tmp-";
constexpr size_t kTempRandom = 6;

std::string temp_name(const std::string& file) {
  static constexpr std::string_view kChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  static std::mt19937 random{std::random_device{}()};
  std::string name = "." + file + std::string(kTempTag);
  for (size_t i = 0; i < kTempRandom; ++i) name += kChars[random() % kChars.size()];
  return name;
}

// Whether `name` is one of our temporary files, .FILE.tmp-XXXXXX (of
// `only_for` when it is not empty).
bool is_temporary(std::string_view name, const std::string& only_for) {
  if (name.size() < 2 + kTempTag.size() + kTempRandom || name[0] != '.') return false;
  const std::string_view random = name.substr(name.size() - kTempRandom);
  const bool alnum = std::all_of(random.begin(), random.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  });
  const size_t tag = name.size() - kTempRandom - kTempTag.size();
  if (!alnum || name.substr(tag, kTempTag.size()) != kTempTag) return false;
  return only_for.empty() || name.substr(1, tag - 1) == only_for;
}

// What a run killed while writing left behind: nothing else writes there
// while we hold the lock, so every such file is stale.
void remove_temporaries(int dir_fd, const std::string& only_for) {
  for (const std::string& name : folder_entries(dir_fd)) {
    if (is_temporary(name, only_for) && is_regular_file(dir_fd, name)) ::unlinkat(dir_fd, name.c_str(), 0);
  }
}

// The folder `dir` opened without following it when it is a link (which is
// refused); created when missing, the folder it is in being there.
int open_plain_folder(const fs::path& dir) {
  const fs::path parent = dir.has_parent_path() ? dir.parent_path() : fs::path(".");
  const int parent_fd = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (parent_fd < 0) fail_write(dir, errno);
  const std::string name = dir.filename().string();
  if (::mkdirat(parent_fd, name.c_str(), 0777) != 0 && errno != EEXIST) {
    const int err = errno;
    ::close(parent_fd);
    fail_write(dir, err);
  }
  const int fd = ::openat(parent_fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  const int err = errno;
  struct stat st;
  const bool link =
      fd < 0 && ::fstatat(parent_fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode);
  ::close(parent_fd);
  if (link) refuse_symlink(dir, dir);
  if (fd < 0) fail_write(dir, err);
  return fd;
}

bool same_contents(int dir_fd, const std::string& file, std::string_view bytes) {
  const int fd = ::openat(dir_fd, file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  std::string have;
  if (::fstat(fd, &st) == 0 && static_cast<size_t>(st.st_size) == bytes.size()) {
    have.resize(bytes.size());
    size_t got = 0;
    while (got < have.size()) {
      const ssize_t n = ::read(fd, have.data() + got, have.size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      got += static_cast<size_t>(n);
    }
    have.resize(got);
  }
  ::close(fd);
  return have.size() == bytes.size() && have == bytes;
}

// A temporary file in the same folder, synced, then renamed over `file`,
// then the folder synced: the file is old or new, even after a crash. On
// failure the temporary file is gone and `file` untouched.
void write_atomically(int dir_fd, const std::string& file, const fs::path& path, std::string_view bytes) {
  std::string temp;
  int fd = -1;
  for (int attempt = 0; fd < 0; ++attempt) {
    temp = temp_name(file);
    // 0666 less the umask: the usual permissions of files people and git read.
    fd = ::openat(dir_fd, temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0 && (errno != EEXIST || attempt == 100)) fail_write(path, errno);
  }
  auto give_up = [&](int err, bool open) {
    if (open) ::close(fd);
    ::unlinkat(dir_fd, temp.c_str(), 0);
    fail_write(path, err);
  };
  size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) give_up(errno, true);
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) give_up(errno, true);
  if (::close(fd) != 0) give_up(errno, false);
  if (::renameat(dir_fd, temp.c_str(), dir_fd, file.c_str()) != 0) give_up(errno, false);
  if (::fsync(dir_fd) != 0) fail_write(path, errno);
}

}  // namespace

OutputFolder::OutputFolder(fs::path root, bool one_file, RootLink root_link)
    : root_(std::move(root)), one_file_(one_file), root_link_(root_link) {
  // reports/ and reports name the same folder: compare paths without the slash.
  while (!root_.has_filename() && root_.has_relative_path()) root_ = root_.parent_path();
}

OutputFolder::~OutputFolder() {
  for (const auto& [path, fd] : folders_) ::close(fd);
  if (root_fd_ >= 0) ::close(root_fd_);
}

std::vector<std::string> OutputFolder::names_below_root(const fs::path& path) const {
  auto p = path.begin();
  for (const fs::path& r : root_) {
    if (p == path.end() || *p != r) {
      refuse(path, fmt::format("不在 -o 指定的文件夹 {} 之内；请修改 tasks.yaml 中的这个名称", shown(root_)));
    }
    ++p;
  }
  std::vector<std::string> names;
  for (; p != path.end(); ++p) {
    names.push_back(p->string());
    // The user chose the name of -o FILE; names below -o DIR come from the input.
    if (one_file_) continue;
    const std::string why = bad_name(names.back());
    if (!why.empty()) refuse_name(path, why);
  }
  return names;
}

int OutputFolder::open_root() {
  if (root_fd_ >= 0) return root_fd_;
  // The folder the user named may itself be a symlink: that one is followed.
  const fs::path dir = root_.empty() ? fs::path(".") : root_;
  std::error_code ignored;
  if (root_link_ == RootLink::kRefused && dir.has_filename()) {
    if (dir.has_parent_path()) fs::create_directories(dir.parent_path(), ignored);
    root_fd_ = open_plain_folder(dir);
  } else {
    fs::create_directories(dir, ignored);
    root_fd_ = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  }
  if (root_fd_ < 0) fail_write(dir, errno);
  // Also for runs of other workspaces, or outside git (see ReportWriter).
  lock_or_wait(root_fd_, fmt::format("文件夹 {}", shown(dir)));
  return root_fd_;
}

// The folder `names` below the root, entered without following a symlink;
// -1 when it is missing and not `create`. `path` names what is written.
int OutputFolder::open_folder(const fs::path& path, const std::vector<std::string>& names, bool create) {
  int fd = open_root();
  fs::path here = root_;
  for (const std::string& name : names) {
    here /= name;
    if (const auto known = folders_.find(here); known != folders_.end()) {
      fd = known->second;
      continue;
    }
    if (create && ::mkdirat(fd, name.c_str(), 0777) != 0 && errno != EEXIST) fail_write(path, errno);
    const int next = ::openat(fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (next < 0) {
      const int err = errno;
      struct stat st;
      if (::fstatat(fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        if (!create && errno == ENOENT) return -1;
        fail_write(path, err);
      }
      if (S_ISLNK(st.st_mode)) refuse_symlink(path, here);
      if (!S_ISDIR(st.st_mode))
        fail_write(path, fmt::format("{} 是一个文件，不是文件夹；请把它移走或改名", shown(here)));
      fail_write(path, err);
    }
    folders_.emplace(here, next);
    if (!one_file_) remove_temporaries(next, "");
    fd = next;
  }
  return fd;
}

Existing OutputFolder::existing(const fs::path& path, std::string_view bytes) {
  std::vector<std::string> names = names_below_root(path);
  if (names.empty()) refuse_name(path, "名称为空");
  const std::string file = names.back();
  names.pop_back();
  const int dir_fd = open_folder(path, names, false);
  if (dir_fd < 0) return Existing::kMissing;
  struct stat st;
  if (::fstatat(dir_fd, file.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) return Existing::kMissing;
  if (S_ISLNK(st.st_mode)) refuse_symlink(path, path);
  return S_ISREG(st.st_mode) && same_contents(dir_fd, file, bytes) ? Existing::kSame : Existing::kDifferent;
}

bool OutputFolder::write_if_changed(const fs::path& path, std::string_view bytes) {
  std::vector<std::string> names = names_below_root(path);
  if (names.empty()) refuse_name(path, "名称为空");
  const std::string file = names.back();
  names.pop_back();
  const int dir_fd = open_folder(path, names, true);
  if (one_file_) remove_temporaries(dir_fd, file);
  struct stat st;
  if (::fstatat(dir_fd, file.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
    if (S_ISLNK(st.st_mode)) refuse_symlink(path, path);
    if (S_ISREG(st.st_mode) && same_contents(dir_fd, file, bytes)) return false;
  }
  write_atomically(dir_fd, file, path, bytes);
  return true;
}

std::vector<fs::path> OutputFolder::remove_stale(const fs::path& dir, const std::string& ext,
                                                 const std::vector<fs::path>& keep) {
  std::vector<fs::path> removed;
  const int dir_fd = open_folder(dir, names_below_root(dir), false);
  if (dir_fd < 0) return removed;
  for (const std::string& name : folder_entries(dir_fd)) {
    const fs::path path = dir / name;
    if (!bad_name(name).empty() || path.extension() != ext) continue;
    if (std::find(keep.begin(), keep.end(), path) != keep.end() || !is_regular_file(dir_fd, name)) continue;
    if (::unlinkat(dir_fd, name.c_str(), 0) == 0) removed.push_back(path);
  }
  if (!removed.empty()) ::fsync(dir_fd);
  std::sort(removed.begin(), removed.end());
  return removed;
}

fs::path file_in(const fs::path& dir, const std::string& name) {
  const std::string why = bad_name(name);
  // Shown as written: `dir / name` would drop `dir` before an absolute name.
  if (!why.empty()) refuse_name(dir.string() + "/" + name, why);
  return dir / name;
}

OutputTarget output_target(const std::string& option) {
  std::error_code ec;
  const fs::path path(option);
  // No -o: standard output, neither a folder nor a file.
  const bool dir =
      !option.empty() && (option.back() == '/' || fs::is_directory(path, ec) || !path.has_extension());
  return {dir, path};
}

std::string escape_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if (c == '\n') {
      out += "\\n";
    } else if (c < 0x20 || c == 0x7f) {
      out += fmt::format("\\x{:02x}", c);
    } else if (c == 0xC2 && next >= 0x80 && next <= 0x9F) {  // U+0080 to U+009F in UTF-8
      out += fmt::format("\\u{:04x}", next);
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string shown_path(const fs::path& path) { return shown(path); }

std::string error_reason(int err) { return reason(err); }

void change_directory(const std::string& dir) {
  if (::chdir(dir.c_str()) == 0) return;
  throw CommandFailure{kExitProblems, fmt::format("duban: 无法进入目录“{}”（{}）：请检查 -C 后的路径",
                                                  shown(dir), reason(errno))};
}

void print(std::string_view text) { std::fwrite(text.data(), 1, text.size(), stdout); }

bool output_is_terminal() { return isatty(STDOUT_FILENO) != 0; }

bool output_takes_colour() { return output_is_terminal() && std::getenv("NO_COLOR") == nullptr; }

int terminal_width() {
  // COLUMNS when set, wherever the output goes (duban status | head).
  if (const char* columns = std::getenv("COLUMNS")) {
    char* end = nullptr;
    const long n = std::strtol(columns, &end, 10);
    if (end != columns && *end == '\0' && n > 0 && n < 10000) return static_cast<int>(n);
  }
  // Else the terminal's: the one output goes to, or into a pipe (to a
  // pager, to head) the one the messages go to. A file gets everything.
  struct stat out {};
  const bool piped = fstat(STDOUT_FILENO, &out) == 0 && S_ISFIFO(out.st_mode);
  for (const int fd : {STDOUT_FILENO, STDERR_FILENO}) {
    if (fd == STDERR_FILENO && !piped) break;
    winsize size{};
    if (isatty(fd) != 0 && ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  }
  return 0;
}

}  // namespace duban
