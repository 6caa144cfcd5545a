#include "cli/git.h"

#include <spawn.h>
#include <sys/wait.h>

#include <fmt/format.h>

#include "cli/failure.h"

extern char** environ;

namespace duban {
namespace {

// Runs git with `args` in `dir`, without a shell; returns its exit status.
int run_git(const std::filesystem::path& dir, std::vector<std::string> args) {
  args.insert(args.begin(), {"git", "-C", dir.string()});
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawnp(&pid, "git", nullptr, nullptr, argv.data(), environ) != 0) {
    throw CommandFailure{kExitProblems, "duban: 无法运行 git：请确认已安装 git"};
  }
  int status = 0;
  if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}

}  // namespace

void require_nothing_staged(const std::filesystem::path& dir) {
  const int code = run_git(dir, {"diff", "--cached", "--quiet"});
  if (code == 1) {
    throw CommandFailure{kExitProblems,
                         "duban: git 暂存区中已有别的改动，--commit 不会把它们一起提交：请先提交或撤销暂存"
                         "（git status 查看），未写入任何文件"};
  }
  if (code != 0) {
    throw CommandFailure{kExitProblems,
                         fmt::format("duban: {} 不在 git 仓库中，无法使用 --commit", dir.string())};
  }
}

bool commit_paths(const std::filesystem::path& dir, const std::vector<std::filesystem::path>& paths,
                  const std::string& message) {
  if (paths.empty()) return false;
  std::vector<std::string> add = {"add", "--all", "--"};
  for (const auto& p : paths) add.push_back(std::filesystem::absolute(p).string());
  if (run_git(dir, add) != 0) throw CommandFailure{kExitProblems, "duban: git add 失败"};
  if (run_git(dir, {"diff", "--cached", "--quiet"}) == 0) return false;
  if (run_git(dir, {"commit", "--quiet", "-m", message}) != 0) {
    throw CommandFailure{kExitProblems, "duban: git commit 失败：请检查 git 的 user.name 和 user.email 设置"};
  }
  return true;
}

}  // namespace duban
