// What `duban check` warns about when a report is not where it says it is
// (duban(5) PROGRESS FILES, "Where a report belongs"): an entry dated in
// another round than its folder names, or after the last round; one unit's
// two files in one folder, or two entries on one task on one day; a report
// on a task the office had already closed; 已完成 below 100 per cent.
#pragma once

#include <optional>
#include <vector>

#include "model/date.h"
#include "model/workspace.h"

namespace duban {

/// The ways a report can be out of place.
enum class PlacementKind {
  kOtherRound,      ///< dated in another round than its folder names
  kAfterLastRound,  ///< dated after reporting.last's window
  kTwoFiles,        ///< the unit already has another file in this folder
  kSameDayTwice,    ///< the unit already reported this task on this day
  kAfterClose,      ///< the task was closed before the entry's date (duty dates alone excepted)
  kDoneBelowFull,   ///< 已完成 with a percent below 100
};

/// One warning, placed at `entry`, the first of `count` entries of its file
/// with the same problem.
struct Misplacement {
  PlacementKind kind = PlacementKind::kOtherRound;
  const Entry* entry = nullptr;
  int count = 1;
  const Entry* other = nullptr;     ///< kTwoFiles, kSameDayTwice: the earlier one
  std::optional<Month> folder;      ///< kOtherRound: the round the folder names
  std::optional<Month> round;       ///< kOtherRound: the entry's round; kAfterLastRound: reporting.last
  std::optional<Date> report_date;  ///< R(round); for the office's decisions, the last day of their window
  std::optional<Date>
      folder_date;              ///< kOtherRound: the same for the folder's round, when it is one of the list
  std::optional<Month> needed;  ///< kAfterLastRound: the round the entry would count in
  std::optional<Date> closed;   ///< kAfterClose: when the office closed the task
};

/// Every report out of place in `ws`, in the order of the entries.
std::vector<Misplacement> find_misplacements(const Workspace& ws);

}  // namespace duban
