#include "load/progress_file.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "load/field_reader.h"
#include "load/yaml_tree.h"
#include "model/text.h"
#include "model/workspace.h"

namespace duban {
namespace {

const std::vector<std::string> kFileKeys = {"unit", "date", "entries", "sample"};
const std::vector<std::string> kEntryKeys = {"task",    "unit",       "date",     "status",
                                             "percent", "progress",   "problems", "next",
                                             "metrics", "milestones", "held"};

// What an entry inherits from its file.
struct FileDefaults {
  std::optional<std::string> unit;
  std::optional<Date> date;
  bool unit_given = false;  // set in the file, even if wrongly (already reported)
  bool date_given = false;
};

template <typename Item>
std::vector<std::string> names_of(const std::vector<Item>& items) {
  std::vector<std::string> names;
  for (const Item& i : items) names.push_back(i.name);
  return names;
}

// The place in `items` of the one named `name`, or nothing.
template <typename Item>
std::optional<size_t> place_of(const std::vector<Item>& items, std::string_view name) {
  const auto it = std::find_if(items.begin(), items.end(), [&](const Item& i) { return i.name == name; });
  if (it == items.end()) return std::nullopt;
  return static_cast<size_t>(it - items.begin());
}

// The name at `place` of `names` (a task's, held once), else `text` held.
Name held_name(const std::vector<Name>* names, size_t place, std::string_view text) {
  return names != nullptr && place < names->size() ? (*names)[place] : Name(text);
}

// The name of the text last asked for, held again only when the text
// changes: the entries of a file repeat its path and unit, and a name held
// anew is a hash lookup.
class NameMemo {
 public:
  Name operator()(std::string_view text) {
    if (!held_ || text != name_.str()) {
      name_ = Name(text);
      held_ = true;
    }
    return name_;
  }

 private:
  Name name_;
  bool held_ = false;
};

// Reads one progress file; one instance per file.
class ProgressReader {
 public:
  ProgressReader(const std::string& path, const TaskList& list, const TaskIndex& index, Date today,
                 std::vector<Diagnostic>& out)
      : r_(path, out), list_(list), index_(index), today_(today) {
    // A date without a year (2月8日) is taken to be in the year of the
    // file's round folder, when it has one.
    if (const auto round = folder_round(path)) {
      r_.set_default_year(round->year());
      r_.set_example_year(round->year());
    }
  }

  std::vector<Entry> read(const YamlNode& root) {
    std::vector<Entry> entries;
    if (root.is_null()) return entries;  // only comments: nothing reported yet
    if (!r_.expect_map(root, "进度文件", kFileKeys)) return entries;
    if (const YamlNode* v = root.find("sample")) sample_ = r_.boolean(*v).value_or(false);
    FileDefaults defaults;
    // progress/2024-06/江洋社区.yaml: the file name names the unit.
    const std::string stem = std::filesystem::path(r_.path()).stem().string();
    const std::optional<std::string> named = index_.canonical_unit(list_, stem);
    if (const YamlNode* v = root.find("unit")) {
      defaults.unit = unit(*v);
      defaults.unit_given = true;
      if (named && defaults.unit && *named != *defaults.unit) {
        r_.warning(v->pos, fmt::format("文件名是“{}”，文件里却写 unit: {}，这些进度计在“{}”名下："
                                       "如果这是{}的报送，请把 unit 改为“{}”；否则请把文件改名为“{}.yaml”",
                                       stem, *defaults.unit, *defaults.unit, *named, *named, *defaults.unit));
      }
    } else {
      defaults.unit = named;
    }
    if (const YamlNode* v = root.find("date")) {
      defaults.date = date(*v);
      defaults.date_given = true;
    }
    const YamlNode* items = r_.required(root, "entries", "进度文件");
    if (items == nullptr) return entries;
    const std::vector<const YamlNode*> listed = r_.list(*items);
    entries.reserve(listed.size());  // kept as they are for the whole run: no room to spare
    for (const YamlNode* item : listed) {
      if (auto e = entry(*item, defaults, static_cast<int>(entries.size()))) entries.push_back(std::move(*e));
    }
    return entries;
  }

