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

// The repository holding the workspace, or a Chinese line saying why there is none.
GitRepository audit_repository(const std::filesystem::path& dir) {
  if (auto repo = GitRepository::find_if_any(dir)) return *repo;
  throw CommandFailure{
      kExitProblems,
      "duban: 工作目录不在 git 仓库中，无从留痕：留痕读取 git 的提交记录，请在 git 仓库中保存 "
      "tasks.yaml 和 progress/ 并提交"};
}

}  // namespace

CommandSetup add_audit_command(CLI::App& app, const GlobalOptions& g) {
  CLI::App* sub =
      app.add_subcommand("audit", "留痕：从 git 提交记录查出某月的补录、对账后改动和未提交的进度");
  // Read once per run, for every round it covers.
  auto history = std::make_shared<std::optional<History>>();
  RoundCommand audit{RoundKind::kRound,
                     {Format::kMarkdown, Format::kCsv, Format::kJson},
                     [history](const LoadedWorkspace& loaded, const RoundOptions&, Month month,
                               std::optional<Format> format, StatusTimeline&) {
                       if (!*history)
                         *history = read_history(audit_repository(loaded.dir), loaded.dir, loaded.ws);
                       const std::vector<AuditRow> rows = audit_round(loaded.ws.list, **history, month);
                       const auto render = [&](Format f) {
                         return render_audit(loaded.ws.list, **history, month, rows, f);
                       };
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
