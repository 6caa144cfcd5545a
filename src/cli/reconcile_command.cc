// `duban reconcile`: the monthly reconciliation (对账销号), printed or
// written to reports/<YYYY-MM>/ and optionally committed.
#include <fmt/format.h>

#include "cli/context.h"
#include "cli/format_option.h"
#include "cli/report_writer.h"
#include "evaluate/reconcile.h"
#include "render/reconcile_render.h"

namespace duban {
namespace {

struct ReconcileOptions {
  std::string month;
  std::string as_of;
  FormatOption format{{Format::kMarkdown, Format::kCsv, Format::kJson}};
  std::string output;
  bool all = false;
  bool commit = false;
};

int run_reconcile(const GlobalOptions& g, const ReconcileOptions& o) {
  const LoadedWorkspace loaded = load_or_fail(g);
  const TaskList& list = loaded.ws.list;
  const std::vector<Month> months = resolve_months(list, o.month, o.all, loaded.today);
  const Format format = o.format.value();
  ReportWriter out(loaded, o.output, o.commit);
  for (const Month month : months) {
    const Date as_of = resolve_as_of(o.as_of, reporting_round(list, month).report_date);
    const Reconciliation rec = reconcile(loaded.ws, month, as_of);
    if (out.to_directory()) {
      out.write(out.round_dir(month) / "reconcile.md", render_reconciliation(list, rec, Format::kMarkdown));
      out.write(out.round_dir(month) / "reconcile.csv", render_reconciliation(list, rec, Format::kCsv));
    } else {
      out.emit(render_reconciliation(list, rec, format));
    }
  }
  out.commit(fmt::format("对账销号 {}", rounds_label(months)));
  return kExitOk;
}

}  // namespace

CommandSetup add_reconcile_command(CLI::App& app, const GlobalOptions& g) {
  CLI::App* sub =
      app.add_subcommand("reconcile", "某月的对账销号表：汇总、台账、本月销号、逾期督办、未按时报送");
  auto o = std::make_shared<ReconcileOptions>();
  auto* month = sub->add_option("--month", o->month, "报送月份（YYYY-MM），默认为报送日已到的最近一轮");
  auto* as_of = sub->add_option("--as-of", o->as_of, "截至日期（YYYY-MM-DD），默认为该轮报送日");
  o->format.add_to(sub);
  sub->add_option("-o", o->output,
                  "写入文件；若为目录（如 reports/），写入 <目录>/<YYYY-MM>/reconcile.md 和 .csv");
  sub->add_flag("--all", o->all, "从第一轮到最近一轮，每轮都写（需 -o 目录）")
      ->excludes(month)
      ->excludes(as_of);
  sub->add_flag("--commit", o->commit, "写入后用 git 提交改动的文件（需 -o）");
  return {sub, [&g, o] {
            check_output_options(o->output, o->all, o->commit);
            return run_reconcile(g, *o);
          }};
}

}  // namespace duban
