// Progress files written by duban itself: the YAML form a unit fills in
// (`duban template --format yaml`), and the file a filled form becomes
// (`duban import`). Every text is quoted, so that no name or text a clerk
// typed can change the file's structure.
#pragma once

#include <string>
#include <vector>

#include "evaluate/report_form.h"
#include "model/progress_draft.h"

namespace duban {

/// `form` as a progress file that passes `duban check` as it is, with
/// comments saying what to fill.
std::string render_template_yaml(const ReportForm& form, const TaskList& list);

/// A progress file and, for each of its lines, the cell it came from.
struct DraftYaml {
  std::string text;
  std::vector<std::string> origins;  ///< origins[line - 1]; empty for lines of no cell
};

/// `draft` as a progress file.
DraftYaml render_draft_yaml(const ProgressDraft& draft);

/// `text` as a YAML double-quoted scalar: quotes, backslashes and control
/// characters escaped.
std::string yaml_quoted(const std::string& text);

}  // namespace duban
