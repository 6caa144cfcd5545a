// A small workspace built in code for the rule tests: an office, two
// communities in the group 各社区, and tasks owned by them.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "model/workspace.h"

namespace duban::testing {

inline Date day(const char* iso) { return *parse_iso_date(iso); }

/// Office 党政综合办公室 (alias 党政办), communities 甲社区 and 乙社区 in
/// 各社区; reporting day 10, warn_days 30, rounds 2024-05 to 2024-12.
inline TaskList small_list() {
  TaskList list;
  list.title = "测试清单";
  list.issued = day("2024-04-08");
  list.reporting = {"党政综合办公室", 10, 30, 5, 0, Month::of(2024, 5), Month::of(2024, 12), {}, false};
  list.units = {{"党政综合办公室", {"党政办"}}, {"甲社区", {}}, {"乙社区", {}}};
  list.groups = {{"各社区", {"甲社区", "乙社区"}}};
  list.sections = {{"一"}};
  return list;
}

/// A task owned by `owners` (resolved names), due on `due`.
inline Task make_task(const std::string& id, std::vector<std::string> owners, std::vector<std::string> shares,
                      const char* due) {
  Task t;
  t.id = id;
  t.title = "任务" + id;
  t.owners = std::move(owners);
  t.shares.assign(shares.begin(), shares.end());
  t.due = {day(due), due};
  return t;
}

/// An entry; position breaks ties between entries of the same day.
inline Entry make_entry(const char* date, const std::string& unit, const std::string& task,
                        EntryStatus status, std::optional<int> percent = std::nullopt) {
  static int position = 0;
  Entry e;
  e.path = "progress/x.yaml";
  e.position = position++;
  e.date = day(date);
  e.unit = unit;
  e.task = task;
  e.status = status;
  e.percent = percent;
  return e;
}

/// The workspace with `entries` sorted as the loader sorts them.
inline Workspace make_workspace(TaskList list, std::vector<Entry> entries) {
  std::stable_sort(entries.begin(), entries.end(), entry_before);
  Workspace ws;
  ws.list = std::move(list);
  ws.entries = std::move(entries);
  return ws;
}

}  // namespace duban::testing
