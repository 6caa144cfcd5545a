#include "load/task_index.h"

#include <functional>

namespace duban {
namespace {

template <typename Item>
std::vector<Name> held_names(const std::vector<Item>& items) {
  std::vector<Name> names;
  names.reserve(items.size());
  for (const Item& i : items) names.emplace_back(i.name);
  return names;
}

}  // namespace

TaskIndex::TaskIndex(const TaskList& list) {
  for (size_t i = 0; i < list.units.size(); ++i) {
    add_name(list.units[i].name, static_cast<int>(i));
    for (const std::string& alias : list.units[i].aliases) add_name(alias, static_cast<int>(i));
  }
  for (size_t i = 0; i < list.groups.size(); ++i) add_group(list.groups[i].name, i);
  add_tasks(list);
}

void TaskIndex::add_tasks(const TaskList& list) {
  for (size_t i = 0; i < list.units.size(); ++i)
    unit_places_.emplace(list.units[i].name, static_cast<int>(i));
  task_ids_.resize(list.tasks.size());
  task_names_.resize(list.tasks.size());
  units_per_task_ = list.units.size();
  shares_.assign((list.tasks.size() * units_per_task_ + 63) / 64, 0);
  for (size_t i = 0; i < list.tasks.size(); ++i) {
    const Task& task = list.tasks[i];
    tasks_.emplace(task.id, i);
    task_ids_[i] = task.id;
    TaskNames& names = task_names_[i];
    names.targets = held_names(task.targets);
    names.milestones = held_names(task.milestones);
    names.duties = held_names(task.duties);
    for (const Duty& duty : task.duties) names.items.emplace_back(duty.items.begin(), duty.items.end());
    for (const std::string& unit : list.tasks[i].shares) {
      const int u = unit_index(list, unit);
      if (u < 0) continue;  // not a unit of the list: reported when the list was read
      const size_t bit = i * units_per_task_ + static_cast<size_t>(u);
      shares_[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
  }
}

std::optional<std::string> TaskIndex::canonical_unit(const TaskList& list,
                                                     const std::string& name_or_alias) const {
  const auto it = units_.find(name_or_alias);
  if (it == units_.end()) return std::nullopt;
  return list.units[static_cast<size_t>(it->second)].name;
}

const Group* TaskIndex::find_group(const TaskList& list, const std::string& name) const {
  const auto it = groups_.find(name);
  return it == groups_.end() ? nullptr : &list.groups[it->second];
}

int TaskIndex::unit_index(const TaskList& list, const std::string& name) const {
  const auto it = units_.find(name);
  if (it == units_.end() || list.units[static_cast<size_t>(it->second)].name != name) return -1;
  return it->second;
}

const Task* TaskIndex::find_task(const TaskList& list, const std::string& id) const {
  const auto it = tasks_.find(id);
  return it == tasks_.end() ? nullptr : &list.tasks[it->second];
}

std::optional<size_t> TaskIndex::place_of(const TaskList& list, const Task& task) const {
  const std::less<const Task*> before;
  if (!list.tasks.empty() && !before(&task, list.tasks.data()) &&
      before(&task, list.tasks.data() + list.tasks.size())) {
    return static_cast<size_t>(&task - list.tasks.data());
  }
  const auto it = tasks_.find(task.id);
  if (it == tasks_.end()) return std::nullopt;
  return it->second;
}

Name TaskIndex::task_id(const TaskList& list, const Task& task) const {
  const auto place = place_of(list, task);
  return place && *place < task_ids_.size() ? task_ids_[*place] : Name(task.id);
}

const TaskNames* TaskIndex::task_names(const TaskList& list, const Task& task) const {
  const auto place = place_of(list, task);
  return place && *place < task_names_.size() ? &task_names_[*place] : nullptr;
}

bool TaskIndex::holds_share(const TaskList& list, const Task& task, Name unit) const {
  const auto place = place_of(list, task);
  const auto u = unit_places_.find(unit);
  if (!place || u == unit_places_.end() || *place * units_per_task_ >= shares_.size() * 64) return false;
  const size_t bit = *place * units_per_task_ + static_cast<size_t>(u->second);
  return (shares_[bit / 64] >> (bit % 64) & 1) != 0;
}

}  // namespace duban
