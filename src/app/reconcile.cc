// `duban reconcile`: the monthly reconciliation (对账销号), printed or
// written to reports/<YYYY-MM>/ and optionally committed.
#include "evaluate/reconcile.h"
#include "app/rounds.h"
#include "render/reconcile_render.h"

namespace duban::app {

const std::vector<Format>& reconcile_formats() {
  static const std::vector<Format> formats = {Format::kMarkdown, Format::kCsv, Format::kJson, Format::kXlsx,
                                              Format::kText};
  return formats;
}

int reconcile(const WorkspaceRequest& w, const RoundRequest& r) {
  const auto render = [](const RoundRendering& job) {
    const TaskList& list = job.loaded.ws.list;
    duban::reconcile(
        job.loaded.ws, round_queries(list, job.months, job.as_of), [&](const Reconciliation& rec) {
          // To standard output, Markdown goes as it is made: a district's
          // reconciliation runs to tens of megabytes.
          if (job.print && job.format == Format::kMarkdown) {
            render_reconciliation_markdown(list, rec, job.print);
            return;
          }
          job.emit(rec.round.month, document_or_report_files("reconcile", job.format, [&](Format f) {
                     return render_reconciliation(list, rec, f, job.style);
                   }));
        });
  };
  return run_rounds(w, r, {RoundKind::kRound, reconcile_formats(), render, "对账销号", true});
}

}  // namespace duban::app
