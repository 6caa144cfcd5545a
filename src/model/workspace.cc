#include "model/workspace.h"

namespace duban {

std::vector<RejectedFile> rejected_through(const Workspace& ws, Month m) {
  std::vector<RejectedFile> out;
  for (const RejectedFile& r : ws.rejected) {
    if (!r.folder || *r.folder <= m) out.push_back(r);
  }
  return out;
}

}  // namespace duban
