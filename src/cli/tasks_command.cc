// `duban tasks`: list the work list.
#include <fmt/format.h>

#include "cli/context.h"
#include "cli/format_option.h"
#include "cli/output.h"
#include "render/tasks_render.h"

namespace duban {

CommandSetup add_tasks_command(CLI::App& app, const GlobalOptions& g) {
  CLI::App* sub = app.add_subcommand("tasks", "列出清单中的全部任务");
  auto format = std::make_shared<FormatOption>(
      std::vector<Format>{Format::kText, Format::kMarkdown, Format::kCsv, Format::kJson},
      FormatOption::Help::kPlain);
  format->add_to(sub);
  return {sub, [&g, format] {
            const LoadedWorkspace loaded = load_or_fail(g);
            print(render_tasks(loaded.ws.list, format->value(), terminal_width()));
            return kExitOk;
          }};
}

}  // namespace duban
