// The layout of the report form (进度报送表) that `duban template` writes
// and `duban import` reads back: the labels of its header block and of its
// columns. Both sides take them from here, so that what one writes the
// other finds, whatever columns a clerk's program moved or restyled.
#pragma once

#include <string>

#include "model/task_list.h"

namespace duban {

/// The sheet that holds the form, and the one with the rules.
inline constexpr const char* kFormSheet = "填报";
inline constexpr const char* kRulesSheet = "说明";

/// Labels of the header block: each is followed, in its row, by its value.
inline constexpr const char* kFormUnit = "单位";
inline constexpr const char* kFormMonth = "报送月份";
inline constexpr const char* kFormReportDay = "报送日";
inline constexpr const char* kFormFillDate = "填报日期";

/// Headers of the fixed columns, in the order the template writes them.
inline constexpr const char* kColumnId = "序号";
inline constexpr const char* kColumnTask = "任务";
inline constexpr const char* kColumnDue = "完成时限";
inline constexpr const char* kColumnLastStatus = "上次状态";
inline constexpr const char* kColumnLastPercent = "上次进度";
inline constexpr const char* kColumnStatus = "状态";
inline constexpr const char* kColumnPercent = "进度（%）";
inline constexpr const char* kColumnProgress = "本月进展";
inline constexpr const char* kColumnProblems = "存在问题";
inline constexpr const char* kColumnNext = "下步计划";

/// 目标：加装电梯（部） — the column of a target's value.
std::string target_column(const Target& target);
/// 节点：两委班子运行情况分析（达成日期） — the column of a milestone.
std::string milestone_column(const Milestone& milestone);
/// 常态化：网格员技能比武（本期开展日期） — the column of a duty's dates.
std::string duty_column(const Duty& duty);

}  // namespace duban