 private:
  std::optional<std::string> unit(const YamlNode& node) {
    auto name = r_.text(node);
    if (!name) return std::nullopt;
    if (auto u = index_.canonical_unit(list_, *name)) return u;
    if (index_.is_group(*name)) {
      r_.error(node.pos, fmt::format("“{}”是分组：进度须由单个单位报送，请写本单位名称", *name));
      return std::nullopt;
    }
    std::vector<std::string> names;
    // Comparing with every name costs time in the list's length: only for
    // the messages a person will read.
    for (const Unit& u : r_.few_errors() ? list_.units : std::vector<Unit>{}) {
      names.push_back(u.name);
      names.insert(names.end(), u.aliases.begin(), u.aliases.end());
    }
    const std::string suggestion = closest_match(*name, names);
    r_.error(node.pos, suggestion.empty()
                           ? fmt::format("未定义的单位“{}”：请使用 tasks.yaml 中 units 列出的名称", *name)
                           : fmt::format("未定义的单位“{}”：是不是“{}”？", *name, suggestion));
    return std::nullopt;
  }

  std::optional<Date> date(const YamlNode& node) {
    auto d = r_.date(node);
    if (!d) return std::nullopt;
    if (*d < list_.issued) {
      r_.error(node.pos,
               fmt::format("日期 {} 早于清单印发日期 {}：请检查年份和月份", d->iso(), list_.issued.iso()));
      return std::nullopt;
    }
    if (!latest_ || *d > *latest_) latest_ = d;
    if (*d > today_) {
      r_.warning(node.pos, fmt::format("日期 {} 晚于今天（{}）：请确认不是笔误", d->iso(), today_.iso()));
    }
    return d;
  }

  std::optional<Entry> entry(const YamlNode& node, const FileDefaults& defaults, int position) {
    if (!r_.expect_map(node, "进度条目", kEntryKeys)) return std::nullopt;
    Entry e;
    e.path = path_(r_.path());
    e.line = node.pos.line;
    e.position = position;
    bool ok = true;

    const Task* task = nullptr;
    if (const YamlNode* v = r_.required(node, "task", "进度条目")) {
      auto id = v->is_scalar() ? normalize_task_id(v->text) : std::nullopt;
      task = id ? index_.find_task(list_, *id) : nullptr;
      const auto half = !id && v->is_scalar() ? normalize_task_id(ascii_digits(v->text)) : std::nullopt;
      if (half) {
        r_.error(FieldReader::where(*v),
                 fmt::format("任务编号“{}”用了全角数字：请写成半角数字 {}", v->text, *half));
      } else if (task == nullptr) {
        r_.error(FieldReader::where(*v),
                 fmt::format("清单中没有编号为“{}”的任务：请对照 duban tasks 填写任务编号",
                             v->is_scalar() ? v->text : ""));
      } else {
        e.task = index_.task_id(list_, *task);
      }
    }

    // The file's unit, unless the entry names its own.
    const std::string* unit_name = defaults.unit ? &*defaults.unit : nullptr;
    std::optional<std::string> own_unit;
    const YamlNode* unit_node = node.find("unit");
    if (unit_node != nullptr) {
      own_unit = unit(*unit_node);
      unit_name = own_unit ? &*own_unit : nullptr;
      ok = ok && unit_name != nullptr;
    } else if (unit_name == nullptr) {
      if (!defaults.unit_given)
        r_.error(node.pos, "进度条目缺少报送单位：请在文件开头写“unit: 单位名称”，或在条目中写 unit");
      ok = false;
    }

    std::optional<Date> date_value = defaults.date;
    if (const YamlNode* v = node.find("date")) {
      date_value = date(*v);
      ok = ok && date_value.has_value();
    } else if (!date_value) {
      if (!defaults.date_given)
        r_.error(node.pos, "进度条目缺少日期：请在文件开头写“date: 2024-06-08”，或在条目中写 date");
      ok = false;
    }

    // What this unit may write: the office's decisions only for the office.
    const bool office = unit_name != nullptr && *unit_name == list_.reporting.office;
    static const std::vector<std::string> kOfficeMay{"未启动", "推进中", "已完成", "已销号", "退回"};
    static const std::vector<std::string> kUnitMay{"未启动", "推进中", "已完成"};
    static const std::string kOfficeList = fmt::format("{}", fmt::join(kOfficeMay, "、"));
    static const std::string kUnitList = fmt::format("{}", fmt::join(kUnitMay, "、"));
    const std::vector<std::string>& allowed = office ? kOfficeMay : kUnitMay;
    if (const YamlNode* v = r_.required(node, "status", "进度条目", office ? kOfficeList : kUnitList)) {
      auto status = v->is_scalar() ? parse_entry_status(v->text) : std::nullopt;
      if (!status) {
        const std::string written = v->is_scalar() ? v->text : "";
        const std::string closest = closest_match(written, allowed);
        r_.error(
            FieldReader::where(*v),
            fmt::format("“status”应为 {} 之一{}{}", fmt::join(allowed, "、"),
                        written.empty() ? std::string("，这里是空的") : fmt::format("，这里是“{}”", written),
                        closest.empty() ? std::string("") : fmt::format("：是不是“{}”？", closest)));
        ok = false;
      } else {
        e.status = *status;
      }
    } else {
      ok = false;
    }

    if (const YamlNode* v = node.find("percent")) {
      e.percent = r_.integer(*v, 0, 100);
      ok = ok && e.percent.has_value();
    }
    e.progress = r_.optional_text(node.find("progress"));
    e.problems = r_.optional_text(node.find("problems"));
    e.next = r_.optional_text(node.find("next"));
    if (task == nullptr || unit_name == nullptr || !date_value || !ok) return std::nullopt;
    e.unit = unit_(*unit_name);
    e.date = *date_value;

    if (!check_authority(node, unit_node, *task, e)) return std::nullopt;
    if (!read_details(node, *task, e)) return std::nullopt;
    return e;
  }

