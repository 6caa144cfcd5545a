#include "render/shortfalls_render.h"

#include <fmt/format.h>

#include "render/labels.h"

namespace duban {

std::vector<Diagnostic> shortfall_warnings(const std::vector<SettledShortfall>& shortfalls) {
  std::vector<Diagnostic> out;
  for (const SettledShortfall& s : shortfalls) {
    const Entry& at = *s.settled_by;
    if (!s.unmet.empty()) {
      out.push_back(
          {at.path, at.line, 1, Severity::kWarning,
           fmt::format("任务 {} 已{}，但未达标：{}：请核实完成值后补报，或在进展中写明原因", s.task->id,
                       s.closed ? "销号" : "全部报完成", fmt::join(shortfall_labels(s.unmet), "；"))});
    }
    if (!s.open_shares.empty()) {
      std::vector<std::string> units;
      for (const ShareStatus& share : s.open_shares) {
        units.push_back(
            fmt::format("{}（{} {}%）", share.unit, share_state_label(share.state), share.percent));
      }
      out.push_back({at.path, at.line, 1, Severity::kWarning,
                     fmt::format("任务 {} 已销号，但{}尚未报已完成：请核实后由该单位补报已完成，"
                                 "或在销号的 progress 中写明不需完成的原因",
                                 s.task->id, fmt::join(units, "、"))});
    }
  }
  return out;
}

}  // namespace duban
