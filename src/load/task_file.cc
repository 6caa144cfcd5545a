#include "load/task_file.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_set>

#include <fmt/format.h>

#include "load/field_reader.h"
#include "load/safe_names.h"
#include "load/task_index.h"
#include "load/yaml_tree.h"
#include "model/calendar.h"
#include "model/text.h"

namespace duban {
namespace {

const std::vector<std::string> kTopKeys = {"title",  "issuer",   "issued",  "reporting", "units",
                                           "groups", "sections", "ranking", "calendar"};
const std::vector<std::string> kCalendarKeys = {"off", "work"};
const std::vector<std::string> kRankingKeys = {"group", "weights"};
const std::vector<std::string> kWeightKeys = {"reporting", "completion", "overdue", "duties", "targets"};
const std::vector<std::string> kReportingKeys = {"office",         "day",      "warn_days", "reply_days",
                                                 "settle_days",    "first",    "last",      "on_time",
                                                 "reply_workdays", "day_shift"};
const std::vector<std::string> kUnitKeys = {"name", "aliases", "reports"};
const std::vector<std::string> kSectionKeys = {"title", "tasks"};
const std::vector<std::string> kTaskKeys = {"id",         "title",   "content", "owners",      "due",
                                            "milestones", "targets", "duties",  "carried_from"};
const std::vector<std::string> kMilestoneKeys = {"name", "due", "per"};
const std::vector<std::string> kTargetKeys = {"name", "value", "unit", "due", "per", "at_most"};
const std::vector<std::string> kDutyKeys = {"name", "every", "times", "per", "until", "items", "from"};
// The longest run of days off or worked a `calendar` entry may give.
constexpr int kMaxCalendarRun = 31;

// Reads one tasks.yaml; one instance per file.
class TaskFileReader {
 public:
  TaskFileReader(const std::string& path, std::vector<Diagnostic>& out) : r_(path, out) {}

  void read(const YamlNode& root, TaskList& list) {
    if (!r_.expect_map(root, "tasks.yaml", kTopKeys)) return;
    if (const YamlNode* v = r_.required(root, "title", "清单")) {
      list.title = r_.text(*v).value_or("");
    }
    list.issuer = r_.optional_text(root.find("issuer"));
    if (const YamlNode* v = r_.required(root, "issued", "清单")) {
      if (auto d = r_.date(*v)) {
        list.issued = *d;
        year_ = d->year();
        r_.set_example_year(d->year());
      }
    }
    if (const YamlNode* v = root.find("units")) read_units(*v, list);
    if (const YamlNode* v = root.find("groups")) read_groups(*v, list);
    if (const YamlNode* v = r_.required(root, "reporting", "清单")) read_reporting(*v, list);
    if (const YamlNode* v = r_.required(root, "sections", "清单")) read_sections(*v, list);
    if (const YamlNode* v = root.find("ranking")) read_ranking(*v, list);
    if (const YamlNode* v = root.find("calendar")) read_calendar(*v, list);
    apply_reporting_defaults(root, list);
    warn_uncovered_years(list);
    index_.add_tasks(list);
  }

  /// The index of the list read, as far as it could be read.
  TaskIndex take_index() { return std::move(index_); }

 private:
  // Every name a unit reference may use, for "did you mean".
  std::vector<std::string> reference_names(const TaskList& list) const {
    std::vector<std::string> names;
    for (const Unit& u : list.units) {
      names.push_back(u.name);
      names.insert(names.end(), u.aliases.begin(), u.aliases.end());
    }
    for (const Group& g : list.groups) names.push_back(g.name);
    return names;
  }

  void unknown_unit(const TaskList& list, const std::string& name, Pos at) {
    // Comparing with every name costs time in the list's length: only for
    // the messages a person will read.
    const std::string suggestion = r_.few_errors() ? closest_match(name, reference_names(list)) : "";
    r_.error(at, suggestion.empty()
                     ? fmt::format("未定义的单位或分组“{}”：请先在 units 或 groups 中定义", name)
                     : fmt::format("未定义的单位或分组“{}”：是不是“{}”？", name, suggestion));
  }

