#include "model/workspace.h"

namespace duban {

std::string_view parent_folder(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

std::optional<Month> folder_round(const std::string& path) {
  constexpr std::string_view kTop = "progress/";
  if (path.rfind(kTop, 0) != 0) return std::nullopt;
  const std::string_view rest = std::string_view(path).substr(kTop.size());
  const size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return std::nullopt;  // a file directly in progress/
  return parse_iso_month(rest.substr(0, slash));
}

const std::vector<const Entry*>& Workspace::entries_of(const std::string& id) const {
  // Every task's entries in one pass, so that evaluating all tasks stays
  // linear in the entries instead of scanning all of them per task.
  if (!by_task_ || by_task_->data != entries.data() || by_task_->size != entries.size()) {
    auto index = std::make_shared<TaskIndex>();
    index->data = entries.data();
    index->size = entries.size();
    for (const Entry& e : entries) index->tasks[e.task].push_back(&e);
    by_task_ = std::move(index);
  }
  static const std::vector<const Entry*> kNone;
  const auto it = by_task_->tasks.find(id);
  return it == by_task_->tasks.end() ? kNone : it->second;
}

std::vector<RejectedFile> rejected_through(const Workspace& ws, Month m) {
  std::vector<RejectedFile> out;
  for (const RejectedFile& r : ws.rejected) {
    if (!r.folder || *r.folder <= m) out.push_back(r);
  }
  return out;
}

}  // namespace duban
