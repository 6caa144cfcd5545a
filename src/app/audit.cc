// `duban audit`: when each report of a round really entered the record
// (留痕), from the git history of progress/ and reports/.
#include "evaluate/audit.h"
#include <fmt/format.h>

#include "app/rounds.h"
#include "load/history.h"
#include "render/audit_render.h"

namespace duban::app {
namespace {

// Why there is no history to audit, in a Chinese line.
CommandFailure audit_failure(HistoryProblem problem) {
  if (problem == HistoryProblem::kShallow) {
    return {
        kExitProblems,
        "duban: 这个仓库是浅克隆，没有完整的提交记录，无从留痕：请先运行 git fetch --unshallow，再重新运行"};
  }
  return {kExitProblems,
          "duban: 工作目录不在 git 仓库中，无从留痕：留痕读取 git 的提交记录，请在 git 仓库中保存 "
          "tasks.yaml 和 progress/ 并提交"};
}

}  // namespace

const std::vector<Format>& audit_formats() {
  static const std::vector<Format> formats = {Format::kMarkdown, Format::kCsv, Format::kJson};
  return formats;
}

int audit(const WorkspaceRequest& w, const RoundRequest& r) {
  const auto render = [](const RoundRendering& job) {
    const TaskList& list = job.loaded.ws.list;
    // Read once, for every round the run covers.
    const HistoryRead read = read_workspace_history(job.loaded.dir, job.loaded.ws);
    if (!read.history) throw audit_failure(read.problem);
    for (const std::string& w : read.warnings) fmt::print(stderr, "{}\n", w);
    for (const Month month : job.months) {
      const std::vector<AuditRow> rows = audit_round(list, *read.history, month, job.loaded.today);
      const auto render = [&](Format f) {
        return render_audit(list, *read.history, reporting_round(list, month), rows, f);
      };
      // An -o folder gets audit.md and audit.csv.
      if (job.format) {
        job.emit(month, {render(*job.format), {}, {}});
        continue;
      }
      RoundOutput out;
      out.files.emplace_back("audit.md", render(Format::kMarkdown));
      out.files.emplace_back("audit.csv", render(Format::kCsv));
      job.emit(month, std::move(out));
    }
  };
  return run_rounds(w, r, {RoundKind::kRound, audit_formats(), render, "留痕"});
}

}  // namespace duban::app
