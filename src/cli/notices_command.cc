// `duban notices`: supervision notices (督办通知) of a month's round.
#include <fmt/format.h>

#include "cli/context.h"
#include "cli/format_option.h"
#include "cli/report_writer.h"
#include "evaluate/notices.h"
#include "render/notices_render.h"

namespace duban {
namespace {

struct NoticesOptions {
  std::string month;
  FormatOption format{{Format::kMarkdown, Format::kJson}};
  std::string output;
  bool all = false;
  bool commit = false;
};

int run_notices(const GlobalOptions& g, const NoticesOptions& o) {
  const LoadedWorkspace loaded = load_or_fail(g);
  const TaskList& list = loaded.ws.list;
  const std::vector<Month> months = resolve_months(list, o.month, o.all, loaded.today);
  const Format format = o.format.value();
  ReportWriter out(loaded, o.output, o.commit);
  for (const Month month : months) {
    const Reconciliation rec = reconcile(loaded.ws, month, reporting_round(list, month).report_date);
    const std::vector<Notice> notices = build_notices(list, rec);
    if (!out.to_directory()) {
      out.emit(render_notices(list, rec, notices, format));
      continue;
    }
    // One file per unit; a unit no longer behind loses its old notice.
    const auto dir = out.round_dir(month) / "notices";
    std::vector<std::filesystem::path> keep;
    for (const Notice& n : notices) {
      keep.push_back(dir / (n.unit + ".md"));
      out.write(keep.back(), render_notice(list, rec, n));
    }
    out.remove_stale_md(dir, keep);
  }
  out.commit(fmt::format("督办通知 {}", rounds_label(months)));
  return kExitOk;
}

}  // namespace

CommandSetup add_notices_command(CLI::App& app, const GlobalOptions& g) {
  CLI::App* sub = app.add_subcommand("notices", "某月的督办通知：每个有逾期任务或未按时报送的单位一份");
  auto o = std::make_shared<NoticesOptions>();
  auto* month = sub->add_option("--month", o->month, "报送月份（YYYY-MM），默认为报送日已到的最近一轮");
  o->format.add_to(sub);
  sub->add_option("-o", o->output,
                  "写入文件；若为目录（如 reports/），每个单位写入 <目录>/<YYYY-MM>/notices/<单位>.md");
  sub->add_flag("--all", o->all, "从第一轮到最近一轮，每轮都写（需 -o 目录）")->excludes(month);
  sub->add_flag("--commit", o->commit, "写入后用 git 提交改动的文件（需 -o）");
  return {sub, [&g, o] {
            check_output_options(o->output, o->all, o->commit);
            return run_notices(g, *o);
          }};
}

}  // namespace duban
