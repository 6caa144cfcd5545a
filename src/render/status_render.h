// `duban status`: every task's deadline status as of a date.
#pragma once

#include <string>

#include "evaluate/status.h"
#include "render/format.h"

namespace duban {

/// Options of the text rendering.
struct TextStyle {
  bool color = false;  ///< ANSI colours for the lights
  int width = 0;       ///< the terminal's columns, which tables fit; 0 for no limit
};

/// The status table of `report` (already filtered by the caller).
std::string render_status(const TaskList& list, const StatusReport& report, Format format, TextStyle style);

/// One task in full: its status, then each unit's share.
std::string render_task_detail(const TaskList& list, const TaskStatus& t, TextStyle style);

}  // namespace duban
