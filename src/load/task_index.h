// The names and ids of a work list in hash maps. The loaders look a name up
// for every item of a file; TaskList's own lookups scan its lists, which
// would make reading a long list take time quadratic in its length.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/interned_name.h"
#include "model/task_list.h"

namespace duban {

/// The names an entry on a task may report, each held once for the run:
/// the task's targets, milestones and duties and each duty's items, in the
/// task's order.
struct TaskNames {
  std::vector<Name> targets;
  std::vector<Name> milestones;
  std::vector<Name> duties;
  std::vector<std::vector<Name>> items;  ///< by duty
};

/// Constant-time lookups of the units, aliases, groups and tasks of a
/// TaskList. It holds places in the list's vectors, not pointers, so it stays
/// valid when the list is moved; every lookup is given the list.
class TaskIndex {
 public:
  TaskIndex() = default;
  /// Indexes every unit, group, task and share of `list`.
  explicit TaskIndex(const TaskList& list);

  /// Records that `name` (a unit's name or alias) is unit `position`; the
  /// first record of a name wins.
  void add_name(const std::string& name, int position) { units_.emplace(name, position); }
  /// Records group `position`.
  void add_group(const std::string& name, size_t position) { groups_.emplace(name, position); }
  /// Records every task of `list` and its shares.
  void add_tasks(const TaskList& list);

  /// The unit named `name_or_alias`, by its own name.
  std::optional<std::string> canonical_unit(const TaskList& list, const std::string& name_or_alias) const;
  /// True when `name` is a unit name or alias already recorded.
  bool is_unit(const std::string& name) const { return units_.count(name) != 0; }
  bool is_group(const std::string& name) const { return groups_.count(name) != 0; }
  /// The group named `name`, or nullptr.
  const Group* find_group(const TaskList& list, const std::string& name) const;
  /// The place in `units` of the unit with this own name (not an alias), or -1.
  int unit_index(const TaskList& list, const std::string& name) const;
  /// The task with this (normalized) id, or nullptr.
  const Task* find_task(const TaskList& list, const std::string& id) const;
  /// The id of `task`, a task of `list`, as a name held once for every entry on it.
  Name task_id(const TaskList& list, const Task& task) const;
  /// The names reported on `task`, a task of `list`; nullptr for a task it does not hold.
  const TaskNames* task_names(const TaskList& list, const Task& task) const;
  /// True when the unit named `unit` holds a share of `task`, a task of `list`.
  bool holds_share(const TaskList& list, const Task& task, Name unit) const;

 private:
  std::unordered_map<std::string, int> units_;  // name or alias -> place in units
  std::unordered_map<std::string, size_t> groups_;
  std::unordered_map<std::string, size_t> tasks_;
  // Bit task place * units_per_task_ + unit place: whether the unit holds a
  // share of the task. A bit, not a hashed pair: a list whose 2,000 tasks
  // each go to 500 communities has a million shares.
  std::vector<std::uint64_t> shares_;
  size_t units_per_task_ = 0;
  std::vector<Name> task_ids_;                                  // by place in tasks
  std::vector<TaskNames> task_names_;                           // by place in tasks
  std::unordered_map<Name, int, NameAddressHash> unit_places_;  // own names only
  // The place of `task` in `list`, which holds it; or of its id.
  std::optional<size_t> place_of(const TaskList& list, const Task& task) const;
};

}  // namespace duban
