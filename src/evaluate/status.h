// Deadline status (任务状态) of every task as of a date: the state of each
// unit's share, office closes and reopens, percent, light and overdue days.
// The rules are those of duban(5), section STATUS RULES.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "evaluate/goals.h"
#include "model/workspace.h"

namespace duban {

/// Where one unit stands on one task.
enum class ShareState { kNone, kNotStarted, kInProgress, kDone };

/// A task's status, in the order the reconciliation counts them.
enum class TaskState { kClosed, kDone, kOnTrack, kNotStarted, kDueSoon, kOverdue };

enum class Light { kRed, kYellow, kGreen, kNone };

/// One unit's part of a task.
struct ShareStatus {
  std::string unit;
  ShareState state = ShareState::kNone;
  std::optional<Date> last_report;  ///< date of the unit's latest entry
  std::optional<Date> done_date;    ///< start of the current run of 已完成
  int percent = 0;
  const Entry* latest = nullptr;  ///< the latest entry, for its texts
};

/// One task as of a date.
struct TaskStatus {
  const Task* task = nullptr;
  TaskState state = TaskState::kNotStarted;
  Light light = Light::kGreen;
  int percent = 0;
  std::optional<Date> done_date;
  std::optional<bool> on_time;
  int overdue_days = 0;
  std::optional<Date> close_date;   ///< when closed: the office's 已销号
  std::vector<ShareStatus> shares;  ///< in tasks.yaml unit order
  const Entry* office_action = nullptr;
  const Entry* settled_by = nullptr;  ///< the entry that made it done or closed
  Goals goals;
  std::vector<std::string>
      unmet;  ///< done or closed, yet targets or milestones short  ///< the office's latest 已销号 or 退回
  std::string progress;  ///< latest 本月进展 of each share, labelled by unit
  std::string problems;
  std::string next;

  /// Shares not done, for supervision.
  std::vector<std::string> open_units() const;
};

/// Every task of the list as of `as_of`, in id order.
struct StatusReport {
  Date as_of;
  std::vector<TaskStatus> tasks;
};

/// Sets the task's progress, problems and next-step texts from its shares'
/// latest entries and the office's latest action, keeping only entries dated
/// on or after `since` when given (a round's own texts).
void fill_texts(TaskStatus& t, std::optional<Date> since);

/// Applies the rules to the entries dated on or before `as_of`.
StatusReport evaluate_status(const Workspace& ws, Date as_of);

/// Status of one task, from the entries dated on or before `as_of`.
TaskStatus evaluate_task(const Workspace& ws, const Task& task, Date as_of);

const char* share_state_code(ShareState s);
const char* share_state_label(ShareState s);
const char* task_state_code(TaskState s);
const char* task_state_label(TaskState s);
const char* light_code(Light l);
/// 🔴 🟡 🟢 or empty.
const char* light_mark(Light l);

/// The task's status of all kinds, in counting order.
inline constexpr TaskState kTaskStates[] = {TaskState::kClosed,     TaskState::kDone,    TaskState::kOnTrack,
                                            TaskState::kNotStarted, TaskState::kDueSoon, TaskState::kOverdue};

}  // namespace duban
