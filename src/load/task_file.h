// Reads tasks.yaml into a TaskList, checking every key, type, name and date.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "load/task_index.h"
#include "model/diagnostic.h"
#include "model/task_list.h"

namespace duban {

/// The result of reading tasks.yaml. `list` holds what could be read even
/// when there are errors; callers must not evaluate it then.
struct TaskFileResult {
  TaskList list;
  TaskIndex index;  ///< of `list`
  bool ok = false;
};

/// Parses the bytes of a tasks.yaml shown to users as `path`.
TaskFileResult load_task_file(const std::string& path, std::string_view bytes, std::vector<Diagnostic>& out);

/// Every key the tasks.yaml format knows, at any level.
const std::vector<std::string>& task_file_keys();

}  // namespace duban
