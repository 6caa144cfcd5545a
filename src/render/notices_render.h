// `duban notices`: supervision notices (督办通知) as Markdown or JSON.
#pragma once

#include <string>
#include <vector>

#include "evaluate/notices.h"
#include "render/format.h"

namespace duban {

/// One unit's notice as a Markdown document.
std::string render_notice(const TaskList& list, const Reconciliation& rec, const Notice& notice);

/// All notices: Markdown documents one after another, or one JSON document.
std::string render_notices(const TaskList& list, const Reconciliation& rec, const NoticeReport& report,
                           Format format);

}  // namespace duban
