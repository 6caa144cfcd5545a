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
  std::vector<std::string> messages;  ///< `file:填报!C7: 错误: …`, in order
  bool ok = false;                    ///< no error: `yaml` may be written
  std::string yaml;
  std::string unit;  ///< canonical
  Month month;
  Date date;  ///< 填报日期, as given or filled in
  size_t entries = 0;
  std::string date_note;  ///< how an empty 填报日期 was filled, when it was
};

/// Imports the form `file` (as the user named it) with `bytes`, for
/// `ws` as of `today`; `progress_path` is where the file will be written,
/// relative to the workspace, for rules that look at other files.
FormImport import_form(const std::string& file, std::string_view bytes, const Workspace& ws,
                       const TaskIndex& index, Date today);

/// progress/YYYY-MM/<unit>.yaml for an import.
std::string progress_path_of(const FormImport& imported);

}  // namespace duban::app
