// The status of every task carried from one as-of date to the next, so that
// a run over many rounds (reconcile --all, rank --all) reads each entry
// about once. Evaluate's own: the commands ask reconcile() and rank_units()
// for their rounds, which keep one timeline across them.
#pragma once

#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "evaluate/rounds.h"
#include "evaluate/status.h"

namespace duban {

/// The place in TaskList::units of each unit, by its name's handle.
using UnitPlaces = std::unordered_map<Name, size_t, NameAddressHash>;

/// The status of every task carried forward through increasing as-of
/// dates: each step replays only the entries dated since the previous one,
/// so the rounds of `--all` read each entry about once. A date earlier than
/// the last one asked of a task replays that task again from its start.
class StatusTimeline {
 public:
  explicit StatusTimeline(const Workspace& ws);
  StatusTimeline(const StatusTimeline&) = delete;
  StatusTimeline& operator=(const StatusTimeline&) = delete;
  ~StatusTimeline();

  /// The workspace whose tasks it follows.
  const Workspace& workspace() const { return ws_; }
  /// The list's tasks in id order.
  const std::vector<const Task*>& tasks_in_id_order();
  /// Every task, as evaluate_status().
  StatusReport status(AsOf as_of, std::optional<Date> texts_since = std::nullopt);
  /// One task of the list, as evaluate_task().
  TaskStatus task(const Task& task, AsOf as_of, std::optional<Date> texts_since = std::nullopt);
  /// One task's shares and state, as evaluate_shares().
  TaskStatus shares(const Task& task, AsOf as_of);
  /// Drops what it carries forward of `task`, which a later call replays
  /// from its start: for reports that take each task once, so that they do
  /// not hold every task's replay at once.
  void release(const Task& task);

 private:
  struct Track;
  Track& track(const Task& task);

  const Workspace& ws_;
  UnitPlaces unit_places_;
  std::unordered_map<const Task*, std::unique_ptr<Track>> tracks_;
  std::vector<const Task*> in_id_order_;
};

struct RoundReporting;

/// round_reporting() going on from where `timeline` stands.
RoundReporting round_reporting(StatusTimeline& timeline, const Task& task, const Round& round, Date as_of);

}  // namespace duban
