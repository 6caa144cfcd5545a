// `duban notices`: supervision notices (督办通知) of a month's round.
#include "cli/output.h"
#include "cli/round_command.h"
#include "evaluate/notices.h"
#include "render/notices_render.h"

namespace duban {
namespace {

// Into a folder: one file per unit, under notices/; a unit no longer behind
// loses its old notice.
RoundOutput notices_round(const LoadedWorkspace& loaded, const RoundOptions& o, Month month,
                          std::optional<Format> format, StatusTimeline& timeline) {
  const TaskList& list = loaded.ws.list;
  const Date as_of = resolve_as_of(o.as_of, reporting_round(list, month).report_date);
  const Reconciliation rec = reconcile(timeline, month, as_of);
  const std::vector<Notice> notices = build_notices(list, rec);
  if (format) return {render_notices(list, rec, notices, *format), {}, {}};
  RoundOutput out{{}, {}, "notices"};
  for (const Notice& n : notices) {
    out.files.emplace_back(file_in("notices", n.unit + ".md"), render_notice(list, rec, n));
  }
  return out;
}

}  // namespace

CommandSetup add_notices_command(CLI::App& app, const GlobalOptions& g) {
  CLI::App* sub = app.add_subcommand("notices", "某月的督办通知：每个有逾期任务或未按时报送的单位一份");
  RoundCommand notices{RoundKind::kRound, {Format::kMarkdown, Format::kJson}, notices_round};
  notices.as_of = true;
  notices.output_help =
      "写入文件，格式由扩展名（.md .json）决定；若为目录（如 reports/），"
      "每个单位写入 <目录>/<YYYY-MM>/notices/<单位>.md";
  notices.commit_subject = "督办通知";
  return {sub, add_round_command(sub, g, std::move(notices))};
}

}  // namespace duban
