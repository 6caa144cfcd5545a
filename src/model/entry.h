// A progress entry (进度报送): one unit's word on one task on one day.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "model/arena.h"
#include "model/date.h"
#include "model/interned_name.h"

namespace duban {

/// What an entry says about its task. The last two are the office's alone.
enum class EntryStatus { kNotStarted, kInProgress, kDone, kClosed, kReopened };

/// A run of days, both ends included; one day when first == last.
struct DaySpan {
  Date first;
  Date last;
  bool operator==(const DaySpan&) const = default;
};

/// The days a duty, or one item of it, was carried out, as one entry reports them.
struct HeldDays {
  Name duty;
  Name item;              ///< empty unless the duty has items
  Frozen<DaySpan> spans;  ///< dates, and ranges A..B of a daily or working-day duty
  bool operator==(const HeldDays&) const = default;
};

/// One progress report, as read from a file under progress/. Small (its
/// texts and lists are held for the run, model/arena.h): a workspace holds
/// a million of them.
struct Entry {
  // The names first, then the 4-byte fields: no padding between them (96
  // bytes in all, not 104).
  Name path;         ///< file it came from, relative to the workspace
  Name unit;         ///< canonical unit name
  Name task;         ///< normalized task id
  int line = 0;      ///< line of the entry in that file
  int position = 0;  ///< index in the file's entries
  Date date;
  EntryStatus status = EntryStatus::kInProgress;
  std::optional<int> percent;
  Text progress;                            ///< 本月进展
  Text problems;                            ///< 存在问题
  Text next;                                ///< 下步计划
  Frozen<std::pair<Name, double>> metrics;  ///< target name -> value
  Frozen<Name> milestones;                  ///< milestones reached
  Frozen<HeldDays> held;                    ///< duty (and item) -> days
};

/// 已销号 and 退回: the office's decisions, which no other unit may report
/// (duban(5) STATUS RULES, Office actions).
constexpr bool is_office_action(EntryStatus s) {
  return s == EntryStatus::kClosed || s == EntryStatus::kReopened;
}

/// Parses 未启动 | 推进中 | 已完成 | 已销号 | 退回 or the English codes.
std::optional<EntryStatus> parse_entry_status(const std::string& text);

/// The English code of a status (not_started, ...).
const char* entry_status_code(EntryStatus s);

/// The Chinese label of a status (未启动, ...).
const char* entry_status_label(EntryStatus s);

/// Orders entries by date, then file path, then position in the file.
bool entry_before(const Entry& a, const Entry& b);

}  // namespace duban
