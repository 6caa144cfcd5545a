// How targets, milestones and duties read in the reports: ledger cells, the
// duty compliance table, the per-period grid of `status --task`, and JSON.
#pragma once

#include <string>

#include "evaluate/goals.h"
#include "evaluate/rounds.h"
#include "evaluate/status.h"
#include "render/json_writer.h"
#include "render/table.h"

namespace duban {

/// 加装电梯 9/15部 60%; 调解队伍 3/4个单位达标 — one line per target.
std::string targets_cell(const TaskStatus& t);

/// 两委班子运行情况分析 已达成 2024-05-28; 端午邻里节 3/4个单位达成（逾期）.
std::string milestones_cell(const TaskStatus& t);

/// ⚠ 未达标：加装电梯 12/15, or empty.
std::string unmet_note(const TaskStatus& t);

/// 加装电梯 12/15；调解队伍 甲社区 未报/1, or empty.
std::string unmet_cell(const TaskStatus& t);

/// 每周至少1次
std::string frequency(const Duty& d);

/// The first days of the judged periods of `r` that fell short and ended inside `window`.
std::vector<Date> short_periods(const DutyStatus& d, const DutyRecord& r, DateRange window);

/// Whose record a duty's is: the unit, and its item in brackets when the duty has items.
std::string duty_record_name(const DutyRecord& r);

/// Every duty's record per unit as of the report, and the periods that fell
/// short and ended inside `window` (the round's).
Table duty_compliance_table(const std::vector<const TaskStatus*>& tasks, DateRange window);

/// Each duty of a task as a grid: one line per unit, one mark per period.
std::string duty_grid(const TaskStatus& t);

/// targets, milestones, duties, unmet (labels) and shortfalls (structured)
/// of a task object.
void write_goals_json(JsonWriter& w, const TaskStatus& t);

}  // namespace duban
