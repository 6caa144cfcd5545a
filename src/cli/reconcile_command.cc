// `duban reconcile`: the monthly reconciliation (对账销号), printed or
// written to reports/<YYYY-MM>/ and optionally committed.
#include "cli/round_command.h"
#include "evaluate/reconcile.h"
#include "render/reconcile_render.h"

namespace duban {
namespace {

RoundOutput reconcile_round(const LoadedWorkspace& loaded, const RoundOptions& o, Month month,
                            std::optional<Format> format, StatusTimeline& timeline) {
  const TaskList& list = loaded.ws.list;
  const Date as_of = resolve_as_of(o.as_of, reporting_round(list, month).report_date);
  const Reconciliation rec = reconcile(timeline, month, as_of);
  return document_or_report_files("reconcile", format,
                                  [&](Format f) { return render_reconciliation(list, rec, f); });
}

}  // namespace

CommandSetup add_reconcile_command(CLI::App& app, const GlobalOptions& g) {
  CLI::App* sub =
      app.add_subcommand("reconcile", "某月的对账销号表：汇总、台账、本月销号、逾期督办、未按时报送");
  RoundCommand reconcile{
      RoundKind::kRound, {Format::kMarkdown, Format::kCsv, Format::kJson, Format::kXlsx}, reconcile_round};
  reconcile.as_of = true;
  reconcile.output_help =
      "写入文件，格式由扩展名（.md .csv .json .xlsx）决定；若为目录（如 reports/），"
      "写入 <目录>/<YYYY-MM>/reconcile.md、.csv 和 .xlsx";
  reconcile.commit_subject = "对账销号";
  return {sub, add_round_command(sub, g, std::move(reconcile))};
}

}  // namespace duban
