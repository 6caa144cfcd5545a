// Everything duban reads: the work list and every progress entry.
#pragma once

#include <vector>

#include "model/entry.h"
#include "model/task_list.h"

namespace duban {

/// The loaded workspace; entries are sorted by entry_before.
struct Workspace {
  TaskList list;
  std::vector<Entry> entries;
};

}  // namespace duban
