// What git's history says about progress entries (留痕): the commits that
// added, changed or removed each entry, and those that wrote each round's
// reconciliation. Plain data, read by load/history and judged by
// evaluate/audit.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/date.h"
#include "model/entry.h"

namespace duban {

/// One commit, as git log shows it (names through .mailmap).
struct CommitInfo {
  std::string hash;       ///< full hash
  std::string author;     ///< author name
  std::string committer;  ///< committer name
  std::string committed;  ///< committer date, ISO 8601 with its own offset
  /// The committer's local date, in the commit's own time zone; nothing
  /// when it lies outside the years duban reads (git takes 3000-01-01).
  std::optional<Date> date;
};

/// What happened to one entry (a unit's word on a task on a day) in one commit,
/// or in the working tree since the last commit.
struct EntryEvent {
  enum class Kind { kAdded, kChanged, kRemoved, kUncommitted };
  Kind kind = Kind::kAdded;
  int commit = -1;              ///< index into History::commits; -1 for kUncommitted
  std::optional<Entry> before;  ///< as the previous commit held it
  std::optional<Entry> after;   ///< as this commit (or the working tree) holds it
  /// The entry concerned: `after`, or for a removal `before`.
  const Entry& entry() const { return after ? *after : *before; }
};

/// The history of the workspace's progress entries, oldest commit first.
struct History {
  std::vector<CommitInfo> commits;
  std::vector<EntryEvent> events;   ///< in commit order, uncommitted last
  std::map<Month, int> reconciled;  ///< round -> last commit writing reports/<M>/reconcile.md
};

/// True when `a` and `b` say the same (status, percent, texts, metrics,
/// milestones, duty dates), wherever they were written.
bool same_report(const Entry& a, const Entry& b);

}  // namespace duban
