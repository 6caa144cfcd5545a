// `duban audit`: the audit (留痕) of a round as Markdown, CSV or JSON.
#pragma once

#include <string>
#include <vector>

#include "evaluate/audit.h"
#include "evaluate/rounds.h"
#include "render/format.h"

namespace duban {

/// The audit of `round` in `format` (md, csv or json).
std::string render_audit(const TaskList& list, const History& history, const Round& round,
                         const std::vector<AuditRow>& rows, Format format);

}  // namespace duban
