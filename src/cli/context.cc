#include "cli/context.h"

#include <cstdio>
#include <ctime>

#include <fmt/format.h>

#include "cli/git.h"
#include "cli/history.h"
#include "evaluate/audit.h"

namespace duban {

Date resolve_today(const GlobalOptions& g) {
  if (!g.today.empty()) {
    if (auto d = parse_iso_date(g.today)) return *d;
    throw CommandFailure{kExitUsage,
                         fmt::format("duban: --today 应为日期，如 2024-06-10，这里是“{}”", g.today)};
  }
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return *Date::from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

std::filesystem::path resolve_workspace(const GlobalOptions& g) {
  namespace fs = std::filesystem;
  if (!g.dir.empty()) {
    std::error_code ec;
    if (!fs::is_regular_file(fs::path(g.dir) / "tasks.yaml", ec)) {
      throw CommandFailure{kExitProblems,
                           fmt::format("duban: 目录“{}”中没有 tasks.yaml：请检查 -C 后的路径", g.dir)};
    }
    return g.dir;
  }
  if (auto dir = find_workspace(fs::current_path())) return *dir;
  throw CommandFailure{
      kExitProblems, "duban: 当前目录及其上级目录中都没有 tasks.yaml：请在工作目录中运行，或用 -C 指定目录"};
}

LoadedWorkspace load_or_fail(const GlobalOptions& g) {
  const Date today = resolve_today(g);
  const std::filesystem::path dir = resolve_workspace(g);
  LoadResult loaded = load_workspace(dir, today, {}, {!g.no_cache});
  for (const Diagnostic& d : loaded.diagnostics) fmt::print(stderr, "{}\n", format_diagnostic(d));
  if (!loaded.list_ok() || (g.strict && !loaded.ok())) {
    throw CommandFailure{kExitProblems, "duban: 输入文件有错误，请先改正（可运行 duban check 查看）"};
  }
  if (!loaded.ok()) {
    fmt::print(stderr,
               "duban: {} 个进度文件有错误，未计入本次报表（报表中“报送文件有误（未计入）”一节列出）\n",
               loaded.workspace.rejected.size());
  }
  if (loaded.workspace.list.reporting.on_time_by_commit) {
    const auto repo = GitRepository::find_if_any(dir);
    if (!repo) {
      throw CommandFailure{
          kExitProblems,
          "duban: tasks.yaml 设定 on_time: commit（按提交日期判定按时报送），但工作目录不在 git "
          "仓库中：请在 git 仓库中运行，或把 on_time 改为 date"};
    }
    if (repo->is_shallow()) {
      throw CommandFailure{
          kExitProblems,
          "duban: tasks.yaml 设定 on_time: commit（按提交日期判定按时报送），但这个仓库是浅克隆，"
          "没有完整的提交记录：请先运行 git fetch --unshallow，再重新运行"};
    }
    date_by_record(loaded.workspace, read_history(*repo, dir, loaded.workspace), today);
  }
  return {dir, std::move(loaded.workspace), today};
}

Date resolve_as_of(const std::string& option, Date fallback) {
  if (option.empty()) return fallback;
  if (auto d = parse_iso_date(option)) return *d;
  throw CommandFailure{kExitUsage, fmt::format("duban: --as-of 应为日期，如 2024-06-10，这里是“{}”", option)};
}

}  // namespace duban