  // A name that is not a safe file name is reported and still claimed, so
  // that the places using it are not reported as well.
  bool claim_name(const std::string& name, Pos at) {
    if (std::string problem = file_name_problem(name); !problem.empty()) r_.error(at, std::move(problem));
    if (index_.is_unit(name) || index_.is_group(name)) {
      r_.error(at, fmt::format("名称“{}”已被别的单位、别名或分组使用：每个名称只能指一个单位或分组", name));
      return false;
    }
    return true;
  }

  void read_units(const YamlNode& node, TaskList& list) {
    for (const YamlNode* item : r_.list(node)) {
      if (!r_.expect_map(*item, "单位", kUnitKeys)) continue;
      const YamlNode* name = r_.required(*item, "name", "单位");
      if (name == nullptr) continue;
      auto text = r_.text(*name);
      if (!text || !claim_name(*text, name->pos)) continue;
      const int position = static_cast<int>(list.units.size());
      index_.add_name(*text, position);
      Unit unit{*text, {}};
      if (const YamlNode* aliases = item->find("aliases")) {
        for (auto& [alias, at] : r_.texts(*aliases)) {
          if (!claim_name(alias, at)) continue;
          unit.aliases.push_back(alias);
          index_.add_name(alias, position);
        }
      }
      if (const YamlNode* reports = item->find("reports")) {
        unit.reports = r_.boolean(*reports).value_or(true);
        if (!unit.reports) silent_units_.emplace(unit.name, reports->pos);
      }
      list.units.push_back(std::move(unit));
    }
  }

  void read_groups(const YamlNode& node, TaskList& list) {
    if (!node.is_map()) {
      r_.error(FieldReader::where(node), "“groups”应写成“分组名: [单位甲, 单位乙]”的形式");
      return;
    }
    for (const YamlNode& member : node.children) {
      if (!claim_name(member.key, member.key_pos)) continue;
      Group group{member.key, {}};
      std::unordered_set<std::string> members;
      for (auto& [name, at] : r_.texts(member)) {
        auto unit = index_.canonical_unit(list, name);
        if (!unit) {
          if (index_.is_group(name)) {
            r_.error(at, fmt::format("分组成员“{}”是一个分组：分组里只能列单位", name));
          } else {
            unknown_unit(list, name, at);
          }
        } else if (members.insert(*unit).second) {
          group.members.push_back(*unit);
        }
      }
      if (group.members.empty()) {
        r_.error(FieldReader::where(member), fmt::format("分组“{}”没有成员：请列出其中的单位", member.key));
      }
      std::sort(group.members.begin(), group.members.end(), [&](const auto& a, const auto& b) {
        return index_.unit_index(list, a) < index_.unit_index(list, b);
      });
      list.groups.push_back(std::move(group));
      index_.add_group(list.groups.back().name, list.groups.size() - 1);
    }
  }

