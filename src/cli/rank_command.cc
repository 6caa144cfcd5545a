// `duban rank`: the bi-monthly ranking of the communities (每双月考核排名).
#include <fmt/format.h>

#include "cli/context.h"
#include "cli/format_option.h"
#include "cli/report_writer.h"
#include "evaluate/periods.h"
#include "evaluate/ranking.h"
#include "evaluate/rounds.h"
#include "render/rank_render.h"

namespace duban {
namespace {

struct RankOptions {
  std::string period;
  FormatOption format{{Format::kText, Format::kMarkdown, Format::kCsv, Format::kJson}};
  std::string output;
  bool all = false;
  bool commit = false;
};

// The second month of each bimonth to rank.
std::vector<Month> rank_periods(const TaskList& list, const RankOptions& o, Date today) {
  const auto latest = default_rank_month(list, today);
  if (o.period.empty() && !latest) {
    throw CommandFailure{kExitProblems,
                         fmt::format("duban: 今天（{}）还没有已结束的考核期（双月）", today.iso())};
  }
  if (o.all) {
    std::vector<Month> months;
    for (Month m = bimonth_of(list.reporting.first).second; m <= *latest; m = m + 2) months.push_back(m);
    return months;
  }
  if (o.period.empty()) return {*latest};
  const auto m = parse_iso_month(o.period);
  if (!m)
    throw CommandFailure{kExitUsage,
                         fmt::format("duban: --period 应为月份，如 2024-06，这里是“{}”", o.period)};
  if (!has_rank_period(list, *m)) {
    throw CommandFailure{kExitUsage, fmt::format("duban: {} 所在的双月不在报送轮次 {} 至 {} 之内", m->iso(),
                                                 list.reporting.first.iso(), list.reporting.last.iso())};
  }
  return {bimonth_of(*m).second};
}

int run_rank(const GlobalOptions& g, const RankOptions& o) {
  const LoadedWorkspace loaded = load_or_fail(g);
  const TaskList& list = loaded.ws.list;
  if (list.find_group(list.ranking.group) == nullptr) {
    throw CommandFailure{
        kExitProblems,
        fmt::format("duban: 没有分组“{}”：请在 tasks.yaml 的 groups 中定义，或用 ranking.group 指定",
                    list.ranking.group)};
  }
  const std::vector<Month> months = rank_periods(list, o, loaded.today);
  const Format format = o.format.value();
  ReportWriter out(loaded, o.output, o.commit);
  for (const Month month : months) {
    const RankReport report = rank_units(loaded.ws, month);
    if (out.to_directory()) {
      out.write(out.round_dir(month) / "rank.md", render_rank(list, report, Format::kMarkdown));
      out.write(out.round_dir(month) / "rank.csv", render_rank(list, report, Format::kCsv));
    } else {
      out.emit(render_rank(list, report, format));
    }
  }
  out.commit(fmt::format("考核排名 {}", rounds_label(months)));
  return kExitOk;
}

}  // namespace

CommandSetup add_rank_command(CLI::App& app, const GlobalOptions& g) {
  CLI::App* sub =
      app.add_subcommand("rank", "每双月考核排名：按时报送、任务完成、未逾期、常态化工作、目标达成");
  auto o = std::make_shared<RankOptions>();
  auto* period =
      sub->add_option("--period", o->period, "考核期所含的任一月份（YYYY-MM），默认为最近结束的双月");
  o->format.add_to(sub);
  sub->add_option("-o", o->output,
                  "写入文件；若为目录（如 reports/），写入 <目录>/<双月第二个月>/rank.md 和 .csv");
  sub->add_flag("--all", o->all, "从第一个考核期到最近结束的一个，每期都写（需 -o 目录）")->excludes(period);
  sub->add_flag("--commit", o->commit, "写入后用 git 提交改动的文件（需 -o）");
  return {sub, [&g, o] {
            check_output_options(o->output, o->all, o->commit);
            return run_rank(g, *o);
          }};
}

}  // namespace duban
