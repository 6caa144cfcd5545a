// `duban check`'s warnings about reports that are not where they say they
// are, as diagnostics placed at the entry concerned.
#pragma once

#include <vector>

#include "evaluate/placement.h"
#include "model/diagnostic.h"
#include "model/task_list.h"

namespace duban {

/// One warning per misplacement: what is out of place and what to do.
std::vector<Diagnostic> placement_warnings(const std::vector<Misplacement>& found, const TaskList& list);

}  // namespace duban
