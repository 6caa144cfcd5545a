// Reads a filled report form (进度报送表, written by `duban template`) back
// into a progress draft: the unit and round from its header block, one
// entry per row that was filled in, each value with its cell. Columns are
// found by their headers and the form's sheet by its header row, so moved
// columns, reordered or deleted rows, restyled cells and a renamed sheet do
// not matter. Values are read as clerks type them: 80, 80% or 0.8 for a
// percentage; 2025-02-08, 2025/2/8, 2025年2月8日 or a date cell for a date.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "load/sheet.h"
#include "model/date.h"
#include "model/diagnostic.h"
#include "model/progress_draft.h"
#include "model/task_list.h"

namespace duban {

/// A problem at a cell (填报!C7, or C7 in a CSV file); no cell for the whole file.
struct CellProblem {
  std::string cell;
  Severity severity = Severity::kError;
  std::string message;
};

/// What a filled form says, and what is wrong with it.
struct FilledForm {
  ProgressDraft draft;  ///< the date is set only when the form gives one
  bool dated = false;   ///< 填报日期 was filled in
  Month month;          ///< 报送月份
  std::string month_cell;
  std::vector<CellProblem> problems;
};

/// Reads the form in `book`; `sheet_names` says whether cells are named
/// with their sheet (xlsx) or without (CSV).
FilledForm read_filled_form(const Workbook& book, bool sheet_names, const TaskList& list);

/// A date as clerks write it: 2025-02-08, 2025/2/8, 2025.2.8, 2025年2月8日,
/// with full-width digits too; 2月8日 takes `default_year`. Nothing otherwise.
std::optional<Date> parse_typed_date(std::string text, int default_year);

/// The day an Excel date serial number stands for (1900 or 1904 system).
std::optional<Date> date_of_serial(double serial, bool date1904);

}  // namespace duban
