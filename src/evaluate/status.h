// Deadline status (任务状态) of every task as of a date: the state of each
// unit's share, office closes and reopens, percent, light and overdue days,
// and the texts shown with the task. The rules are those of duban(5),
// STATUS RULES: As-of date and order, Shares, Office actions, Task status
// and Texts.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "evaluate/as_of.h"
#include "evaluate/deadline.h"
#include "evaluate/goals.h"
#include "model/workspace.h"

namespace duban {

/// Where one unit stands on one task.
enum class ShareState { kNone, kNotStarted, kInProgress, kDone };

/// A task's status, in the order the reconciliation counts them.
enum class TaskState { kClosed, kDone, kOnTrack, kNotStarted, kDueSoon, kOverdue };

/// One unit's part of a task.
struct ShareStatus {
  Name unit;
  ShareState state = ShareState::kNone;
  std::optional<Date> last_report;  ///< date of the unit's latest entry
  std::optional<Date> done_date;    ///< start of the current run of 已完成
  int percent = 0;
  const Entry* latest = nullptr;  ///< the latest entry, for its texts
};

/// One text shown with a task, and whose it is.
struct TaskText {
  Name unit;
  std::optional<EntryStatus> action;  ///< the office's 已销号 or 退回 it came with
  Text text;                          ///< the entry's own, held for the run
};

/// The texts shown with a task: the shares' in share order, then the office's.
struct TaskTexts {
  std::vector<TaskText> progress;  ///< 本月进展
  std::vector<TaskText> problems;  ///< 存在问题
  std::vector<TaskText> next;      ///< 下步计划
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
  std::optional<Date> close_date;        ///< when closed: the office's 已销号
  std::optional<Date> reopened;          ///< when the office's latest action is 退回: its date
  std::vector<ShareStatus> shares;       ///< in tasks.yaml unit order
  const Entry* office_action = nullptr;  ///< the office's latest 已销号 or 退回
  const Entry* settled_by = nullptr;     ///< the entry that made it done or closed
  Goals goals;
  std::vector<Shortfall> unmet;  ///< done or closed, yet targets or milestones short
  TaskTexts texts;

  /// Shares not done, for supervision.
  std::vector<Name> open_units() const;
  /// Done, or closed by the office.
  bool settled() const { return state == TaskState::kClosed || state == TaskState::kDone; }
};

/// Every task of the list as of `as_of`, in id order.
struct StatusReport {
  Date as_of;
  std::vector<TaskStatus> tasks;
  std::vector<RejectedFile> rejected;  ///< files left out that may bear on it
  bool sample = false;                 ///< computed from sample data (示例数据)
};

/// Applies the rules to the entries that count as of `as_of`; texts come
/// from entries dated on or after `texts_since` when given (a round's own).
StatusReport evaluate_status(const Workspace& ws, AsOf as_of, std::optional<Date> texts_since = std::nullopt);

/// Status of one task, from the entries that count as of `as_of`.
TaskStatus evaluate_task(const Workspace& ws, const Task& task, AsOf as_of,
                         std::optional<Date> texts_since = std::nullopt);

/// The shares and state of one task, without its goals and texts: what a
/// round's reporting needs.
TaskStatus evaluate_shares(const Workspace& ws, const Task& task, AsOf as_of);

/// The task's status of all kinds, in counting order.
inline constexpr TaskState kTaskStates[] = {TaskState::kClosed,     TaskState::kDone,    TaskState::kOnTrack,
                                            TaskState::kNotStarted, TaskState::kDueSoon, TaskState::kOverdue};

}  // namespace duban
