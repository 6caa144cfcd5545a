// `duban check`'s warnings about tasks settled short of their goals, as
// diagnostics placed at the entry that settled each task.
#pragma once

#include <vector>

#include "evaluate/shortfalls.h"
#include "model/diagnostic.h"

namespace duban {

/// One warning per settled shortfall: what falls short and what to do.
std::vector<Diagnostic> shortfall_warnings(const std::vector<SettledShortfall>& shortfalls);

}  // namespace duban
