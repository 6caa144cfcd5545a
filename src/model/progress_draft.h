// A progress file before it is written: what `duban import` read from a
// filled form, each value with the cell it came from, so that a problem
// found in the file it becomes can be shown at that cell.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/date.h"
#include "model/entry.h"

namespace duban {

/// A value and the cell it was read from (填报!C7).
template <typename T>
struct FromCell {
  T value;
  std::string cell;
};

/// One row of a form: one entry of the progress file.
struct DraftEntry {
  std::string row;  ///< the row's first cell, for problems of the whole entry
  FromCell<std::string> task;
  FromCell<EntryStatus> status;
  std::optional<FromCell<int>> percent;
  FromCell<std::string> progress;  ///< 本月进展; empty when not filled
  FromCell<std::string> problems;  ///< 存在问题
  FromCell<std::string> next;      ///< 下步计划
  std::vector<FromCell<std::pair<std::string, double>>> metrics;
  std::vector<FromCell<std::string>> milestones;
  std::vector<FromCell<std::pair<std::string, std::vector<Date>>>> held;
};

/// A whole progress file: one unit's entries of one day.
struct ProgressDraft {
  FromCell<std::string> unit;  ///< canonical name
  FromCell<Date> date;
  std::vector<DraftEntry> entries;
};

}  // namespace duban
