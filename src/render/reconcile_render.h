// `duban reconcile`: the month's reconciliation as Markdown, CSV or JSON.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "evaluate/reconcile.h"
#include "render/format.h"
#include "render/table.h"

namespace duban {

/// The reconciliation in `format` (md, csv or json).
std::string render_reconciliation(const TaskList& list, const Reconciliation& rec, Format format,
                                  TextStyle style = {});

/// The same in Markdown, handed to `write` in pieces as it is made: a
/// district's runs to tens of megabytes, which need not be held whole on
/// their way to standard output.
void render_reconciliation_markdown(const TaskList& list, const Reconciliation& rec,
                                    const std::function<void(std::string_view)>& write);

}  // namespace duban
