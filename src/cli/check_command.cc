// `duban check`: silent when all is well, one line per problem otherwise.
#include <fmt/format.h>

#include "cli/context.h"

namespace duban {

CommandSetup add_check_command(CLI::App& app, const GlobalOptions& g) {
  CLI::App* sub = app.add_subcommand("check", "检查 tasks.yaml 和 progress/ 中的每个文件；无问题时不输出");
  return {sub, [&g] {
            const LoadResult loaded = load_workspace(resolve_workspace(g), resolve_today(g));
            for (const Diagnostic& d : loaded.diagnostics) fmt::print("{}\n", format_diagnostic(d));
            return loaded.ok() ? kExitOk : kExitProblems;
          }};
}

}  // namespace duban
