#include "app/form_import.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "app/output_format.h"
#include "evaluate/reconcile.h"
#include "evaluate/report_form.h"
#include "evaluate/shortfalls.h"
#include "io/output.h"
#include "load/csv_reader.h"
#include "load/form_reader.h"
#include "load/progress_file.h"
#include "load/xlsx_reader.h"
#include "load/yaml_tree.h"
#include "model/form_layout.h"
#include "render/progress_yaml.h"
#include "render/shortfalls_render.h"

namespace duban::app {
bool is_form_file(const std::string& file) {
  const std::string ext = lower_extension(file);
  return ext == ".xlsx" || ext == ".xlsm" || ext == ".xls" || ext == ".csv";
}

namespace {

class Importer {
 public:
  Importer(const std::string& file, const Workspace& ws, const TaskIndex& index, Date today,
           const std::string& unit)
      : file_(file), ws_(ws), index_(index), today_(today), unit_option_(unit) {}

  FormImport run(std::string_view bytes) {
    Workbook book;
    const std::string ext = lower_extension(file_);
    if (ext == ".xlsx" || ext == ".xlsm") {
      XlsxRead read = read_xlsx(bytes);
      if (!read.error.empty()) return fail(read.error);
      book = std::move(read.book);
    } else if (ext == ".csv") {
      CsvRead read = read_csv(bytes);
      if (!read.error.empty()) return fail(read.error);
      book.sheets.push_back(std::move(read.sheet));
    } else {
      return fail("只能导入 .xlsx 或 .csv 文件：请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）");
    }
    FilledForm form = read_filled_form(book, ext != ".csv", ws_.list);
    for (const CellProblem& p : form.problems) say(p.cell, p.severity, p.message);
    if (!form.problems.empty() || !settle_unit(form)) return std::move(r_);
    if (!owes_reports(ws_.list, form.draft.unit.value)) {
      say(form.draft.unit.cell, Severity::kError,
          fmt::format("“{}”在 tasks.yaml 中设为不报送进度（reports: false），它的报送表不导入：如确要它报送，"
                      "请先删去 tasks.yaml 中它的 reports: false",
                      form.draft.unit.value));
      return std::move(r_);
    }
    const Reporting& rep = ws_.list.reporting;
    if (!has_round(ws_.list, form.month)) {
      say(form.month_cell, Severity::kError,
          fmt::format("报送月份 {} 不在报送轮次 {} 至 {} 之内：请不要修改这一格", form.month.iso(),
                      rep.first.iso(), rep.last.iso()));
      return std::move(r_);
    }
    r_.unit = form.draft.unit.value;
    r_.month = form.month;
    if (!form.dated) fill_date(form);
    r_.date = form.draft.date.value;
    r_.entries = form.draft.entries.size();
    check(render_draft_yaml(form.draft));
    return std::move(r_);
  }

 private:
  FormImport fail(const std::string& why) {
    say("", Severity::kError, why);
    return std::move(r_);
  }

  // Cells, sheet names and what they hold are the sender's: escaped as
  // every path duban shows, they cannot reach a terminal raw.
  void say(const std::string& cell, Severity s, const std::string& message) {
    r_.messages.push_back(escape_controls(fmt::format("{}{}: {}: {}", file_, cell.empty() ? "" : ":" + cell,
                                                      s == Severity::kError ? "错误" : "警告", message)));
  }

  // Files the form for the unit of its 单位 cell, unless the file's name
  // says another: a form filled in for one unit under another's name is
  // named, and --unit says which is right.
  bool settle_unit(FilledForm& form) {
    const std::string in_cell = form.draft.unit.value;
    const std::optional<std::string> in_name = unit_of_file_name(file_, ws_.list);
    const std::string name = std::filesystem::path(file_).filename().string();
    if (!unit_option_.empty()) {
      if (unit_option_ != in_cell && unit_option_ != in_name) {
        say(form.draft.unit.cell, Severity::kError,
            fmt::format("--unit 指定的是“{}”，而报送表中“{}”一格是“{}”{}：请核对是哪个单位的报送表后重新导入",
                        unit_option_, kFormUnit, in_cell,
                        in_name ? fmt::format("，文件名 {} 是“{}”的", name, *in_name) : ""));
        return false;
      }
      form.draft.unit.value = unit_option_;
      return true;
    }
    if (in_name && *in_name != in_cell) {
      say(form.draft.unit.cell, Severity::kError,
          fmt::format("报送表中“{}”一格是“{}”，文件名 {} 却是“{}”的报送表：请核对这是哪个单位的报送，"
                      "再加 --unit {} 或 --unit {} 重新导入",
                      kFormUnit, in_cell, name, *in_name, in_cell, *in_name));
      return false;
    }
    return true;
  }

