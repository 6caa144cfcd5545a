#include "evaluate/shortfalls.h"

#include <fmt/format.h>

#include "evaluate/status.h"

namespace duban {

std::vector<Diagnostic> shortfall_warnings(const Workspace& ws, Date today) {
  std::vector<Diagnostic> out;
  for (const TaskStatus& t : evaluate_status(ws, today).tasks) {
    if (t.unmet.empty() || t.settled_by == nullptr) continue;
    out.push_back({t.settled_by->path, t.settled_by->line, 1, Severity::kWarning,
                   fmt::format("任务 {} 已{}，但{}：请核实完成值后补报，或在进展中写明原因", t.task->id,
                               t.state == TaskState::kClosed ? "销号" : "全部报完成",
                               fmt::format("未达标：{}", fmt::join(t.unmet, "；")))});
  }
  return out;
}

}  // namespace duban
