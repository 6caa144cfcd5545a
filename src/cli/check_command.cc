// `duban check`: silent when all is well, one line per problem otherwise.
#include <fmt/format.h>

#include "cli/context.h"
#include "evaluate/shortfalls.h"
#include "render/shortfalls_render.h"

namespace duban {

CommandSetup add_check_command(CLI::App& app, const GlobalOptions& g) {
  CLI::App* sub = app.add_subcommand("check", "检查 tasks.yaml 和 progress/ 中的每个文件；无问题时不输出");
  return {sub, [&g] {
            const Date today = resolve_today(g);
            LoadResult loaded = load_workspace(resolve_workspace(g), today);
            // The rules can only be applied to a workspace without errors.
            if (loaded.ok()) {
              for (Diagnostic& d : shortfall_warnings(settled_shortfalls(loaded.workspace, today))) {
                loaded.diagnostics.push_back(std::move(d));
              }
              sort_diagnostics(loaded.diagnostics);
            }
            for (const Diagnostic& d : loaded.diagnostics) fmt::print("{}\n", format_diagnostic(d));
            return loaded.ok() ? kExitOk : kExitProblems;
          }};
}

}  // namespace duban
