// Every word, mark and number format the reports give to evaluate/'s values:
// the JSON codes and the Chinese labels of states, lights and ranking parts,
// shortfalls as 加装电梯 12/15, and texts labelled by their unit.
#pragma once

#include <string>
#include <vector>

#include "evaluate/goals.h"
#include "evaluate/ranking.h"
#include "evaluate/status.h"

namespace duban {

/// none | not_started | in_progress | done
const char* share_state_code(ShareState s);
/// 未报送 | 未启动 | 推进中 | 已完成
const char* share_state_label(ShareState s);
/// closed | done | on_track | not_started | due_soon | overdue
const char* task_state_code(TaskState s);
/// 已销号 | 已完成待销号 | 正常推进 | 未启动 | 临期 | 逾期
const char* task_state_label(TaskState s);
/// red | yellow | green | none
const char* light_code(Light l);
/// 🔴 🟡 🟢 or empty.
const char* light_mark(Light l);
/// 红 / 黄 / 绿 / empty, for spreadsheets.
const char* light_word(Light l);

/// met | on_track | due_soon | overdue (targets).
const char* target_state_code(GoalState s);
/// reached | on_track | due_soon | overdue (milestones).
const char* milestone_state_code(GoalState s);
/// 已完成 / 已达成 | 正常推进 | 临期 | 逾期
const char* goal_state_label(GoalState s, bool milestone);

/// reporting, completion, overdue, duties, targets
const char* rank_part_code(RankPart p);
/// 按时报送, 任务完成, 未逾期, 常态化工作, 目标达成
const char* rank_part_label(RankPart p);

/// A number without needless decimals: 15, 98.5.
std::string format_number(double v);

/// With reporting.on_time: commit, the line a report's header carries to say
/// so; empty otherwise.
std::string on_time_note(const TaskList& list);

/// 加装电梯 12/15, 调解队伍 甲社区 未报/1, 端午邻里节 未达成：甲社区、乙社区 —
/// one label per target shortfall, one per milestone (its pending members joined).
std::vector<std::string> shortfall_labels(const std::vector<Shortfall>& unmet);

/// A task's texts of one kind as one cell: the text alone when it is the
/// only unit's own, else a line per text after its unit's name (and the
/// office's action, 党政综合办公室（退回）：…).
std::string texts_cell(const TaskStatus& t, const std::vector<TaskText>& texts);

}  // namespace duban