  bool check_authority(const YamlNode& node, const YamlNode* unit_node, const Task& task, const Entry& e) {
    const Pos at = unit_node ? unit_node->pos : node.pos;
    if (is_office_action(e.status)) {
      if (e.unit == list_.reporting.office) return true;
      r_.error(node.find("status")->pos,
               fmt::format("“{}”只能由{}填写：{}请用 未启动、推进中 或 已完成", entry_status_label(e.status),
                           list_.reporting.office, e.unit));
      return false;
    }
    if (!index_.holds_share(list_, task, e.unit)) {
      r_.error(at, fmt::format("{}不是任务 {} 的责任单位（责任单位：{}）：请检查任务编号或报送单位", e.unit,
                               task.id, fmt::join(task.owners, "、")));
      return false;
    }
    return true;
  }

  // Reads metrics, milestones and held; false when any names something the
  // task does not define.
  bool read_details(const YamlNode& node, const Task& task, Entry& e) {
    bool ok = true;
    const TaskNames* names = index_.task_names(list_, task);
    std::vector<std::pair<Name, double>> metrics;
    std::vector<Name> milestones;
    std::vector<HeldDays> held;
    auto undefined = [&](Pos at, const char* kind, const std::string& name,
                         const std::vector<std::string>& names) {
      const std::string suggestion = r_.few_errors() ? closest_match(name, names) : "";
      r_.error(at, names.empty()
                       ? fmt::format("任务 {} 没有定义任何{}，不能报送“{}”", task.id, kind, name)
                       : fmt::format("任务 {} 没有名为“{}”的{}：{}", task.id, name, kind,
                                     suggestion.empty() ? fmt::format("可用的有 {}", fmt::join(names, "、"))
                                                        : fmt::format("是不是“{}”？", suggestion)));
      ok = false;
    };
    if (const YamlNode* v = node.find("metrics"); v != nullptr && !v->is_null()) {
      if (!v->is_map()) {
        r_.error(FieldReader::where(*v), "“metrics”应写成“目标名称: 数值”，如 {加装电梯: 9}");
        return false;
      }
      for (const YamlNode& m : v->children) {
        const auto place = place_of(task.targets, m.key);
        if (!place) {
          undefined(m.key_pos, "目标", m.key, names_of(task.targets));
        } else if (auto value = r_.number(m)) {
          metrics.emplace_back(held_name(names ? &names->targets : nullptr, *place, m.key), *value);
        } else {
          ok = false;
        }
      }
    }
    if (const YamlNode* v = node.find("milestones")) {
      for (auto& [name, at] : r_.texts(*v)) {
        if (const auto place = place_of(task.milestones, name); !place) {
          undefined(at, "节点", name, names_of(task.milestones));
        } else {
          milestones.push_back(held_name(names ? &names->milestones : nullptr, *place, name));
        }
      }
    }
    if (const YamlNode* v = node.find("held"); v != nullptr && !v->is_null()) {
      if (!v->is_map()) {
        r_.error(FieldReader::where(*v),
                 "“held”应写成“工作名称: [日期, …]”，如 {网格员技能比武: [2024-06-03]}");
        return false;
      }
      for (const YamlNode& h : v->children) {
        const auto duty = std::find_if(task.duties.begin(), task.duties.end(),
                                       [&](const Duty& d) { return d.name == h.key; });
        if (duty == task.duties.end()) {
          undefined(h.key_pos, "常态化工作", h.key, names_of(task.duties));
          continue;
        }
        const auto place = static_cast<size_t>(duty - task.duties.begin());
        const Name name = held_name(names ? &names->duties : nullptr, place, duty->name);
        if (duty->items.empty()) {
          ok = held_days(h, *duty, name, no_item_, e.date, held) && ok;
        } else {
          const std::vector<Name>* items =
              names && place < names->items.size() ? &names->items[place] : nullptr;
          ok = held_items(h, *duty, name, items, e.date, held) && ok;
        }
      }
    }
    e.metrics = metrics;
    e.milestones = milestones;
    e.held = held;
    return ok;
  }

