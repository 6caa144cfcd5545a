#include "cli/context.h"

#include <cstdio>
#include <ctime>

#include <fmt/format.h>

#include "cli/output.h"
#include "evaluate/rounds.h"

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
  LoadResult loaded = load_workspace(dir, today);
  for (const Diagnostic& d : loaded.diagnostics) fmt::print(stderr, "{}\n", format_diagnostic(d));
  if (!loaded.ok()) {
    throw CommandFailure{kExitProblems, "duban: 输入文件有错误，请先改正（可运行 duban check 查看）"};
  }
  return {dir, std::move(loaded.workspace), today};
}

Month resolve_month(const TaskList& list, const std::string& option, Date today) {
  const Reporting& rep = list.reporting;
  const std::string range = fmt::format("{} 至 {}", rep.first.iso(), rep.last.iso());
  if (option.empty()) {
    if (auto m = default_round_month(list, today)) return *m;
    throw CommandFailure{
        kExitProblems, fmt::format("duban: 今天（{}）还没有到期的报送轮次：报送轮次为 {}，第一轮报送日为 {}",
                                   today.iso(), range, reporting_round(list, rep.first).report_date.iso())};
  }
  const auto m = parse_iso_month(option);
  if (!m)
    throw CommandFailure{kExitUsage, fmt::format("duban: --month 应为月份，如 2024-06，这里是“{}”", option)};
  if (!has_round(list, *m)) {
    throw CommandFailure{kExitUsage, fmt::format("duban: {} 不在报送轮次 {} 之内", m->iso(), range)};
  }
  return *m;
}

std::vector<Month> resolve_months(const TaskList& list, const std::string& option, bool all, Date today) {
  if (!all) return {resolve_month(list, option, today)};
  std::vector<Month> months;
  for (Month m = list.reporting.first; m <= resolve_month(list, "", today); m = m + 1) months.push_back(m);
  return months;
}

std::string rounds_label(const std::vector<Month>& months) {
  if (months.size() == 1) return months[0].iso();
  return fmt::format("{}..{}", months.front().iso(), months.back().iso());
}

void check_output_options(const std::string& output, bool all, bool commit) {
  if (commit && output.empty()) throw CommandFailure{kExitUsage, "duban: --commit 需要与 -o 一起使用"};
  if (all && !output_target(output).directory) {
    throw CommandFailure{kExitUsage, "duban: --all 需要 -o 指定目录，如 -o reports/"};
  }
}

Date resolve_as_of(const std::string& option, Date fallback) {
  if (option.empty()) return fallback;
  if (auto d = parse_iso_date(option)) return *d;
  throw CommandFailure{kExitUsage, fmt::format("duban: --as-of 应为日期，如 2024-06-10，这里是“{}”", option)};
}

}  // namespace duban