  void read_reporting(const YamlNode& node, TaskList& list) {
    if (!r_.expect_map(node, "“reporting”", kReportingKeys)) return;
    Reporting& rep = list.reporting;
    if (const YamlNode* v = r_.required(node, "office", "“reporting”")) {
      if (auto name = r_.text(*v)) {
        if (auto unit = index_.canonical_unit(list, *name)) {
          rep.office = *unit;
          // duban(5) THE WORK LIST, units: the office closes tasks by its own entries.
          if (const auto silent = silent_units_.find(*unit); silent != silent_units_.end()) {
            r_.error(silent->second, fmt::format("“{}”是负责对账销号的单位（reporting.office），"
                                                 "要录入销号和退回，不能设 reports: false：请删去这一行",
                                                 *unit));
          }
        } else {
          unknown_unit(list, *name, v->pos);
        }
      }
    }
    if (const YamlNode* v = node.find("day")) rep.day = r_.integer(*v, 1, 31).value_or(rep.day);
    if (const YamlNode* v = node.find("warn_days")) {
      rep.warn_days = r_.integer(*v, 0, 366).value_or(rep.warn_days);
    }
    if (const YamlNode* v = node.find("reply_days")) {
      rep.reply_days = r_.integer(*v, 0, 366).value_or(rep.reply_days);
    }
    if (const YamlNode* v = node.find("reply_workdays")) {
      rep.reply_workdays = r_.integer(*v, 1, 60);
      if (rep.reply_workdays) workday_uses_.push_back({v->pos, std::nullopt});
    }
    if (const YamlNode* v = node.find("settle_days")) {
      rep.settle_days = r_.integer(*v, 0, 20).value_or(rep.settle_days);
    }
    if (const YamlNode* v = node.find("on_time")) {
      if (auto rule = r_.text(*v)) {
        if (*rule == "date" || *rule == "commit") {
          rep.on_time_by_commit = *rule == "commit";
        } else {
          r_.error(v->pos,
                   fmt::format("“on_time”应为 date（按进度写明的日期判定按时报送）或 commit（按首次提交到 "
                               "git 的日期判定），这里是“{}”",
                               *rule));
        }
      }
    }
    if (const YamlNode* v = node.find("day_shift")) {
      if (auto rule = r_.text(*v)) {
        if (*rule == "none" || *rule == "next_workday") {
          rep.day_shift = *rule == "none" ? DayShift::kNone : DayShift::kNextWorkday;
          // The report days are judged by the calendar: every round's year must be in it.
          if (rep.day_shift == DayShift::kNextWorkday) workday_uses_.push_back({v->pos, std::nullopt});
        } else {
          r_.error(v->pos, fmt::format("“day_shift”应为 none（报送日逢节假日、周末也不顺延）或 next_workday"
                                       "（顺延到下一个工作日），这里是“{}”",
                                       *rule));
        }
      }
    }
    if (const YamlNode* v = node.find("first")) first_ = r_.month(*v);
    if (const YamlNode* v = node.find("last")) last_ = r_.month(*v);
  }

  // The list's own days off and working days (duban(5) WORKING DAYS).
  void read_calendar(const YamlNode& node, TaskList& list) {
    if (!r_.expect_map(node, "“calendar”", kCalendarKeys)) return;
    WorkCalendar& cal = list.calendar;
    for (auto [key, days, other] :
         {std::tuple{"off", &cal.off, &cal.work}, std::tuple{"work", &cal.work, &cal.off}}) {
      const YamlNode* v = node.find(key);
      if (v == nullptr) continue;
      for (const YamlNode* item : r_.list(*v)) {
        auto span = r_.day_span(*item);
        if (!span) continue;
        if (span->last - span->first >= kMaxCalendarRun) {
          r_.error(item->pos, fmt::format("日期范围“{}”超过 {} 天：放假或调休请按国务院办公厅通知逐段列出",
                                          item->text, kMaxCalendarRun));
          continue;
        }
        for (Date d = span->first; d <= span->last; d = d + 1) {
          if (other->count(d) != 0) {
            r_.error(
                item->pos,
                fmt::format("{} 同时列在 calendar 的 off 和 work 中：一天只能是放假或上班之一", d.iso()));
          } else {
            days->insert(d);
          }
        }
      }
    }
  }

  // duban(5) WORKING DAYS: a year the calendar lacks is judged by the
  // weekday alone; said once per year, where working days are first needed.
  void warn_uncovered_years(const TaskList& list) {
    std::set<int> warned;
    for (const auto& [at, span] : workday_uses_) {
      const int first = span ? span->first.year() : list.reporting.first.year();
      const int last = span ? span->last.year() : (list.reporting.last + 1).year();
      for (int year = first; year <= last; ++year) {
        if (list.calendar.covers(year) || !warned.insert(year).second) continue;
        r_.warning(
            at, fmt::format(
                    "工作日历中没有 {} 年的法定节假日和调休安排：该年暂按周一至周五上班、周六周日休息计算。"
                    "请在 tasks.yaml 的 calendar 中按国务院办公厅的通知补上该年的放假日期（off）"
                    "和调休上班日期（work）",
                    year));
      }
    }
  }

