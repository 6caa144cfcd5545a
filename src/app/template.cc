// `duban template`: writes the report form (进度报送表) a unit fills in for
// a round, as an Excel workbook or a progress file.
#include <filesystem>

#include <fmt/format.h>

#include "app/commands.h"
#include "evaluate/reconcile.h"
#include "evaluate/report_form.h"
#include "io/output.h"
#include "load/safe_names.h"
#include "render/progress_yaml.h"
#include "render/template_xlsx.h"

namespace duban::app {
namespace {
namespace fs = std::filesystem;

Month resolve_month(const TaskList& list, std::optional<Month> m, Date today) {
  const Reporting& rep = list.reporting;
  if (!m) {
    if (auto next = next_round_month(list, today)) return *next;
    throw CommandFailure{kExitProblems,
                         fmt::format("duban: 报送轮次 {} 至 {} 都已结束（今天是 {}）：请用 --month 指定月份",
                                     rep.first.iso(), rep.last.iso(), today.iso())};
  }
  if (!has_round(list, *m)) {
    throw CommandFailure{kExitUsage, fmt::format("duban: {} 不在报送轮次 {} 至 {} 之内", m->iso(),
                                                 rep.first.iso(), rep.last.iso())};
  }
  return *m;
}

// The format from --format and the extension of -o FILE; they must agree.
std::string resolve_format(const TemplateRequest& o, const fs::path& file) {
  std::string ext = file.extension().string();
  if (ext == ".yml") ext = ".yaml";
  if (!file.empty() && ext != ".xlsx" && ext != ".yaml") {
    throw CommandFailure{kExitUsage,
                         fmt::format("duban: -o {} 的扩展名应为 .xlsx 或 .yaml", shown_path(file))};
  }
  const std::string from_name = file.empty() ? "" : ext.substr(1);
  if (!o.format.empty() && !from_name.empty() && o.format != from_name) {
    throw CommandFailure{
        kExitUsage, fmt::format("duban: --format {} 与 -o {} 的扩展名不一致", o.format, shown_path(file))};
  }
  if (!o.format.empty()) return o.format;
  return from_name.empty() ? "xlsx" : from_name;
}

}  // namespace

int write_template(const WorkspaceRequest& w, const TemplateRequest& o) {
  const LoadedWorkspace loaded = load_or_fail(w);
  const TaskList& list = loaded.ws.list;
  const std::string unit = resolve_unit(list, o.unit);
  if (!owes_reports(list, unit)) {
    throw CommandFailure{
        kExitProblems, fmt::format("duban: “{}”在 tasks.yaml 中设为不报送进度（reports: false），没有报送表："
                                   "如确要它报送，请先删去 tasks.yaml 中它的 reports: false",
                                   unit)};
  }
  const Month month = resolve_month(list, o.month, loaded.today);
  // -o DIR/ , an existing folder or a path without extension is a folder.
  std::error_code ec;
  const bool to_folder = !o.output.empty() && (o.output.back() == '/' || fs::is_directory(o.output, ec) ||
                                               !fs::path(o.output).has_extension());
  const fs::path file = o.output.empty() || to_folder ? fs::path() : fs::path(o.output);
  const std::string format = resolve_format(o, file);
  fs::path path = file;
  if (path.empty()) {
    const std::string name = fmt::format("{}-{}.{}", unit, month.iso(), format);
    // The unit's name comes from tasks.yaml: it must make one plain file name.
    if (const std::string why = file_name_problem(name); !why.empty()) {
      throw CommandFailure{kExitProblems, fmt::format("duban: 不能用“{}”作文件名：{}", name, why)};
    }
    path = file_in(o.output.empty() ? fs::path() : fs::path(o.output), name);
  }
  const ReportForm form = build_report_form(loaded.ws, unit, reporting_round(list, month), loaded.today);
  const std::string bytes =
      format == "yaml" ? render_template_yaml(form, list) : render_template_xlsx(form, list);
  const bool one_file = !file.empty();
  OutputFolder folder(one_file ? path.parent_path() : path.parent_path(), one_file);
  folder.write_if_changed(path, bytes);
  fmt::print("duban: 已写出 {}：{} {} 的报送表，{} 项任务，报送日 {}\n", shown_path(path), unit, month.iso(),
             form.rows.size(), form.round.report_date.iso());
  return kExitOk;
}

}  // namespace duban::app
