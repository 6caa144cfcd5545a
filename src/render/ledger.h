// Pieces shared by the status and reconciliation reports: how a task's
// status, deadline and reporting read in a cell, and a task as JSON.
#pragma once

#include <string>

#include "evaluate/reconcile.h"
#include "evaluate/status.h"
#include "render/json_writer.h"

namespace duban {

/// 2024-06-30（2024年6月前）, or the ISO date alone when written so.
std::string due_cell(const DueDate& due);

/// 逾期 12 天, 已销号（2024-06-05）, 正常推进 ...
std::string status_words(const TaskStatus& t);

/// 🔴 逾期 12 天: the light, then the words.
std::string status_cell(const TaskStatus& t);

/// 本月进展, 存在问题 and 下步计划 of a task, each as one cell.
std::string progress_cell(const TaskStatus& t);
std::string problems_cell(const TaskStatus& t);
std::string next_cell(const TaskStatus& t);

/// 按时报送 4/4; 未报送：示例甲社区 (3/4); 无需报送.
std::string reporting_cell(const RoundReporting& r);

/// The owners as the list names them: 党政综合办公室、各社区.
std::string owners_cell(const Task& t);

/// 2024年6月10日
std::string chinese_date(Date d);

/// One task object of the status and reconcile JSON (duban(1), JSON OUTPUT).
void write_task_json(JsonWriter& w, const TaskList& list, const TaskStatus& t);

}  // namespace duban
