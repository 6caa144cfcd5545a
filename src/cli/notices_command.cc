// `duban notices`: supervision notices (督办通知) of a month's round.
#include <fmt/format.h>

#include "cli/context.h"
#include "cli/git.h"
#include "cli/output.h"
#include "evaluate/notices.h"
#include "render/notices_render.h"

namespace duban {
namespace {

struct NoticesOptions {
  std::string month;
  std::string format;
  std::string output;
  bool all = false;
  bool commit = false;
};

// One file per unit; a unit no longer behind loses its old notice.
void write_notice_files(const TaskList& list, const Reconciliation& rec, const std::vector<Notice>& notices,
                        const std::filesystem::path& dir, std::vector<std::filesystem::path>& changed) {
  std::vector<std::filesystem::path> keep;
  for (const Notice& n : notices) {
    keep.push_back(dir / (n.unit + ".md"));
    if (write_if_changed(keep.back(), render_notice(list, rec, n))) changed.push_back(keep.back());
  }
  for (auto& removed : remove_stale(dir, ".md", keep)) changed.push_back(removed);
}

int run_notices(const GlobalOptions& g, const NoticesOptions& o) {
  const LoadedWorkspace loaded = load_or_fail(g);
  const TaskList& list = loaded.ws.list;
  const std::vector<Month> months = resolve_months(list, o.month, o.all, loaded.today);
  const Format format = o.format.empty() ? Format::kMarkdown : parse_format_option(o.format);
  const OutputTarget target = output_target(o.output);
  if (o.commit) require_nothing_staged(loaded.dir);
  std::vector<std::filesystem::path> changed;
  for (const Month month : months) {
    const Reconciliation rec = reconcile(loaded.ws, month, reporting_round(list, month).report_date);
    const std::vector<Notice> notices = build_notices(list, rec);
    if (o.output.empty()) {
      print(render_notices(list, rec, notices, format));
    } else if (target.directory) {
      write_notice_files(list, rec, notices, target.path / month.iso() / "notices", changed);
    } else if (write_if_changed(target.path, render_notices(list, rec, notices, format))) {
      changed.push_back(target.path);
    }
  }
  if (o.commit) {
    commit_paths(loaded.dir, changed, fmt::format("督办通知 {}", rounds_label(months)));
  }
  return kExitOk;
}

}  // namespace

CommandSetup add_notices_command(CLI::App& app, const GlobalOptions& g) {
  CLI::App* sub = app.add_subcommand("notices", "某月的督办通知：每个有逾期任务或未按时报送的单位一份");
  auto o = std::make_shared<NoticesOptions>();
  auto* month = sub->add_option("--month", o->month, "报送月份（YYYY-MM），默认为报送日已到的最近一轮");
  sub->add_option("--format", o->format, "输出格式：md（默认）或 json")->check(CLI::IsMember({"md", "json"}));
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
