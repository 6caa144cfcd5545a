#include "evaluate/shortfalls.h"

#include "evaluate/status.h"

namespace duban {

std::vector<SettledShortfall> settled_shortfalls(const Workspace& ws, Date today) {
  std::vector<SettledShortfall> out;
  StatusReport status = evaluate_status(ws, today);
  for (TaskStatus& t : status.tasks) {
    if (t.unmet.empty() || t.settled_by == nullptr) continue;
    out.push_back({t.task, t.state == TaskState::kClosed, t.settled_by, std::move(t.unmet)});
  }
  return out;
}

}  // namespace duban
