// The report form (进度报送表) as an Excel workbook, for `duban template`:
// sheet 填报 with the header block and one row per task, locked where duban
// fills in and unlocked where the unit writes, with a status drop-down and
// a whole-number check on 进度; sheet 说明 with the rules in plain Chinese.
// Made with render/xlsx_writer like the office's workbooks, in memory. The
// bytes depend only on the form: the document's dates are the round's.
#pragma once

#include <string>

#include "evaluate/report_form.h"

namespace duban {

/// `form` as the bytes of an .xlsx file; throws XlsxError when it cannot be made.
std::string render_template_xlsx(const ReportForm& form, const TaskList& list);

}  // namespace duban
