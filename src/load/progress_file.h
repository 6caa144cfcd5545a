// Reads one progress file (progress/2024-06/江洋社区.yaml) into entries,
// checking each against the work list.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/task_index.h"
#include "load/yaml_tree.h"
#include "model/diagnostic.h"
#include "model/entry.h"
#include "model/task_list.h"

namespace duban {

/// Parses the bytes of a progress file shown to users as `path`. Entries
/// dated after `today` are kept, with a warning. Entries with errors are
/// dropped; the diagnostics say why.
std::vector<Entry> load_progress_file(const std::string& path, std::string_view bytes, const TaskList& list,
                                      Date today, std::vector<Diagnostic>& out);

/// The same, with `index` built once from `list` for all the files; sets
/// `*sample` when given and the file says `sample: true` (示例数据).
std::vector<Entry> load_progress_file(const std::string& path, std::string_view bytes, const TaskList& list,
                                      const TaskIndex& index, Date today, std::vector<Diagnostic>& out,
                                      bool* sample = nullptr);

/// The same from a file already parsed by parse_yaml with
/// progress_file_keys(), whose diagnostics are already in `out`; sets
/// `*latest` when given to the latest date it compared with `today`.
std::vector<Entry> read_progress_entries(const std::string& path, const YamlParse& parsed,
                                         const TaskList& list, const TaskIndex& index, Date today,
                                         std::vector<Diagnostic>& out, bool* sample = nullptr,
                                         std::optional<Date>* latest = nullptr);

/// Every key the progress format knows, at any level.
const std::vector<std::string>& progress_file_keys();

}  // namespace duban
