#include "render/labels.h"

#include <doctest/doctest.h>

namespace duban {

TEST_CASE("shortfall labels: a member's target, the task's own, and a milestone's pending members") {
  const std::vector<Shortfall> unmet = {
      {ShortfallKind::kTarget, "加装电梯", std::nullopt, 12, 15},
      {ShortfallKind::kTarget, "调解队伍", "甲社区", std::nullopt, 1},
      {ShortfallKind::kTarget, "调解队伍", "乙社区", 0.5, 1},
      {ShortfallKind::kMilestone, "分析报告", std::nullopt, std::nullopt, std::nullopt},
      {ShortfallKind::kMilestone, "端午邻里节", "甲社区", std::nullopt, std::nullopt},
      {ShortfallKind::kMilestone, "端午邻里节", "乙社区", std::nullopt, std::nullopt},
      {ShortfallKind::kMilestone, "中秋邻里节", "乙社区", std::nullopt, std::nullopt},
  };
  CHECK(shortfall_labels(unmet) == std::vector<std::string>{"加装电梯 12/15", "调解队伍 甲社区 未报/1",
                                                            "调解队伍 乙社区 0.5/1", "分析报告 未达成",
                                                            "端午邻里节 未达成：甲社区、乙社区",
                                                            "中秋邻里节 未达成：乙社区"});
  CHECK(shortfall_labels({}).empty());
}

TEST_CASE("texts are labelled by unit unless a one-unit task's own text stands alone") {
  Task one;
  one.shares = {"甲社区"};
  TaskStatus t;
  t.task = &one;
  t.shares = {{"甲社区", ShareState::kInProgress, {}, {}, 0, nullptr}};
  CHECK(texts_cell(t, {{"甲社区", std::nullopt, "完成摸底"}}) == "完成摸底");
  CHECK(texts_cell(t, {}).empty());
  // The office's word is always labelled, with its action.
  CHECK(texts_cell(t, {{"甲社区", std::nullopt, "完成摸底"},
                       {"党政综合办公室", EntryStatus::kReopened, "资料不全"}}) ==
        "甲社区：完成摸底\n党政综合办公室（退回）：资料不全");
  CHECK(texts_cell(t, {{"党政综合办公室", EntryStatus::kClosed, "同意销号"}}) ==
        "党政综合办公室（已销号）：同意销号");
  t.shares.push_back({"乙社区", ShareState::kNone, {}, {}, 0, nullptr});
  CHECK(texts_cell(t, {{"乙社区", std::nullopt, "制定方案"}}) == "乙社区：制定方案");
}

TEST_CASE("every state, light and ranking part has a code and a label") {
  for (TaskState s : kTaskStates) {
    CHECK(std::string(task_state_code(s)).size() > 0);
    CHECK(std::string(task_state_label(s)).size() > 0);
  }
  CHECK(std::string(light_mark(Light::kRed)) == "🔴");
  CHECK(std::string(light_mark(Light::kNone)).empty());
  CHECK(std::string(light_word(Light::kYellow)) == "黄");
  CHECK(std::string(milestone_state_code(GoalState::kMet)) == "reached");
  CHECK(std::string(target_state_code(GoalState::kMet)) == "met");
  CHECK(std::string(goal_state_label(GoalState::kMet, true)) == "已达成");
  CHECK(std::string(rank_part_label(RankPart::kDuties)) == "常态化工作");
  CHECK(format_number(15) == "15");
  CHECK(format_number(98.5) == "98.5");
}

}  // namespace duban
