// Everything duban reads: the work list, every progress entry, and the
// progress files left out because they have errors.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/date.h"
#include "model/entry.h"
#include "model/task_list.h"

namespace duban {

/// A progress file with errors, none of whose entries count (报送文件有误).
struct RejectedFile {
  std::string path;                 ///< relative to the workspace
  std::optional<std::string> unit;  ///< its unit, when known
  std::optional<Month> folder;      ///< the round its folder names (progress/YYYY-MM/)
  int line = 0;                     ///< where its first error is
  int column = 0;
  std::string message;  ///< its first error
};

/// The loaded workspace; entries are sorted by entry_before.
struct Workspace {
  TaskList list;
  std::vector<Entry> entries;
  std::vector<RejectedFile> rejected;  ///< by path
  bool sample = false;                 ///< a progress file says `sample: true` (示例数据)

  /// The entries on task `id` (normalized), in the order of `entries`.
  /// Indexed on first use, and again when `entries` has moved or changed
  /// size; after editing entries in place, call entries_changed().
  const std::vector<const Entry*>& entries_of(const std::string& id) const;
  /// Drops the index of entries_of(), after entries were edited in place.
  void entries_changed() { by_task_.reset(); }

 private:
  // Entries by task, for the entries at `data` with `size` elements.
  struct TaskIndex {
    const Entry* data = nullptr;
    size_t size = 0;
    std::unordered_map<std::string, std::vector<const Entry*>> tasks;
  };
  mutable std::shared_ptr<const TaskIndex> by_task_;
};

/// The folder part of a path: progress/2024-06/江洋社区.yaml ->
/// progress/2024-06; empty for a bare file name.
std::string_view parent_folder(std::string_view path);

/// The round the folder of `path` names: progress/2024-06/江洋社区.yaml ->
/// 2024-06; nothing for a file directly in progress/ or in another folder.
std::optional<Month> folder_round(const std::string& path);

/// The rejected files that may hold entries of month `m` or earlier: those
/// in folders of rounds up to `m`, and those outside any round's folder.
std::vector<RejectedFile> rejected_through(const Workspace& ws, Month m);

}  // namespace duban
