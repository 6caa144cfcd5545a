// `duban notices`: supervision notices (督办通知) of a month's round.
#include "evaluate/notices.h"
#include "app/rounds.h"
#include "io/output.h"
#include "render/notices_render.h"

namespace duban::app {

const std::vector<Format>& notices_formats() {
  static const std::vector<Format> formats = {Format::kMarkdown, Format::kJson};
  return formats;
}

int notices(const WorkspaceRequest& w, const RoundRequest& r) {
  // Into a folder: one file per unit, under notices/; a unit no longer
  // behind loses its old notice.
  const auto render = [](const RoundRendering& job) {
    const TaskList& list = job.loaded.ws.list;
    duban::reconcile(
        job.loaded.ws, round_queries(list, job.months, job.as_of), [&](const Reconciliation& rec) {
          const NoticeReport notices = build_notices(list, rec);
          if (job.format) {
            job.emit(rec.round.month, {render_notices(list, rec, notices, *job.format), {}, {}});
            return;
          }
          RoundOutput out{{}, {}, "notices"};
          for (const Notice& n : notices.notices) {
            out.files.emplace_back(file_in("notices", n.unit + ".md"), render_notice(list, rec, n));
          }
          job.emit(rec.round.month, std::move(out));
        });
  };
  return run_rounds(w, r, {RoundKind::kRound, notices_formats(), render, "督办通知"});
}

}  // namespace duban::app
