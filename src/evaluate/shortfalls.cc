#include "evaluate/shortfalls.h"

namespace duban {

std::vector<SettledShortfall> settled_shortfalls(const Workspace& ws, Date today) {
  std::vector<SettledShortfall> out;
  StatusReport status = evaluate_status(ws, today);
  for (TaskStatus& t : status.tasks) {
    if (t.settled_by == nullptr) continue;
    SettledShortfall s{t.task, t.state == TaskState::kClosed, t.settled_by, std::move(t.unmet), {}};
    if (s.closed) {
      for (ShareStatus& share : t.shares) {
        if (share.state != ShareState::kDone) s.open_shares.push_back(std::move(share));
      }
    }
    if (!s.unmet.empty() || !s.open_shares.empty()) out.push_back(std::move(s));
  }
  return out;
}

}  // namespace duban
