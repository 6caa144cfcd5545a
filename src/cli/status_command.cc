// `duban status`: each task's deadline status as of a date.
#include <unistd.h>

#include <cstdlib>

#include <fmt/format.h>

#include "cli/context.h"
#include "cli/format_option.h"
#include "cli/output.h"
#include "evaluate/status.h"
#include "model/text.h"
#include "render/ledger.h"
#include "render/status_render.h"

namespace duban {
namespace {

struct StatusOptions {
  std::string as_of;
  std::string unit;
  std::string task;
  bool open = false;
  bool overdue = false;
  FormatOption format{{Format::kText, Format::kMarkdown, Format::kCsv, Format::kJson}};
};

// Keeps the tasks the options ask for; a name that matches nothing is a usage error.
void filter(const TaskList& list, const StatusOptions& o, StatusReport& report) {
  if (!o.unit.empty()) {
    const auto unit = list.canonical_unit(o.unit);
    if (!unit) {
      std::vector<std::string> names;
      for (const Unit& u : list.units) names.push_back(u.name);
      const std::string hint = closest_match(o.unit, names);
      throw CommandFailure{kExitUsage, fmt::format("duban: 没有单位“{}”{}", o.unit,
                                                   hint.empty() ? "" : fmt::format("：是不是“{}”？", hint))};
    }
    std::erase_if(report.tasks, [&](const TaskStatus& t) {
      return std::find(t.task->shares.begin(), t.task->shares.end(), *unit) == t.task->shares.end();
    });
  }
  if (!o.task.empty()) {
    const auto id = normalize_task_id(o.task);
    if (!id || list.find_task(*id) == nullptr) {
      throw CommandFailure{kExitUsage, fmt::format("duban: 清单中没有编号为“{}”的任务", o.task)};
    }
    std::erase_if(report.tasks, [&](const TaskStatus& t) { return t.task->id != *id; });
    if (report.tasks.empty()) {
      throw CommandFailure{kExitUsage, fmt::format("duban: {}不是任务 {} 的责任单位", o.unit, *id)};
    }
  }
  // Open: not yet closed by the office (已完成待销号 still waits for it).
  if (o.open) std::erase_if(report.tasks, [](const TaskStatus& t) { return t.state == TaskState::kClosed; });
  if (o.overdue)
    std::erase_if(report.tasks, [](const TaskStatus& t) { return t.state != TaskState::kOverdue; });
}

}  // namespace

CommandSetup add_status_command(CLI::App& app, const GlobalOptions& g) {
  CLI::App* sub = app.add_subcommand("status", "各任务截至某日的状态（逾期、临期、正常推进……）");
  auto o = std::make_shared<StatusOptions>();
  sub->add_option("--as-of", o->as_of, "截至日期（YYYY-MM-DD），默认今天")->type_name("日期");
  sub->add_option("--unit", o->unit, "只列出该单位承担的任务")->type_name("单位");
  CLI::Option* task =
      sub->add_option("--task", o->task, "只看这一项任务，并列出各单位的情况")->type_name("编号");
  sub->add_flag("--open", o->open, "只列出尚未销号的任务（含已完成待销号的）")->excludes(task);
  sub->add_flag("--overdue", o->overdue, "只列出逾期的任务")->excludes(task);
  o->format.add_to(sub);
  return {sub, [&g, o] {
            const LoadedWorkspace loaded = load_or_fail(g);
            const TaskList& list = loaded.ws.list;
            StatusReport report = evaluate_status(loaded.ws, resolve_as_of(o->as_of, loaded.today));
            filter(list, *o, report);
            const Format format = o->format.value();
            const TextStyle style{isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr,
                                  terminal_width()};
            if (format == Format::kText && !o->task.empty()) {
              print(sample_banner(report.sample) + render_task_detail(list, report.tasks.front(), style));
            } else {
              print(render_status(list, report, format, style));
            }
            return kExitOk;
          }};
}

}  // namespace duban
