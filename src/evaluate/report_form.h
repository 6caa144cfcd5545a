// What one unit reports in one round (进度报送表), for `duban template`:
// the tasks on which it owes a report in the round, and its other open
// shares, each with where the unit stands and the targets, milestones and
// duties it may report on; and the day a form left undated speaks for.
// Who owes what follows duban(5) STATUS RULES, Reporting rounds; the goals
// that concern a unit follow GOAL RULES.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "evaluate/rounds.h"
#include "evaluate/status.h"

namespace duban {

/// One task of a unit's form.
struct FormRow {
  const Task* task = nullptr;
  bool owed = false;                         ///< the unit owes a report on it in the round
  ShareState state = ShareState::kNone;      ///< the unit's latest word on it
  std::optional<int> percent;                ///< the share's percent, once the unit has reported
  std::vector<const Target*> targets;        ///< whose value the unit reports
  std::vector<const Milestone*> milestones;  ///< not yet reached, that the unit may reach
  std::vector<const Duty*> duties;           ///< whose dates of the unit count
};

/// A unit's form for a round.
struct ReportForm {
  std::string unit;
  Round round;
  Date fill_date;                     ///< the day an undated form speaks for
  std::vector<EntryStatus> statuses;  ///< those the unit may write
  std::vector<FormRow> rows;          ///< in task id order
};

/// The round a form is for by default: the first whose report date is on
/// or after `today`, never before reporting.first; nothing after the last.
std::optional<Month> next_round_month(const TaskList& list, Date today);

/// The day a form of `round` speaks for when it gives none: `today` when it
/// lies in the round's window, else the round's report date.
Date default_fill_date(const Round& round, Date today);

/// The form of `unit` (a canonical name) for `round`, with its latest
/// status as of `today`.
ReportForm build_report_form(const Workspace& ws, const std::string& unit, const Round& round, Date today);

}  // namespace duban