  void read_ranking(const YamlNode& node, TaskList& list) {
    if (!r_.expect_map(node, "“ranking”", kRankingKeys)) return;
    Ranking& ranking = list.ranking;
    if (const YamlNode* v = node.find("group")) {
      if (auto name = r_.text(*v)) {
        if (index_.is_group(*name)) {
          ranking.group = *name;
        } else if (index_.canonical_unit(list, *name)) {
          r_.error(v->pos, fmt::format("“ranking.group”应为分组（如 各社区），“{}”是单个单位", *name));
        } else {
          unknown_unit(list, *name, v->pos);
        }
      }
    }
    if (const YamlNode* v = node.find("weights")) {
      if (!r_.expect_map(*v, "“weights”", kWeightKeys)) return;
      RankingWeights& w = ranking.weights;
      for (auto [key, field] : {std::pair{"reporting", &w.reporting}, std::pair{"completion", &w.completion},
                                std::pair{"overdue", &w.overdue}, std::pair{"duties", &w.duties},
                                std::pair{"targets", &w.targets}}) {
        if (const YamlNode* weight = v->find(key)) *field = r_.number(*weight).value_or(*field);
      }
    }
  }

  void apply_reporting_defaults(const YamlNode& root, TaskList& list) {
    Reporting& rep = list.reporting;
    Date latest = list.issued;
    for (const Task& t : list.tasks) {
      latest = std::max(latest, t.due.date);
      for (const Milestone& m : t.milestones) latest = std::max(latest, m.due.date);
      for (const Target& g : t.targets) latest = std::max(latest, g.due.date);
    }
    rep.first = first_.value_or(Month::containing(list.issued) + 1);
    rep.last = last_.value_or(Month::containing(latest) + 1);
    if (rep.first > rep.last) {
      const YamlNode* node = root.find("reporting");
      r_.error(node ? node->pos : root.pos,
               fmt::format("报送轮次的起止月份颠倒（first {} 晚于 last {}）：请改正", rep.first.iso(),
                           rep.last.iso()));
    }
  }

  void read_sections(const YamlNode& node, TaskList& list) {
    if (!node.is_sequence()) {
      r_.error(FieldReader::where(node), "“sections”应为列表，每项是一个部分（title 与 tasks）");
      return;
    }
    for (const YamlNode& item : node.children) {
      if (!r_.expect_map(item, "部分", kSectionKeys)) continue;
      Section section;
      if (const YamlNode* v = r_.required(item, "title", "部分")) section.title = r_.text(*v).value_or("");
      list.sections.push_back(section);
      if (const YamlNode* tasks = r_.required(item, "tasks", "部分")) {
        for (const YamlNode* t : r_.list(*tasks)) read_task(*t, list);
      }
    }
  }

  // A group, or one unit holding a share of the task; `per_unit` tells which.
  std::optional<std::string> read_per(const YamlNode* node, const TaskList& list, const Task& task,
                                      bool& per_unit) {
    per_unit = false;
    if (node == nullptr) return std::nullopt;
    auto name = r_.text(*node);
    if (!name) return std::nullopt;
    if (index_.is_group(*name)) return name;
    if (auto unit = index_.canonical_unit(list, *name)) {
      if (std::find(task.shares.begin(), task.shares.end(), *unit) == task.shares.end()) {
        r_.error(node->pos,
                 fmt::format("“per”中的“{}”不是本任务的责任单位（责任单位：{}）：请写本任务的责任单位"
                             "或分组",
                             *name, fmt::join(task.owners, "、")));
        return std::nullopt;
      }
      per_unit = true;
      return unit;
    }
    unknown_unit(list, *name, node->pos);
    return std::nullopt;
  }

