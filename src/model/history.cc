#include "model/history.h"

namespace duban {

bool same_report(const Entry& a, const Entry& b) {
  return a.status == b.status && a.percent == b.percent && a.progress == b.progress &&
         a.problems == b.problems && a.next == b.next && a.metrics == b.metrics &&
         a.milestones == b.milestones && a.held == b.held;
}

}  // namespace duban
