#include "io/git.h"

#include <spawn.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <fstream>
#include <thread>

#include <fmt/format.h>

#include "io/failure.h"
#include "io/output.h"

extern char** environ;

namespace duban {
namespace fs = std::filesystem;

namespace {

// When this run began: a lock file older than that was not taken by it.
const fs::file_time_type kRunStart = fs::file_time_type::clock::now();

// What one run of git did. Its output is kept, never shown as it is.
struct GitRun {
  bool started = false;  // false when git could not be run at all
  int status = -1;       // its exit status; -1 when it was killed
  std::string out;
  std::string err;
  bool ok() const { return started && status == 0; }
};

// A file in memory for git's standard input, output or error: no pipes to
// keep flowing, no temporary file on disk.
class MemoryFile {
 public:
  MemoryFile() : fd_(::memfd_create("duban-git", MFD_CLOEXEC)) {
    if (fd_ < 0)
      throw CommandFailure{kExitProblems, fmt::format("duban: 无法运行 git：{}", error_reason(errno))};
  }
  ~MemoryFile() { ::close(fd_); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;

  int fd() const { return fd_; }

  void fill(std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      bytes.remove_prefix(static_cast<size_t>(n));
    }
    ::lseek(fd_, 0, SEEK_SET);
  }

  std::string contents() const {
    std::string text;
    char buffer[4096];
    ::lseek(fd_, 0, SEEK_SET);
    for (;;) {
      const ssize_t n = ::read(fd_, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      text.append(buffer, static_cast<size_t>(n));
    }
    return text;
  }

 private:
  int fd_;
};

// Runs git with `args` in `dir`, without a shell, with `input` as its
// standard input; pathspecs are taken literally (a unit's name may hold `*`).
GitRun run_git(const fs::path& dir, std::vector<std::string> args, std::string_view input = {}) {
  args.insert(args.begin(), {"git", "-C", dir.string(), "--literal-pathspecs"});
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  MemoryFile in, out, err;
  in.fill(input);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.fd(), STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out.fd(), STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err.fd(), STDERR_FILENO);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  GitRun run;
  if (spawned != 0) return run;
  run.started = true;
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return run;
  }
  if (WIFEXITED(status)) run.status = WEXITSTATUS(status);
  run.out = out.contents();
  run.err = err.contents();
  return run;
}

std::vector<std::string> with_paths(std::vector<std::string> args, const std::vector<std::string>& paths) {
  args.insert(args.end(), paths.begin(), paths.end());
  return args;
}

// The parts of git's output between `separator`s, without empty ones.
std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(separator, start);
    if (end == std::string::npos) end = text.size();
    if (end > start) parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// The path of a record of `git ls-files -s -z`: "mode oid stage<TAB>path".
std::string record_path(const std::string& record) { return record.substr(record.find('\t') + 1); }

// A path as seen from the current folder, where it can be.
fs::path from_here(const fs::path& path) {
  std::error_code ec;
  const fs::path rel = fs::proximate(path, ec);
  return ec ? path : rel;
}

// How to name a folder to a person who stands in the current one.
std::string place(const fs::path& dir) {
  const fs::path rel = from_here(dir);
  return rel == "." ? "当前目录" : shown_path(rel);
}

// The lock file named by git's message of a lock another git holds, or "".
// Only the path is looked for: the words around it may be translated.
std::string held_git_lock(const std::string& message) {
  const size_t end = message.find(".lock'");
  if (end == std::string::npos) return "";
  const size_t start = message.rfind('\'', end);
  if (start == std::string::npos) return "";
  return message.substr(start + 1, end + std::string_view(".lock").size() - (start + 1));
}

// True when `path` is `dir` or lies below it (both absolute, without links).
bool lies_in(const fs::path& path, const fs::path& dir) {
  const auto [d, p] = std::mismatch(dir.begin(), dir.end(), path.begin(), path.end());
  return d == dir.end();
}

// Whether a git program may be working in the repository whose work tree is
// `top` and git folder `git_dir`: one runs there (git moves to the top of the
// work tree), or one runs whose folder this user may not see, or the list of
// programs cannot be read at all.
bool git_may_be_running(const fs::path& top, const fs::path& git_dir) {
  std::error_code ec;
  fs::directory_iterator procs("/proc", ec);
  if (ec) return true;
  for (const fs::directory_entry& proc : procs) {
    const std::string pid = proc.path().filename().string();
    if (pid.empty() || !std::all_of(pid.begin(), pid.end(), [](char c) { return c >= '0' && c <= '9'; }))
      continue;
    std::string name;
    std::getline(std::ifstream(proc.path() / "comm"), name);
    if (name != "git" && !name.starts_with("git-")) continue;
    std::error_code unseen;
    const fs::path cwd = fs::read_symlink(proc.path() / "cwd", unseen);
    // Another user's git may work anywhere; one that has just ended (or
    // waits to be reaped) has no folder and works nowhere.
    if (unseen == std::errc::permission_denied || unseen == std::errc::operation_not_permitted) return true;
    if (!unseen && (lies_in(cwd, top) || lies_in(cwd, git_dir))) return true;
  }
  return false;
}

// Whether `lock` is a lock file an interrupted git left behind: older than
// this run, and no git program is working in the repository.
bool left_behind(const fs::path& lock, const fs::path& top, const fs::path& git_dir) {
  std::error_code ec;
  const fs::file_time_type written = fs::last_write_time(lock, ec);
  return !ec && written < kRunStart && !git_may_be_running(top, git_dir);
}

// `message` as one line: a form's file name may hold a newline, which would
// add lines of its own to the commit message.
std::string one_line(const std::string& message) { return shown_path(message); }

// The lines of git's output a person can act on: without git's hints and
// usage text, which speak of options duban chose.
std::string useful_lines(const std::string& text) {
  std::string lines;
  for (const std::string& line : split(text, '\n')) {
    if (line.starts_with("hint:") || line.starts_with("提示：") || line.starts_with("usage:") ||
        line.starts_with("用法：")) {
      continue;
    }
    lines += "\n  " + shown_path(line);
  }
  return lines;
}

}  // namespace

