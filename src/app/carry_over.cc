// `duban carry-over`: a draft of next year's list (上年结转), printed or
// written to a new file.
#include <fmt/format.h>

#include "app/commands.h"
#include "evaluate/carry_over.h"
#include "io/output.h"
#include "render/carry_over_render.h"

namespace duban::app {
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

int carry_over(const WorkspaceRequest& w, const CarryOverRequest& r) {
  const LoadedWorkspace loaded = load_or_fail(w);
  const std::string text = render_carry_over(loaded.ws.list, duban::carry_over(loaded.ws));
  if (r.output.empty()) {
    print(text);
  } else {
    write_new_file(r.output, text);
  }
  return kExitOk;
}

}  // namespace duban::app
