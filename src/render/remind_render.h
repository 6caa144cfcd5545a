// `duban remind`: the reminders (催报) of a round, as a terminal table,
// Markdown, CSV or JSON, and one unit's reminder as a short message to paste
// into the work group.
#pragma once

#include <string>

#include "evaluate/remind.h"
#include "render/format.h"

namespace duban {

/// All units' reminders in `format`; text tables fit `width` columns (0: no limit).
std::string render_reminders(const TaskList& list, const RemindReport& report, Format format, int width = 0);

/// One unit's reminder, a Markdown message ready to paste.
std::string render_reminder(const TaskList& list, const RemindReport& report, const Reminder& unit);

}  // namespace duban
