#include "model/entry.h"

#include <tuple>

namespace duban {
namespace {

struct StatusName {
  EntryStatus status;
  const char* code;
  const char* label;
};

constexpr StatusName kStatusNames[] = {
    {EntryStatus::kNotStarted, "not_started", "未启动"},
    {EntryStatus::kInProgress, "in_progress", "推进中"},
    {EntryStatus::kDone, "done", "已完成"},
    {EntryStatus::kClosed, "closed", "已销号"},
    {EntryStatus::kReopened, "reopened", "退回"},
};

}  // namespace

std::optional<EntryStatus> parse_entry_status(const std::string& text) {
  for (const StatusName& n : kStatusNames) {
    if (text == n.code || text == n.label) return n.status;
  }
  return std::nullopt;
}

const char* entry_status_code(EntryStatus s) { return kStatusNames[static_cast<int>(s)].code; }
const char* entry_status_label(EntryStatus s) { return kStatusNames[static_cast<int>(s)].label; }

bool entry_before(const Entry& a, const Entry& b) {
  return std::tie(a.date, a.path, a.position) < std::tie(b.date, b.path, b.position);
}

}  // namespace duban
