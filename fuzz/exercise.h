// What the fuzz targets do with a workspace that loads: evaluate and render
// it every way the commands do, so that the sanitizers see the whole path
// from bytes to reports.
#pragma once

#include "model/workspace.h"

namespace duban::fuzz {

/// Computes and renders status, reconciliations, notices, rankings and
/// shortfall warnings of `ws` as of `today`, in every format.
void exercise(const Workspace& ws, Date today);

/// Writes what exercise() leaves out: every unit's report form (xlsx and
/// yaml), the carry-over draft, the audit of a history that holds each
/// entry in a commit of its own day, and the text tables at a narrow width.
void write_documents(const Workspace& ws, Date today);

}  // namespace duban::fuzz
