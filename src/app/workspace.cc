#include "app/workspace.h"

#include <fmt/format.h>

#include "app/units.h"
#include "evaluate/audit.h"
#include "io/clock.h"
#include "io/output.h"
#include "load/form_reader.h"
#include "load/history.h"
#include "load/workspace_loader.h"

namespace duban::app {
namespace fs = std::filesystem;

Date resolve_today(const WorkspaceRequest& request) {
  if (request.today) return *request.today;
  const LocalDay today = local_today();
  return *Date::from_ymd(today.year, today.month, today.day);
}

void enter_directory(const std::string& dir) {
  if (!dir.empty()) change_directory(dir);
}

std::optional<Date> parse_date_option(const std::string& text) { return parse_typed_date(text, 0); }

std::string resolve_unit(const TaskList& list, const std::string& name) {
  if (auto unit = list.canonical_unit(name)) return *unit;
  const std::string hint = unit_hint(list, name);
  throw CommandFailure{
      kExitUsage, hint.empty()
                      ? fmt::format("duban: 未定义的单位“{}”：请使用 tasks.yaml 中 units 列出的名称", name)
                      : fmt::format("duban: 未定义的单位“{}”{}", name, hint)};
}

fs::path resolve_workspace(const WorkspaceRequest& request) {
  if (!request.dir.empty()) {
    // The run is in -C's folder already (enter_directory).
    std::error_code ec;
    if (!fs::is_regular_file("tasks.yaml", ec)) {
      throw CommandFailure{kExitProblems, fmt::format("duban: 目录“{}”中没有 tasks.yaml：请检查 -C 后的路径",
                                                      shown_path(request.dir))};
    }
    return ".";
  }
  if (auto dir = find_workspace(fs::current_path())) return *dir;
  throw CommandFailure{
      kExitProblems, "duban: 当前目录及其上级目录中都没有 tasks.yaml：请在工作目录中运行，或用 -C 指定目录"};
}

namespace {

// With reporting.on_time: commit, why the history cannot date the entries.
CommandFailure on_time_failure(HistoryProblem problem) {
  switch (problem) {
    case HistoryProblem::kNoRepository:
      return {kExitProblems,
              "duban: tasks.yaml 设定 on_time: commit（按提交日期判定按时报送），但工作目录不在 git "
              "仓库中：请在 git 仓库中运行，或把 on_time 改为 date"};
    case HistoryProblem::kShallow:
      return {kExitProblems,
              "duban: tasks.yaml 设定 on_time: commit（按提交日期判定按时报送），但这个仓库是浅克隆，"
              "没有完整的提交记录：请先运行 git fetch --unshallow，再重新运行"};
    case HistoryProblem::kNone:
      break;
  }
  return {kExitProblems, "duban: 无法读取 git 的提交记录"};  // not reached: only a problem fails
}

}  // namespace

LoadedWorkspace load_or_fail(const WorkspaceRequest& request) {
  const Date today = resolve_today(request);
  const fs::path dir = resolve_workspace(request);
  LoadResult loaded = load_workspace(dir, today, {}, {!request.no_cache});
  for (const Diagnostic& d : loaded.diagnostics) fmt::print(stderr, "{}\n", format_diagnostic(d));
  if (!loaded.list_ok() || (request.strict && !loaded.ok())) {
    throw CommandFailure{kExitProblems, "duban: 输入文件有错误，请先改正（可运行 duban check 查看）"};
  }
  if (!loaded.ok()) {
    fmt::print(stderr,
               "duban: {} 个进度文件有错误，未计入本次报表（报表中“报送文件有误（未计入）”一节列出）\n",
               loaded.workspace.rejected.size());
  }
  if (loaded.workspace.list.reporting.on_time_by_commit) {
    const HistoryRead read = read_workspace_history(dir, loaded.workspace);
    if (!read.history) throw on_time_failure(read.problem);
    for (const std::string& w : read.warnings) fmt::print(stderr, "{}\n", w);
    date_by_record(loaded.workspace, *read.history, today);
  }
  return {dir, std::move(loaded.workspace), today};
}

}  // namespace duban::app
