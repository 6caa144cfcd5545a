#include "evaluate/shortfalls.h"

#include "evaluate/status_timeline.h"

namespace duban {

std::vector<SettledShortfall> settled_shortfalls(const Workspace& ws, Date today) {
  std::vector<SettledShortfall> out;
  // Task by task, without texts, each task's replay dropped once judged: a
  // status of every task at once would hold each of a million shares.
  StatusTimeline timeline(ws);
  for (const Task* task : timeline.tasks_in_id_order()) {
    TaskStatus t = timeline.task(*task, today, today + 1);
    timeline.release(*task);
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
