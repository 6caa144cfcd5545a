// The units a person may have meant by a name the list does not know: an
// option's --unit, a form's 单位.
#pragma once

#include <string>

#include "model/task_list.h"

namespace duban::app {

/// "：是不是“江洋社区”？" (or two or three names) for `name`: the units whose
/// name or alias holds it or is held in it, else the closest by spelling;
/// empty when none is near.
std::string unit_hint(const TaskList& list, const std::string& name);

}  // namespace duban::app
