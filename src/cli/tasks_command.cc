// `duban tasks`: list the work list.
#include <fmt/format.h>

#include "cli/context.h"
#include "cli/output.h"
#include "render/tasks_render.h"

namespace duban {

CommandSetup add_tasks_command(CLI::App& app, const GlobalOptions& g) {
  CLI::App* sub = app.add_subcommand("tasks", "列出清单中的全部任务");
  auto format = std::make_shared<std::string>("text");
  sub->add_option("--format", *format, "输出格式：text、md、csv 或 json")
      ->check(CLI::IsMember({"text", "md", "csv", "json"}));
  return {sub, [&g, format] {
            const LoadedWorkspace loaded = load_or_fail(g);
            print(render_tasks(loaded.ws.list, parse_format_option(*format)));
            return kExitOk;
          }};
}

}  // namespace duban
