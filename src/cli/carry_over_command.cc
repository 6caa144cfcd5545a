// `duban carry-over`: a draft of next year's list (上年结转), printed or
// written to a new file.
#include <fmt/format.h>

#include "cli/context.h"
#include "cli/output.h"
#include "evaluate/carry_over.h"
#include "render/carry_over_render.h"

namespace duban {
namespace {

// Writes the draft to a file that does not exist yet: a list is never overwritten.
void write_new_file(const std::string& option, const std::string& text) {
  namespace fs = std::filesystem;
  const fs::path path = fs::absolute(option);
  std::error_code ec;
  if (fs::exists(fs::symlink_status(path, ec)) || option.empty() || option.back() == '/') {
    throw CommandFailure{
        kExitProblems,
        fmt::format("duban: “{}”已存在或是文件夹：carry-over 不覆盖已有文件，请换一个新文件名", option)};
  }
  OutputFolder folder(path.parent_path(), true);
  folder.write_if_changed(path, text);
}

}  // namespace

CommandSetup add_carry_over_command(CLI::App& app, const GlobalOptions& g) {
  CLI::App* sub = app.add_subcommand("carry-over",
                                     "下一年度清单草稿：上年未完成的任务（上年结转）及各目标尚未完成的部分");
  auto output = std::make_shared<std::string>();
  sub->add_option("-o", *output, "写入这个新文件（如 ../2025/tasks.yaml）；不覆盖已有文件；默认输出到屏幕")
      ->type_name("文件");
  return {sub, [&g, output] {
            const LoadedWorkspace loaded = load_or_fail(g);
            const std::string text = render_carry_over(loaded.ws.list, carry_over(loaded.ws));
            if (output->empty()) {
              print(text);
            } else {
              write_new_file(*output, text);
            }
            return kExitOk;
          }};
}

}  // namespace duban
