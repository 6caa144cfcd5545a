#include "render/shortfalls_render.h"

#include <fmt/format.h>

#include "render/labels.h"

namespace duban {

std::vector<Diagnostic> shortfall_warnings(const std::vector<SettledShortfall>& shortfalls) {
  std::vector<Diagnostic> out;
  for (const SettledShortfall& s : shortfalls) {
    out.push_back(
        {s.settled_by->path, s.settled_by->line, 1, Severity::kWarning,
         fmt::format("任务 {} 已{}，但未达标：{}：请核实完成值后补报，或在进展中写明原因", s.task->id,
                     s.closed ? "销号" : "全部报完成", fmt::join(shortfall_labels(s.unmet), "；"))});
  }
  return out;
}

}  // namespace duban
