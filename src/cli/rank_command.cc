// `duban rank`: the bi-monthly ranking of the communities (每双月考核排名).
#include "cli/output.h"
#include "cli/round_command.h"
#include "evaluate/ranking.h"
#include "render/rank_render.h"

namespace duban {
namespace {

RoundOutput rank_round(const LoadedWorkspace& loaded, const RoundOptions& o, Month month,
                       std::optional<Format> format, StatusTimeline& timeline) {
  const RankReport report =
      o.as_of.empty() ? rank_units(timeline, month) : rank_units(timeline, month, resolve_as_of(o.as_of, {}));
  // Only what goes to a terminal is fitted to it, never a file.
  const int width = o.output.empty() ? terminal_width() : 0;
  return document_or_report_files("rank", format,
                                  [&](Format f) { return render_rank(loaded.ws.list, report, f, width); });
}

}  // namespace

CommandSetup add_rank_command(CLI::App& app, const GlobalOptions& g) {
  CLI::App* sub =
      app.add_subcommand("rank", "每双月考核排名：按时报送、任务完成、未逾期、常态化工作、目标达成");
  RoundCommand rank{RoundKind::kRankPeriod,
                    {Format::kText, Format::kMarkdown, Format::kCsv, Format::kJson, Format::kXlsx},
                    rank_round};
  rank.as_of = true;
  rank.output_help =
      "写入文件，格式由扩展名（.txt .md .csv .json .xlsx）决定；若为目录（如 reports/），"
      "写入 <目录>/<双月第二个月>/rank.md、.csv 和 .xlsx";
  rank.commit_subject = "考核排名";
  return {sub, add_round_command(sub, g, std::move(rank))};
}

}  // namespace duban