GitRepository GitRepository::find(const fs::path& dir) {
  const GitRun run = run_git(dir, {"rev-parse", "--show-toplevel", "--absolute-git-dir"});
  if (!run.started) {
    throw CommandFailure{kExitProblems,
                         "duban: 找不到 git 命令，无法使用 --commit：请先安装 git（Debian 上运行 apt install "
                         "git），或去掉 --commit；未写入任何文件"};
  }
  const std::vector<std::string> lines = split(run.out, '\n');
  if (run.status != 0 || lines.size() != 2) {
    throw CommandFailure{
        kExitProblems, fmt::format("duban: {}不在 git 仓库中，无法使用 --commit：请先在该目录运行 git init，"
                                   "或去掉 --commit；未写入任何文件",
                                   place(dir))};
  }
  return GitRepository(lines[0], lines[1]);
}

std::optional<GitRepository> GitRepository::find_if_any(const fs::path& dir) {
  try {
    return find(dir);
  } catch (const CommandFailure&) {
    return std::nullopt;
  }
}

std::string GitRepository::relative(const fs::path& path) const {
  // Symbolic links resolved, as git resolves them: top_ has none.
  std::error_code ec;
  fs::path real = fs::weakly_canonical(fs::absolute(path), ec);
  if (ec) real = fs::absolute(path).lexically_normal();
  const fs::path rel = real.lexically_relative(top_);
  if (rel.empty() || *rel.begin() == "..") {
    throw CommandFailure{
        kExitProblems,
        fmt::format("duban: {} 不在 git 仓库（{}）之内，--commit 无法提交它：请把 -o 指向仓库之内，"
                    "或去掉 --commit；未写入任何文件",
                    shown_path(path), place(top_))};
  }
  return rel.generic_string();
}

void GitRepository::require_inside(const fs::path& path) const { relative(path); }

std::optional<std::string> GitRepository::read(std::vector<std::string> args, std::string_view input) const {
  GitRun run = run_git(top_, std::move(args), input);
  if (!run.ok()) return std::nullopt;
  return std::move(run.out);
}

bool GitRepository::is_shallow() const {
  const auto out = read({"rev-parse", "--is-shallow-repository"});
  return out && out->rfind("true", 0) == 0;
}

std::vector<fs::path> GitRepository::deleted_files(const fs::path& dir) const {
  const fs::path rel_dir = relative(dir);
  const GitRun run = run_git(top_, {"ls-files", "-z", "--deleted", "--", rel_dir.string()});
  std::vector<fs::path> deleted;
  if (!run.ok()) return deleted;
  for (const std::string& rel : split(run.out, '\0')) {
    if (fs::path(rel).parent_path() == rel_dir) deleted.push_back(top_ / rel);
  }
  return deleted;
}