  // An empty 填报日期: today inside the round's window, else its report day.
  void fill_date(FilledForm& form) {
    const Round round = reporting_round(ws_.list, form.month);
    const Date d = default_fill_date(round, today_);
    form.draft.date.value = d;
    r_.date_note =
        d == today_ ? fmt::format("填报日期为空，按今天 {} 导入", d.iso())
                    : fmt::format("填报日期为空，今天（{}）不在 {} 这一轮（{} 至 {}）之内，按报送日 {} 导入",
                                  today_.iso(), form.month.iso(), round.window_start.iso(),
                                  round.report_date.iso(), d.iso());
  }

  // Every rule of `duban check`, on the file as it will be written; each
  // problem at the cell its line came from.
  void check(const DraftYaml& yaml) {
    const std::string path = progress_path_of(r_);
    if (yaml.text.size() > kMaxFileBytes) {
      // `check` would refuse the file, and every report leave it out.
      say("", Severity::kError,
          fmt::format("导入后的进度文件有 {} 字节，超过 1 MiB 上限：请把各格中的文字写得简短些",
                      yaml.text.size()));
      return;
    }
    std::vector<Diagnostic> found;
    std::vector<Entry> entries = load_progress_file(path, yaml.text, ws_.list, index_, today_, found);
    if (!has_errors(found)) {
      // The warnings of tasks settled short look at every file: this one in
      // place of the one it replaces.
      Workspace with = ws_;
      std::erase_if(with.entries, [&](const Entry& e) { return e.path == path; });
      with.entries.insert(with.entries.end(), entries.begin(), entries.end());
      std::stable_sort(with.entries.begin(), with.entries.end(), entry_before);
      for (Diagnostic& d : shortfall_warnings(settled_shortfalls(with, today_))) {
        if (d.path == path) found.push_back(std::move(d));
      }
    }
    sort_diagnostics(found);
    for (const Diagnostic& d : found) {
      const size_t line = static_cast<size_t>(d.line);
      say(line >= 1 && line <= yaml.origins.size() ? yaml.origins[line - 1] : "", d.severity, d.message);
    }
    r_.ok = !has_errors(found);
    if (r_.ok) r_.yaml = yaml.text;
  }

  const std::string& file_;
  const Workspace& ws_;
  const TaskIndex& index_;
  Date today_;
  const std::string& unit_option_;
  FormImport r_;
};

bool is_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

FormImport import_form(const std::string& file, std::string_view bytes, const Workspace& ws,
                       const TaskIndex& index, Date today, const std::string& unit) {
  return Importer(file, ws, index, today, unit).run(bytes);
}

std::optional<std::string> unit_of_file_name(const std::string& file, const TaskList& list) {
  const std::string stem = std::filesystem::path(file).stem().string();
  // <unit>-YYYY-MM: a unit's name may itself hold "-", so every "-" that
  // starts a month is tried.
  for (size_t dash = stem.find('-'); dash != std::string::npos; dash = stem.find('-', dash + 1)) {
    const std::string_view month = std::string_view(stem).substr(dash + 1, 7);
    if (month.size() != 7 || month[4] != '-' || !is_digits(month.substr(0, 4)) ||
        !is_digits(month.substr(5))) {
      continue;
    }
    if (auto unit = list.canonical_unit(stem.substr(0, dash))) return unit;
  }
  return std::nullopt;
}

std::string progress_path_of(const FormImport& imported) {
  return fmt::format("progress/{}/{}.yaml", imported.month.iso(), imported.unit);
}

}  // namespace duban::app
