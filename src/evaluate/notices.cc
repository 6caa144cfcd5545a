#include "evaluate/notices.h"

#include <algorithm>

namespace duban {
namespace {

NoticeItem item_for(const TaskStatus& t, const std::string& unit) {
  NoticeItem item{&t, {}};
  for (const ShareStatus& s : t.shares) {
    if (s.unit == unit && s.latest != nullptr) item.progress = s.latest->progress;
  }
  return item;
}

}  // namespace

std::vector<Notice> build_notices(const TaskList& list, const Reconciliation& rec) {
  std::vector<Notice> notices;
  for (const Unit& unit : list.units) {
    // The office issues the notices; its own arrears show in the reconciliation.
    if (unit.name == list.reporting.office) continue;
    Notice n{unit.name, {}, {}};
    for (const OverdueTask& o : rec.overdue) {
      if (std::find(o.units.begin(), o.units.end(), unit.name) != o.units.end()) {
        n.overdue.push_back(item_for(rec.status.tasks[o.task], unit.name));
      }
    }
    for (size_t i = 0; i < rec.status.tasks.size(); ++i) {
      const auto& missing = rec.reporting[i].missing;
      if (std::find(missing.begin(), missing.end(), unit.name) != missing.end()) {
        n.missing.push_back(item_for(rec.status.tasks[i], unit.name));
      }
    }
    if (!n.overdue.empty() || !n.missing.empty()) notices.push_back(std::move(n));
  }
  return notices;
}

}  // namespace duban