  // The items of a duty that has them: {职工之家: [日期], 爱心驿站: [日期]}.
  bool held_items(const YamlNode& h, const Duty& duty, Name name, const std::vector<Name>* item_names,
                  Date date, std::vector<HeldDays>& held) {
    if (!h.is_map()) {
      r_.error(FieldReader::where(h),
               fmt::format("“{}”按项分别考核（{}）：请写成 {{{}: [日期, …]}}，每项列出各自的开展日期",
                           duty.name, fmt::join(duty.items, "、"), duty.items.front()));
      return false;
    }
    bool ok = true;
    for (const YamlNode& item : h.children) {
      const auto it = std::find(duty.items.begin(), duty.items.end(), item.key);
      if (it == duty.items.end()) {
        const std::string suggestion = r_.few_errors() ? closest_match(item.key, duty.items) : "";
        r_.error(item.key_pos,
                 fmt::format("“{}”没有“{}”这一项：{}", duty.name, item.key,
                             suggestion.empty() ? fmt::format("可用的有 {}", fmt::join(duty.items, "、"))
                                                : fmt::format("是不是“{}”？", suggestion)));
        ok = false;
        continue;
      }
      const Name item_name = held_name(item_names, static_cast<size_t>(it - duty.items.begin()), item.key);
      ok = held_days(item, duty, name, item_name, date, held) && ok;
    }
    return ok;
  }

  // The dates and ranges of one duty or item; a range only for a daily or
  // working-day duty, and nothing after the entry's own date.
  bool held_days(const YamlNode& node, const Duty& duty, Name name, Name item, Date date,
                 std::vector<HeldDays>& held) {
    bool ok = true;
    std::vector<DaySpan> spans;
    const bool daily = duty.every == Period::kDay || duty.every == Period::kWorkday;
    for (const YamlNode* value : r_.list(node)) {
      auto span = r_.day_span(*value);
      if (!span) {
        ok = false;
      } else if (span->first != span->last && !daily) {
        r_.error(value->pos, fmt::format("范围“{}”只能用于每日（day）或每个工作日（workday）的常态化工作，"
                                         "“{}”是{}的：请逐一列出开展日期",
                                         value->text, duty.name, period_info(duty.every).label));
        ok = false;
      } else if (span->last > date) {
        r_.error(value->pos,
                 fmt::format("开展日期 {} 晚于本条进度的日期 {}：尚未发生的活动不能报送{}", span->last.iso(),
                             date.iso(), span->first != span->last ? "（范围的结束日期也不能晚于它）" : ""));
        ok = false;
      } else {
        spans.push_back(*span);
      }
    }
    held.push_back({name, item, spans});
    return ok;
  }

 public:
  /// True once the file has said `sample: true`.
  bool sample() const { return sample_; }
  /// The latest date compared with today, if any.
  std::optional<Date> latest() const { return latest_; }

 private:
  FieldReader r_;
  const TaskList& list_;
  const TaskIndex& index_;
  Date today_;
  bool sample_ = false;
  std::optional<Date> latest_;
  NameMemo path_, unit_;
  const Name no_item_;
};

}  // namespace

const std::vector<std::string>& progress_file_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> all = kEntryKeys;
    all.insert(all.end(), kFileKeys.begin(), kFileKeys.end());
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    return all;
  }();
  return keys;
}

std::vector<Entry> load_progress_file(const std::string& path, std::string_view bytes, const TaskList& list,
                                      const TaskIndex& index, Date today, std::vector<Diagnostic>& out,
                                      bool* sample) {
  return read_progress_entries(path, parse_yaml(path, bytes, progress_file_keys(), out), list, index, today,
                               out, sample);
}

std::vector<Entry> read_progress_entries(const std::string& path, const YamlParse& parsed,
                                         const TaskList& list, const TaskIndex& index, Date today,
                                         std::vector<Diagnostic>& out, bool* sample,
                                         std::optional<Date>* latest) {
  if (!parsed.ok) return {};
  ProgressReader reader(path, list, index, today, out);
  std::vector<Entry> entries = reader.read(parsed.root);
  if (sample != nullptr && reader.sample()) *sample = true;
  if (latest != nullptr) *latest = reader.latest();
  return entries;
}

std::vector<Entry> load_progress_file(const std::string& path, std::string_view bytes, const TaskList& list,
                                      Date today, std::vector<Diagnostic>& out) {
  return load_progress_file(path, bytes, list, TaskIndex(list), today, out);
}

}  // namespace duban
