// `duban tasks`: list the work list.
#include "app/commands.h"
#include "io/output.h"
#include "render/tasks_render.h"

namespace duban::app {

int list_tasks(const WorkspaceRequest& w, const TasksRequest& r) {
  const LoadedWorkspace loaded = load_or_fail(w);
  print(render_tasks(loaded.ws.list, r.format, terminal_width()));
  return kExitOk;
}

}  // namespace duban::app
