// Keeping the month going when one unit's file is wrong: a progress file
// with errors is set aside whole, none of its entries count, and the reports
// name it (duban(5), PROGRESS FILES; duban(1), the keep-going rule).
#pragma once

#include "load/workspace_loader.h"

namespace duban {

/// Moves every file but tasks.yaml that has an error out of the workspace:
/// its entries are dropped and it is listed in workspace.rejected with its
/// unit (from an entry or the file name), its round folder and first error.
/// Diagnostics must be sorted already.
void set_aside_rejected(LoadResult& result);

}  // namespace duban
