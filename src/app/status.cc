// `duban status`: each task's deadline status as of a date.
#include <fmt/format.h>

#include "app/commands.h"
#include "evaluate/status.h"
#include "io/output.h"
#include "model/text.h"
#include "render/ledger.h"
#include "render/status_render.h"

namespace duban::app {
namespace {

// Keeps the tasks the options ask for; a name that matches nothing is a usage error.
void filter(const TaskList& list, const StatusRequest& o, StatusReport& report) {
  if (!o.unit.empty()) {
    const auto unit = list.canonical_unit(o.unit);
    if (!unit) {
      std::vector<std::string> names;
      for (const Unit& u : list.units) names.push_back(u.name);
      const std::string hint = closest_match(o.unit, names);
      throw CommandFailure{kExitUsage, fmt::format("duban: 没有单位“{}”{}", o.unit,
                                                   hint.empty() ? "" : fmt::format("：是不是“{}”？", hint))};
    }
    std::erase_if(report.tasks, [&](const TaskStatus& t) {
      return std::find(t.task->shares.begin(), t.task->shares.end(), *unit) == t.task->shares.end();
    });
  }
  if (!o.task.empty()) {
    const auto id = normalize_task_id(o.task);
    if (!id || list.find_task(*id) == nullptr) {
      throw CommandFailure{kExitUsage, fmt::format("duban: 清单中没有编号为“{}”的任务", o.task)};
    }
    std::erase_if(report.tasks, [&](const TaskStatus& t) { return t.task->id != *id; });
    if (report.tasks.empty()) {
      throw CommandFailure{kExitUsage, fmt::format("duban: {}不是任务 {} 的责任单位", o.unit, *id)};
    }
  }
  // Open: not yet closed by the office (已完成待销号 still waits for it).
  if (o.open) std::erase_if(report.tasks, [](const TaskStatus& t) { return t.state == TaskState::kClosed; });
  if (o.overdue)
    std::erase_if(report.tasks, [](const TaskStatus& t) { return t.state != TaskState::kOverdue; });
}

}  // namespace

int status(const WorkspaceRequest& w, const StatusRequest& r) {
  const LoadedWorkspace loaded = load_or_fail(w);
  const TaskList& list = loaded.ws.list;
  StatusReport report = evaluate_status(loaded.ws, r.as_of.value_or(loaded.today));
  filter(list, r, report);
  const TextStyle style{output_takes_colour(), terminal_width()};
  if (r.format == Format::kText && !r.task.empty()) {
    print(sample_banner(report.sample) + render_task_detail(list, report.tasks.front(), style));
  } else {
    print(render_status(list, report, r.format, style));
  }
  return kExitOk;
}

const std::vector<Format>& listing_formats() {
  static const std::vector<Format> formats = {Format::kText, Format::kMarkdown, Format::kCsv, Format::kJson};
  return formats;
}

}  // namespace duban::app
