// `duban rank`: the bi-monthly ranking of the communities (每双月考核排名).
#include "app/rounds.h"
#include "evaluate/ranking.h"
#include "render/rank_render.h"

namespace duban::app {

const std::vector<Format>& rank_formats() {
  static const std::vector<Format> formats = {Format::kText, Format::kMarkdown, Format::kCsv, Format::kJson,
                                              Format::kXlsx};
  return formats;
}

int rank(const WorkspaceRequest& w, const RoundRequest& r) {
  const auto render = [](const RoundRendering& job) {
    std::vector<PeriodQuery> periods;
    for (const Month m : job.months) periods.push_back({m, job.as_of});
    size_t next = 0;
    rank_units(job.loaded.ws, periods, [&](const RankReport& report) {
      job.emit(job.months[next++], document_or_report_files("rank", job.format, [&](Format f) {
                 return render_rank(job.loaded.ws.list, report, f, job.width);
               }));
    });
  };
  return run_rounds(w, r, {RoundKind::kRankPeriod, rank_formats(), render, "考核排名"});
}

}  // namespace duban::app
