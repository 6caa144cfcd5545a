// `duban status`: every task's deadline status as of a date.
#pragma once

#include <string>

#include "evaluate/status.h"
#include "render/format.h"
#include "render/table.h"

namespace duban {

/// A task's status words for a terminal: with its light's colour and ● when
/// `style` allows colours.
std::string status_for_terminal(const TaskStatus& t, TextStyle style);

/// The status table of `report` (already filtered by the caller).
std::string render_status(const TaskList& list, const StatusReport& report, Format format, TextStyle style);

/// One task in full: its status, then each unit's share.
std::string render_task_detail(const TaskList& list, const TaskStatus& t, TextStyle style);

}  // namespace duban
