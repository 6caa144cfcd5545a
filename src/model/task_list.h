// The yearly work list (工作清单) as plain data: units, groups, sections and
// tasks with their milestones, numeric targets and recurring duties. Built by
// load/ from tasks.yaml; read by evaluate/ and render/.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/calendar.h"
#include "model/date.h"
#include "model/due_date.h"
#include "model/interned_name.h"
#include "model/period.h"

namespace duban {

/// A department or community that owns work and reports progress.
struct Unit {
  std::string name;
  std::vector<std::string> aliases;
  bool reports = true;  ///< false: an owner that owes no progress reports (a partner outside the street)
};

/// A name standing for several units (各社区).
struct Group {
  std::string name;
  std::vector<std::string> members;  ///< canonical unit names, in tasks.yaml order
};

/// A dated intermediate result of a task (节点).
struct Milestone {
  std::string name;
  DueDate due;                     ///< its own, or the task's
  std::optional<std::string> per;  ///< group whose every member must reach it, or the one unit that must
  bool per_unit = false;           ///< `per` names a single unit
};

/// A numeric goal of a task (目标).
struct Target {
  std::string name;
  double value = 0;
  std::string unit;                ///< 部, 个, %
  DueDate due;                     ///< its own, or the task's
  std::optional<std::string> per;  ///< group whose every member must reach it, or the one unit that must
  bool per_unit = false;           ///< `per` names a single unit
  bool at_most = false;            ///< a ceiling: met at or below `value`
};

/// A recurring duty (常态化): at least `times` per period.
struct Duty {
  std::string name;
  Period every = Period::kMonth;
  int times = 1;
  std::optional<std::string> per;  ///< group whose every member must hold it, or the one unit that must
  bool per_unit = false;           ///< `per` names a single unit
  std::vector<std::string> items;  ///< each must be held `times` in each period (红石榴驿站: 职工之家 ...)
  std::optional<Date> from;        ///< first day a period may start on to be required, when later than issued
  Date until;                      ///< last day a period may end on to be required
};

/// One numbered item of the list.
struct Task {
  std::string id;  ///< "4", "12.1"
  std::string title;
  std::string content;
  int section = 0;                  ///< index into TaskList::sections
  std::vector<std::string> owners;  ///< as resolved: unit or group names; first is the lead
  std::vector<Name> shares;         ///< owners expanded to units, no repeats
  DueDate due;
  std::vector<Milestone> milestones;
  std::vector<Target> targets;
  std::vector<Duty> duties;
  std::string carried_from;  ///< the id of the task it continues in last year's list (上年结转)

  const std::string& lead() const { return owners.front(); }
};

/// A titled part of the list (一、夯实基层组织).
struct Section {
  std::string title;
};

/// What happens to a report day that is not a working day.
enum class DayShift {
  kNone,         ///< the round closes on it all the same
  kNextWorkday,  ///< it moves to the next working day by the calendar
};

/// How and when progress is reported and reconciled.
struct Reporting {
  std::string office;   ///< the unit that reconciles and closes tasks
  int day = 10;         ///< progress is due by this day of each month
  int warn_days = 30;   ///< open work due within this many days is 临期
  int reply_days = 5;   ///< a 督办通知 asks for an answer this many days after R(M)
  int settle_days = 0;  ///< the office's 已销号/退回 this many days after R(M) belong to round M
  Month first;
  Month last;
  std::optional<int> reply_workdays;  ///< when set, the answer is due this many working days after R(M)
  bool on_time_by_commit = false;     ///< on_time: commit, a report counts from its first commit's date
  DayShift day_shift = DayShift::kNone;
};

/// Weights of the bi-monthly ranking's components (每双月考核排名).
struct RankingWeights {
  double reporting = 30;   ///< on-time reports over the period's rounds
  double completion = 30;  ///< done shares among those due by the period's end
  double overdue = 20;     ///< shares not overdue among those due by the as-of date
  double duties = 10;      ///< compliant duty periods
  double targets = 10;     ///< attainment of per-unit targets
};

/// Who is ranked and how.
struct Ranking {
  std::string group = "各社区";
  RankingWeights weights;
};

/// The whole work list.
struct TaskList {
  std::string title;
  std::string issuer;
  Date issued;
  Reporting reporting;
  std::vector<Unit> units;
  std::vector<Group> groups;
  std::vector<Section> sections;
  std::vector<Task> tasks;  ///< in document order
  Ranking ranking;
  WorkCalendar calendar;  ///< the statutory table and the list's own `calendar` days

  const Task* find_task(const std::string& id) const;
  const Group* find_group(const std::string& name) const;
  /// The units a `per` names: a group's members, or the one unit.
  std::vector<std::string> members_of(const std::string& per) const;
  /// Position of a unit in tasks.yaml order, or -1.
  int unit_index(const std::string& name) const;
  /// The unit that leads a task: its first owner, or that group's first member.
  std::string lead_unit(const Task& task) const;
  /// The canonical unit name for a name or alias, or nothing.
  std::optional<std::string> canonical_unit(const std::string& name_or_alias) const;
};

/// Compares two task ids numerically by segment: 2 < 10 < 12.1.
bool task_id_less(const std::string& a, const std::string& b);

/// The id with leading zeros dropped from each segment ("04" -> "4"), or
/// nothing when it is not digits, optionally dotted.
std::optional<std::string> normalize_task_id(const std::string& text);

}  // namespace duban
