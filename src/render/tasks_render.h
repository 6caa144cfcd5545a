// `duban tasks`: the work list as a table.
#pragma once

#include <string>

#include "model/task_list.h"
#include "render/format.h"

namespace duban {

/// Every task: id, section, title, lead, other owners and due date (ISO and
/// as written), in id order; the text table fits `width` columns (0: no limit).
std::string render_tasks(const TaskList& list, Format format, int width = 0);

}  // namespace duban