  // A goal's deadline: as a task's, or a festival's name (中秋), its day in
  // the list's year.
  DueDate read_due_or(const YamlNode* node, const DueDate& fallback) {
    if (node == nullptr) return fallback;
    if (node->is_scalar() && is_festival(node->text)) {
      if (year_ == 0) return fallback;  // no `issued`: said already
      if (auto day = festival_day(node->text, year_)) return {*day, node->text};
      r_.error(node->pos, fmt::format("节日“{}”的日期要按清单的年份 {} 年查节假日安排，而 duban 只有 {} "
                                      "年的：请写成日期，如 {}-06-30",
                                      node->text, year_, years_covered(), year_));
      return fallback;
    }
    return r_.due(*node).value_or(fallback);
  }

  static bool is_festival(const std::string& text) {
    const auto& names = festival_names();
    return std::find(names.begin(), names.end(), text) != names.end();
  }

  static std::string years_covered() {
    const std::vector<int> years = statutory_years();
    return years.empty() ? "" : fmt::format("{} 至 {}", years.front(), years.back());
  }

  void read_owners(const YamlNode& node, const TaskList& list, Task& task) {
    const auto names = r_.texts(node);
    std::unordered_set<std::string> owners;
    for (auto& [name, at] : names) {
      std::string resolved;
      if (auto unit = index_.canonical_unit(list, name)) {
        resolved = *unit;
      } else if (index_.is_group(name)) {
        resolved = name;
      } else {
        unknown_unit(list, name, at);
        continue;
      }
      if (!owners.insert(resolved).second) {
        r_.warning(at, fmt::format("责任单位“{}”重复列出", name));
        continue;
      }
      task.owners.push_back(resolved);
    }
    if (task.owners.empty()) {
      // An owner list with wrong items has been reported item by item.
      if (node.children.empty() && !node.is_scalar()) {
        r_.error(FieldReader::where(node), "“owners”至少要有一个责任单位（第一个为牵头单位）");
      }
      return;
    }
    // Each unit's place in the list looked up once, not at every comparison:
    // a group of 500 communities owns each of a district's 2,000 tasks.
    std::unordered_set<Name, NameAddressHash> shares;
    std::vector<std::pair<int, Name>> placed;
    const auto add = [&](const std::string& unit) {
      const Name name(unit);
      if (shares.insert(name).second) placed.emplace_back(index_.unit_index(list, unit), name);
    };
    for (const std::string& owner : task.owners) {
      if (const Group* g = index_.find_group(list, owner)) {
        for (const std::string& m : g->members) add(m);
      } else {
        add(owner);
      }
    }
    std::stable_sort(placed.begin(), placed.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    task.shares.reserve(placed.size());
    for (const auto& [place, name] : placed) task.shares.push_back(name);
  }

  bool claim_item_name(std::set<std::string>& names, const std::string& name, Pos at) {
    if (!names.insert(name).second) {
      r_.error(at,
               fmt::format("本任务中已有名为“{}”的节点、目标或常态化工作：名称须各不相同，进度报送靠名称对应",
                           name));
      return false;
    }
    return true;
  }

  void read_task(const YamlNode& node, TaskList& list) {
    if (!r_.expect_map(node, "任务", kTaskKeys)) return;
    Task task;
    task.section = static_cast<int>(list.sections.size()) - 1;
    bool ok = true;
    if (const YamlNode* v = r_.required(node, "id", "任务")) {
      auto id = v->is_scalar() ? normalize_task_id(v->text) : std::nullopt;
      if (!id) {
        r_.error(FieldReader::where(*v), "任务编号“id”应为数字，可带小数点分级，如 4 或 12.1");
        ok = false;
      } else if (!task_id_lines_.emplace(*id, v->pos.line).second) {
        r_.error(v->pos, fmt::format("任务编号 {} 重复（第 {} 行已有）：每个任务的编号须唯一", *id,
                                     task_id_lines_[*id]));
        ok = false;
      } else {
        task.id = *id;
      }
    } else {
      ok = false;
    }
    if (const YamlNode* v = r_.required(node, "title", "任务")) task.title = r_.text(*v).value_or("");
    task.content = r_.optional_text(node.find("content"));
    if (const YamlNode* v = r_.required(node, "owners", "任务")) read_owners(*v, list, task);
    if (const YamlNode* v = r_.required(node, "due", "任务")) {
      if (v->is_scalar() && v->text == kDuePlaceholder) {
        r_.error(v->pos, fmt::format("任务 {} 的完成时限还没有填写（duban carry-over 留下的“{}”）："
                                     "请按新一年的清单写明，如 2025年6月前",
                                     task.id.empty() ? "?" : task.id, kDuePlaceholder));
        ok = false;
      } else if (auto d = r_.due(*v)) {
        task.due = *d;
      }
    }
    if (const YamlNode* v = node.find("carried_from")) task.carried_from = r_.text(*v).value_or("");

    std::set<std::string> item_names;
    if (const YamlNode* v = node.find("milestones")) {
      for (const YamlNode* item : r_.list(*v)) {
        if (!r_.expect_map(*item, "节点", kMilestoneKeys)) continue;
        const YamlNode* name = r_.required(*item, "name", "节点");
        auto text = name ? r_.text(*name) : std::nullopt;
        if (!text || !claim_item_name(item_names, *text, name->pos)) continue;
        Milestone m{*text, read_due_or(item->find("due"), task.due), std::nullopt, false};
        m.per = read_per(item->find("per"), list, task, m.per_unit);
        warn_milestone_after_task(item->find("due"), m, task);
        task.milestones.push_back(std::move(m));
      }
    }
    if (const YamlNode* v = node.find("targets")) {
      for (const YamlNode* item : r_.list(*v)) {
        if (!r_.expect_map(*item, "目标", kTargetKeys)) continue;
        const YamlNode* name = r_.required(*item, "name", "目标");
        auto text = name ? r_.text(*name) : std::nullopt;
        if (!text || !claim_item_name(item_names, *text, name->pos)) continue;
        Target target;
        target.name = *text;
        if (const YamlNode* at_most = item->find("at_most"))
          target.at_most = r_.boolean(*at_most).value_or(false);
        if (const YamlNode* value = r_.required(*item, "value", "目标")) {
          target.value = r_.number(*value).value_or(1);
          // A ceiling of 0 (清零) is a goal; a floor of 0 is none.
          if (target.value <= 0 && !target.at_most) {
            r_.error(value->pos,
                     "目标值“value”应大于 0：没有数量要求的事项请写成节点（milestones）；"
                     "要求不超过某数（如清零）的目标请加上“at_most: true”");
            target.value = 1;
          }
        }
        target.unit = r_.optional_text(item->find("unit"));
        target.due = read_due_or(item->find("due"), task.due);
        target.per = read_per(item->find("per"), list, task, target.per_unit);
        task.targets.push_back(std::move(target));
      }
    }
    if (const YamlNode* v = node.find("duties")) {
      for (const YamlNode* item : r_.list(*v)) read_duty(*item, list, item_names, task);
    }
    if (ok) list.tasks.push_back(std::move(task));
  }

  void read_duty(const YamlNode& item, const TaskList& list, std::set<std::string>& item_names, Task& task) {
    if (!r_.expect_map(item, "常态化工作", kDutyKeys)) return;
    const YamlNode* name = r_.required(item, "name", "常态化工作");
    auto text = name ? r_.text(*name) : std::nullopt;
    if (!text || !claim_item_name(item_names, *text, name->pos)) return;
    Duty duty;
    duty.name = *text;
    if (const YamlNode* every = r_.required(item, "every", "常态化工作")) {
      const auto period = every->is_scalar() ? parse_period_code(every->text) : std::nullopt;
      if (period) {
        duty.every = *period;
      } else {
        r_.error(FieldReader::where(*every),
                 "“every”应为 day、workday、week、month、bimonth、quarter、halfyear 或 year 之一"
                 "（日、工作日、周、月、双月、季度、半年、年）");
      }
    }
    if (const YamlNode* times = item.find("times")) duty.times = r_.integer(*times, 1, 1000).value_or(1);
    duty.per = read_per(item.find("per"), list, task, duty.per_unit);
    if (const YamlNode* items = item.find("items")) read_duty_items(*items, duty);
    duty.until = Month::of(list.issued.year(), 12).last_day();
    if (const YamlNode* until = item.find("until")) {
      if (auto d = r_.due(*until)) duty.until = d->date;
    }
    if (const YamlNode* from = item.find("from")) {
      if (auto d = r_.due(*from)) duty.from = parse_start_date(d->text);
    }
    if (duty.every == Period::kWorkday) {
      workday_uses_.push_back(
          {item.find("every")->pos, DaySpan{duty.from.value_or(list.issued), duty.until}});
    }
    task.duties.push_back(std::move(duty));
  }

  void read_duty_items(const YamlNode& node, Duty& duty) {
    std::set<std::string> seen;
    for (auto& [name, at] : r_.texts(node)) {
      if (!seen.insert(name).second) {
        r_.error(at, fmt::format("“{}”在 items 中重复列出：每项只写一次", name));
        continue;
      }
      duty.items.push_back(name);
    }
    if (duty.items.empty() && node.children.empty() && !node.is_scalar()) {
      r_.error(FieldReader::where(node),
               "“items”至少要列出一项，如 [职工之家, 爱心驿站, 青年之家]；不分项时请删去 items");
    }
  }

  // duban(5) ERRORS AND WARNINGS: a milestone due after its task.
  void warn_milestone_after_task(const YamlNode* due, const Milestone& m, const Task& task) {
    // A festival's day is what the document says, whenever it falls.
    if (due == nullptr || m.due.date <= task.due.date || task.due.text.empty() ||
        (due->is_scalar() && is_festival(due->text))) {
      return;
    }
    r_.warning(due->pos, fmt::format("节点“{}”的期限 {} 晚于任务 {} 的完成时限 {}：请核对原文；"
                                     "原文未写明节点日期时，请删去节点的 due（节点随任务的完成时限）",
                                     m.name, m.due.date.iso(), task.id, task.due.date.iso()));
  }

  // Where working days are needed (`every: workday`, reporting.reply_workdays),
  // and for which days: a duty's, or with nothing the reporting rounds'.
  struct WorkdayUse {
    Pos at;
    std::optional<DaySpan> span;
  };

  FieldReader r_;
  int year_ = 0;  // the list's, from `issued`
  std::vector<WorkdayUse> workday_uses_;
  std::map<std::string, Pos> silent_units_;  // units with reports: false, and where it is said
  TaskIndex index_;  // of the list being read, as far as it is read; every name in it is taken
  std::optional<Month> first_, last_;
  std::map<std::string, int> task_id_lines_;
};

}  // namespace

const std::vector<std::string>& task_file_keys() {
  static const std::vector<std::string> keys = [] {
    std::set<std::string> all;
    for (const auto* list :
         {&kTopKeys, &kCalendarKeys, &kReportingKeys, &kUnitKeys, &kSectionKeys, &kTaskKeys, &kMilestoneKeys,
          &kTargetKeys, &kDutyKeys, &kRankingKeys, &kWeightKeys}) {
      all.insert(list->begin(), list->end());
    }
    return std::vector<std::string>(all.begin(), all.end());
  }();
  return keys;
}

TaskFileResult load_task_file(const std::string& path, std::string_view bytes, std::vector<Diagnostic>& out) {
  TaskFileResult result;
  const size_t before = out.size();
  YamlParse parsed = parse_yaml(path, bytes, task_file_keys(), out);
  if (!parsed.ok) return result;
  if (parsed.root.is_null()) {
    out.push_back({path, 1, 1, Severity::kError, "tasks.yaml 是空的：请按 man 5 duban 填写工作清单"});
    return result;
  }
  TaskFileReader reader(path, out);
  reader.read(parsed.root, result.list);
  result.index = reader.take_index();
  result.ok = !has_errors(std::vector<Diagnostic>(out.begin() + static_cast<long>(before), out.end()));
  return result;
}

}  // namespace duban
