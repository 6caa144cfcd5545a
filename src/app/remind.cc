// `duban remind`: before the report day, who still owes which reports (催报),
// printed, or written as one message per unit to paste into the work group.
#include <fmt/format.h>

#include "app/rounds.h"
#include "evaluate/remind.h"
#include "io/output.h"
#include "render/remind_render.h"

namespace duban::app {

const std::vector<Format>& remind_formats() {
  static const std::vector<Format> formats = {Format::kMarkdown, Format::kCsv, Format::kJson, Format::kText};
  return formats;
}

int remind(const WorkspaceRequest& w, const RoundRequest& r) {
  const auto render = [](const RoundRendering& job) {
    const TaskList& list = job.loaded.ws.list;
    const Month month = job.months.front();
    const Date as_of = job.as_of.value_or(job.loaded.today);
    const RemindReport report = build_reminders(duban::reconcile(job.loaded.ws, month, as_of), list.calendar);
    if (report.closed) {
      throw CommandFailure{
          kExitProblems,
          fmt::format("duban: {} 轮的报送日 {} 已过，不再催报：未报送的单位请用 duban notices --month {} "
                      "生成督办通知",
                      month.iso(), report.round.report_date.iso(), month.iso())};
    }
    if (job.format) {
      job.emit(month, {render_reminders(list, report, *job.format, job.style.width), {}, {}});
      return;
    }
    // Into a folder: one message per unit, under remind/; a unit no longer
    // behind loses its old one.
    RoundOutput out{{}, {}, "remind"};
    for (const Reminder& u : report.units) {
      out.files.emplace_back(file_in("remind", u.unit + ".md"), render_reminder(list, report, u));
    }
    job.emit(month, std::move(out));
  };
  return run_rounds(w, r, {RoundKind::kReminder, remind_formats(), render, "催报", true});
}

}  // namespace duban::app
