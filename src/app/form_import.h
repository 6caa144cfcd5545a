// Turns the bytes of one filled form (.xlsx or .csv) into the bytes of the
// progress file it stands for, checked with every rule of `duban check`,
// each problem shown at the form's cell. No file is read or written here:
// `duban import` does that, and the fuzz target calls this directly.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/task_index.h"
#include "model/workspace.h"

namespace duban::app {

/// What one form became.
struct FormImport {
  /// `file:填报!C7: 错误: …`, in order, control characters escaped
  /// (escape_controls) whatever the form holds.
  std::vector<std::string> messages;
  bool ok = false;  ///< no error: `yaml` may be written
  std::string yaml;
  std::string unit;  ///< canonical
  Month month;
  Date date;  ///< 填报日期, as given or filled in
  size_t entries = 0;
  std::string date_note;  ///< how an empty 填报日期 was filled, when it was
};

/// Imports the form `file` (as the user named it) with `bytes`, for
/// `ws` as of `today`. The unit is the one its 单位 cell names; when the
/// file's name is one `duban template` gives (`<单位>-YYYY-MM.xlsx`) and
/// names another, it is an error unless `unit` (from --unit, the unit's
/// own name; empty without it) says which of the two is right.
FormImport import_form(const std::string& file, std::string_view bytes, const Workspace& ws,
                       const TaskIndex& index, Date today, const std::string& unit = {});

/// The unit whose form `file` is by its name (`江洋社区-2024-06.xlsx`,
/// also with words after the month, as `江洋社区-2024-06 (1).xlsx`); nothing
/// when the name does not start with a unit's name or alias and a month.
/// True for a spreadsheet or CSV a unit sends back (.xlsx, .xlsm, .xls, .csv):
/// `import` reads it, `check` does not.
bool is_form_file(const std::string& file);

std::optional<std::string> unit_of_file_name(const std::string& file, const TaskList& list);

/// progress/YYYY-MM/<unit>.yaml for an import.
std::string progress_path_of(const FormImport& imported);

}  // namespace duban::app
