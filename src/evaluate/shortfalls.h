// Warnings for `duban check` that need the rules: a task done or closed
// while its targets or milestones fall short.
#pragma once

#include <vector>

#include "model/diagnostic.h"
#include "model/workspace.h"

namespace duban {

/// One warning per task that is done or closed as of `today` with unmet
/// targets or unreached milestones, placed at the entry that settled it.
std::vector<Diagnostic> shortfall_warnings(const Workspace& ws, Date today);

}  // namespace duban
