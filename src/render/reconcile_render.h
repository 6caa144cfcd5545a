// `duban reconcile`: the month's reconciliation as Markdown, CSV or JSON.
#pragma once

#include <string>

#include "evaluate/reconcile.h"
#include "render/format.h"
#include "render/table.h"

namespace duban {

/// The reconciliation in `format` (md, csv or json).
std::string render_reconciliation(const TaskList& list, const Reconciliation& rec, Format format,
                                  TextStyle style = {});

}  // namespace duban
