#include "render/labels.h"

#include <fmt/format.h>

#include "model/entry.h"

namespace duban {

const char* share_state_code(ShareState s) {
  static constexpr const char* kCodes[] = {"none", "not_started", "in_progress", "done"};
  return kCodes[static_cast<int>(s)];
}

const char* share_state_label(ShareState s) {
  static constexpr const char* kLabels[] = {"未报送", "未启动", "推进中", "已完成"};
  return kLabels[static_cast<int>(s)];
}

const char* task_state_code(TaskState s) {
  static constexpr const char* kCodes[] = {"closed",      "done",     "on_track",
                                           "not_started", "due_soon", "overdue"};
  return kCodes[static_cast<int>(s)];
}

const char* task_state_label(TaskState s) {
  static constexpr const char* kLabels[] = {"已销号", "已完成待销号", "正常推进", "未启动", "临期", "逾期"};
  return kLabels[static_cast<int>(s)];
}

const char* light_code(Light l) {
  static constexpr const char* kCodes[] = {"red", "yellow", "green", "none"};
  return kCodes[static_cast<int>(l)];
}

const char* light_mark(Light l) {
  static constexpr const char* kMarks[] = {"🔴", "🟡", "🟢", ""};
  return kMarks[static_cast<int>(l)];
}

const char* light_word(Light l) {
  static constexpr const char* kWords[] = {"红", "黄", "绿", ""};
  return kWords[static_cast<int>(l)];
}

const char* target_state_code(GoalState s) {
  static constexpr const char* kCodes[] = {"met", "on_track", "due_soon", "overdue"};
  return kCodes[static_cast<int>(s)];
}

const char* milestone_state_code(GoalState s) {
  return s == GoalState::kMet ? "reached" : target_state_code(s);
}

const char* goal_state_label(GoalState s, bool milestone) {
  static constexpr const char* kLabels[] = {"", "正常推进", "临期", "逾期"};
  if (s == GoalState::kMet) return milestone ? "已达成" : "已完成";
  return kLabels[static_cast<int>(s)];
}

const char* rank_part_code(RankPart p) {
  static constexpr const char* kCodes[] = {"reporting", "completion", "overdue", "duties", "targets"};
  return kCodes[static_cast<int>(p)];
}

const char* rank_part_label(RankPart p) {
  static constexpr const char* kLabels[] = {"按时报送", "任务完成", "未逾期", "常态化工作", "目标达成"};
  return kLabels[static_cast<int>(p)];
}

std::string format_number(double v) { return fmt::format("{}", v); }

std::vector<std::string> shortfall_labels(const std::vector<Shortfall>& unmet) {
  std::vector<std::string> out;
  for (size_t i = 0; i < unmet.size(); ++i) {
    const Shortfall& s = unmet[i];
    if (s.kind == ShortfallKind::kTarget) {
      const std::string value = s.value ? format_number(*s.value) : "未报";
      const std::string goal = (s.at_most ? "≤" : "") + format_number(s.goal.value_or(0));
      out.push_back(s.unit ? fmt::format("{} {} {}/{}", s.what, *s.unit, value, goal)
                           : fmt::format("{} {}/{}", s.what, value, goal));
      continue;
    }
    // A milestone's pending members stand one after another: one label.
    std::vector<std::string> pending;
    for (; i < unmet.size() && unmet[i].kind == ShortfallKind::kMilestone && unmet[i].what == s.what &&
           unmet[i].unit;
         ++i) {
      pending.push_back(*unmet[i].unit);
    }
    if (pending.empty()) {
      out.push_back(fmt::format("{} 未达成", s.what));
    } else {
      --i;
      out.push_back(fmt::format("{} 未达成：{}", s.what, fmt::join(pending, "、")));
    }
  }
  return out;
}

std::string texts_cell(const TaskStatus& t, const std::vector<TaskText>& texts) {
  if (texts.size() == 1 && t.shares.size() == 1 && !texts[0].action) return texts[0].text.str();
  std::string out;
  for (const TaskText& x : texts) {
    if (!out.empty()) out += "\n";
    out += x.action ? fmt::format("{}（{}）：{}", x.unit, entry_status_label(*x.action), x.text)
                    : fmt::format("{}：{}", x.unit, x.text);
  }
  return out;
}

std::string on_time_note(const TaskList& list) {
  return list.reporting.on_time_by_commit ? "按时报送以首次提交到 git 的日期为准（reporting.on_time: commit）"
                                          : "";
}

}  // namespace duban
