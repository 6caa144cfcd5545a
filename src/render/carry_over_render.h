// `duban carry-over`: a draft of next year's tasks.yaml (上年结转).
#pragma once

#include <string>

#include "evaluate/carry_over.h"

namespace duban {

/// The draft as YAML: the list's header, units, groups, calendar and
/// ranking, and one section 上年结转 with every task carried over.
std::string render_carry_over(const TaskList& list, const CarryOver& carry);

}  // namespace duban
