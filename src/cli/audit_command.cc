// `duban audit`: when each report of a round really entered the record
// (留痕), from the git history of progress/ and reports/.
#include <fmt/format.h>

#include "cli/failure.h"
#include "cli/history.h"
#include "cli/round_command.h"
#include "evaluate/audit.h"
#include "evaluate/rounds.h"
#include "render/audit_render.h"

namespace duban {
namespace {

// The repository holding the workspace with its whole history, or a
// Chinese line saying why there is none.
GitRepository audit_repository(const std::filesystem::path& dir) {
  auto repo = GitRepository::find_if_any(dir);
  if (!repo) {
    throw CommandFailure{
        kExitProblems,
        "duban: 工作目录不在 git 仓库中，无从留痕：留痕读取 git 的提交记录，请在 git 仓库中保存 "
        "tasks.yaml 和 progress/ 并提交"};
  }
  // A shallow clone's oldest commit would seem to add everything at once.
  if (repo->is_shallow()) {
    throw CommandFailure{
        kExitProblems,
        "duban: 这个仓库是浅克隆，没有完整的提交记录，无从留痕：请先运行 git fetch --unshallow，"
        "再重新运行"};
  }
  return *repo;
}

}  // namespace

CommandSetup add_audit_command(CLI::App& app, const GlobalOptions& g) {
  CLI::App* sub =
      app.add_subcommand("audit", "留痕：从 git 提交记录查出某月的补录、对账后改动和未提交的进度");
  // Read once per run, for every round it covers.
  auto history = std::make_shared<std::optional<History>>();
  RoundCommand audit{
      RoundKind::kRound,
      {Format::kMarkdown, Format::kCsv, Format::kJson},
      [history](const LoadedWorkspace& loaded, const RoundOptions&, Month month, std::optional<Format> format,
                StatusTimeline&) {
        if (!*history) *history = read_history(audit_repository(loaded.dir), loaded.dir, loaded.ws);
        const std::vector<AuditRow> rows = audit_round(loaded.ws.list, **history, month, loaded.today);
        const auto render = [&](Format f) { return render_audit(loaded.ws.list, **history, month, rows, f); };
        // An -o folder gets audit.md and audit.csv.
        if (format) return RoundOutput{render(*format), {}, {}};
        RoundOutput out;
        out.files.emplace_back("audit.md", render(Format::kMarkdown));
        out.files.emplace_back("audit.csv", render(Format::kCsv));
        return out;
      }};
  audit.output_help = "写入文件；若为目录（如 reports/），写入 <目录>/<YYYY-MM>/audit.md 和 .csv";
  audit.commit_subject = "留痕";
  return {sub, add_round_command(sub, g, std::move(audit))};
}

}  // namespace duban