bool GitRepository::commit(const std::vector<fs::path>& paths, const std::string& message,
                           const std::string& written, const std::string& author) const {
  std::vector<std::string> rel;
  for (const fs::path& p : paths) rel.push_back(relative(p));
  std::sort(rel.begin(), rel.end());
  rel.erase(std::unique(rel.begin(), rel.end()), rel.end());
  if (rel.empty()) return false;  // no path would mean every path to git

  // What the index holds for them now, to put back should anything fail.
  const GitRun listed = run_git(top_, with_paths({"ls-files", "-s", "-z", "--"}, rel));
  if (!listed.ok()) fail(written, "git ls-files", listed.err, listed.out, "");
  const std::vector<std::string> saved = split(listed.out, '\0');

  // Removed files git never knew are nothing to commit.
  std::vector<std::string> staged;
  for (const std::string& r : rel) {
    struct stat st;
    const bool tracked =
        std::any_of(saved.begin(), saved.end(), [&](const auto& s) { return record_path(s) == r; });
    if (tracked || ::lstat((top_ / r).c_str(), &st) == 0) staged.push_back(r);
  }
  if (staged.empty()) return false;

  // Whatever fails after staging, the index goes back to what it was.
  auto undo = [&] {
    if (restore_index(staged, saved)) return std::string("暂存区已恢复原样。");
    return fmt::format(
        "暂存区未能恢复原样：本次暂存的 {} 个文件仍在暂存区中，请用 git status 查看，"
        "用 git restore --staged 撤销。",
        staged.size());
  };
  const GitRun add = run_git(top_, with_paths({"add", "--all", "--"}, staged));
  if (!add.ok()) fail(written, "git add", add.err, add.out, undo());
  const GitRun diff = run_git(top_, with_paths({"diff", "--cached", "--quiet", "--"}, staged));
  if (diff.ok()) return false;
  if (!diff.started || diff.status != 1) fail(written, "git diff", diff.err, diff.out, undo());
  // With paths, git commits just them: what else is staged stays staged.
  std::vector<std::string> args{"commit", "--quiet", "-m", one_line(message)};
  if (!author.empty()) args.push_back("--author=" + author);
  args.push_back("--");
  const GitRun commit = run_git(top_, with_paths(std::move(args), staged));
  if (!commit.ok()) fail(written, "git commit", commit.err, commit.out, undo());
  return true;
}

// Puts the index entries of `paths` back as `saved` lists them, retrying
// for a while should another git hold the index; returns whether they are.
bool GitRepository::restore_index(const std::vector<std::string>& paths,
                                  const std::vector<std::string>& saved) const {
  std::string entries;
  if (!saved.empty()) {
    // A mode 0 entry removes a path, conflict stages included; the zero
    // object name has the length of the repository's (SHA-1 or SHA-256).
    const size_t oid_start = saved.front().find(' ') + 1;
    const std::string zero(saved.front().find(' ', oid_start) - oid_start, '0');
    for (const std::string& p : paths) entries += fmt::format("0 {}\t{}", zero, p) + '\0';
    for (const std::string& s : saved) entries += s + '\0';
  }
  for (int attempt = 0; attempt < 20; ++attempt) {
    const GitRun now = run_git(top_, with_paths({"ls-files", "-s", "-z", "--"}, paths));
    if (now.ok() && split(now.out, '\0') == saved) return true;
    if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (saved.empty()) {
      run_git(top_, with_paths({"update-index", "--force-remove", "--"}, paths));
    } else {
      run_git(top_, {"update-index", "-z", "--index-info"}, entries);
    }
  }
  const GitRun now = run_git(top_, with_paths({"ls-files", "-s", "-z", "--"}, paths));
  return now.ok() && split(now.out, '\0') == saved;
}

void GitRepository::fail(const std::string& written, const std::string& step, const std::string& stderr_text,
                         const std::string& stdout_text, const std::string& index_state) const {
  const bool identity_missing = step == "git commit" && (!run_git(top_, {"var", "GIT_AUTHOR_IDENT"}).ok() ||
                                                         !run_git(top_, {"var", "GIT_COMMITTER_IDENT"}).ok());
  std::string lock = held_git_lock(stderr_text);
  if (lock.empty() && fs::exists(git_dir_ / "index.lock")) lock = (git_dir_ / "index.lock").string();
  std::string message;
  if (identity_missing) {
    message = fmt::format(
        "duban: {}，但未能提交：git 不知道提交人是谁（没有设置 user.name 和 user.email）。{}"
        "请在{}运行下面两条命令（引号中换成实际的名字和邮箱），再重新运行本命令：\n"
        "  git config user.name \"你的名字\"\n"
        "  git config user.email \"你的邮箱\"",
        written, index_state, place(top_));
  } else if (!lock.empty() && left_behind(lock, top_, git_dir_)) {
    // Never removed here: only a person can tell that no git still needs it.
    const std::string shown = shown_path(from_here(lock));
    message = fmt::format(
        "duban: {}，但未能提交：git 的锁文件 {} 早于本次运行就在，而没有 git 程序在使用这个仓库，"
        "多半是之前某次 git 被中断时留下的。{}请确认没有人正在这个仓库中运行 git，删除 {} 后重新运行本命令"
        "（duban 不会自己删除它）。",
        written, shown, index_state, shown);
  } else if (!lock.empty()) {
    message = fmt::format(
        "duban: {}，但未能提交：另一个 git 程序正在使用这个仓库（它的锁文件 {} 还在）。{}"
        "请等它结束后重新运行本命令；若过几分钟仍是如此，请联系管理这个仓库的人。",
        written, shown_path(from_here(lock)), index_state);
  } else {
    const std::string said = useful_lines(stderr_text + "\n" + stdout_text);
    message = fmt::format("duban: {}，但未能提交：{} 失败了。{}{}", written, step, index_state,
                          said.empty() ? "请用 git status 查看仓库的状况，改正后重新运行本命令。"
                                       : "git 的说明如下，请据此改正后重新运行本命令：" + said);
  }
  throw CommandFailure{kExitProblems, message};
}

}  // namespace duban
