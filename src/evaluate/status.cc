#include "evaluate/status.h"

#include "evaluate/status_timeline.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace duban {
namespace {

// duban(5) STATUS RULES, Shares: a share's state is its unit's latest word.
ShareState share_state_of(EntryStatus s) {
  switch (s) {
    case EntryStatus::kNotStarted:
      return ShareState::kNotStarted;
    case EntryStatus::kDone:
      return ShareState::kDone;
    case EntryStatus::kInProgress:
    case EntryStatus::kClosed:
    case EntryStatus::kReopened:
      return ShareState::kInProgress;
  }
  return ShareState::kInProgress;
}

// Replays the entries of one task in order (duban(5) STATUS RULES, As-of
// date and order). A copy goes on from where the original stood.
class TaskReplay {
 public:
  // `places` holds the place in the list of every unit: a task shared by a
  // large group finds a unit's share through it.
  TaskReplay(const Task& task, const UnitPlaces& places) : task_(&task), places_(&places) {
    status_.task = &task;
    status_.shares.reserve(task.shares.size());
    for (const Name& unit : task.shares) status_.shares.push_back({unit, ShareState::kNone, {}, {}, 0, {}});
    if (task.shares.size() > kFewShares) {
      for (size_t i = 0; i < task.shares.size(); ++i) {
        const auto it = places.find(task.shares[i]);
        if (it == places.end()) continue;
        if (share_at_.size() <= it->second) share_at_.resize(it->second + 1, -1);
        share_at_[it->second] = static_cast<int>(i);
      }
    }
  }

  void apply(const Entry& e) {
    // duban(5) STATUS RULES, Office actions. The loader lets only the office
    // write them; the office's entry also counts as its report on a task it owns.
    if (is_office_action(e.status)) {
      status_.office_action = &e;
      if (e.status == EntryStatus::kClosed) {
        closed_ = true;
        status_.close_date = e.date;
      } else {
        reopen();
      }
      if (ShareStatus* s = share(e.unit)) s->last_report = e.date;
      return;
    }
    ShareStatus* s = share(e.unit);
    if (s == nullptr) return;
    const ShareState next = share_state_of(e.status);
    if (next == ShareState::kDone && s->state != ShareState::kDone) s->done_date = e.date;
    if (next != ShareState::kDone) s->done_date.reset();
    if (next != ShareState::kNotStarted) started_ = true;
    s->state = next;
    s->last_report = e.date;
    s->latest = &e;
    if (e.percent) s->percent = *e.percent;
    if (next == ShareState::kDone) s->percent = 100;
  }

  // duban(5) STATUS RULES, Task status: the status after the entries
  // applied so far, judged as of `as_of`; the replay can go on after it.
  TaskStatus finish(Date as_of, int warn_days) const {
    TaskStatus t = status_;
    const bool all_done = std::all_of(t.shares.begin(), t.shares.end(),
                                      [](const ShareStatus& s) { return s.state == ShareState::kDone; });
    if (closed_ || all_done) {
      t.state = closed_ ? TaskState::kClosed : TaskState::kDone;
      t.light = Light::kNone;
    } else {
      const Deadline d = judge_deadline(task_->due.date, as_of, warn_days);
      t.state = open_state(d.urgency);
      t.overdue_days = d.overdue_days;
      t.light = d.light;
    }
    if (!closed_) t.close_date.reset();
    if (t.office_action != nullptr && t.office_action->status == EntryStatus::kReopened) {
      t.reopened = t.office_action->date;
    }
    settle(t, all_done);
    if (t.done_date) t.on_time = met_deadline(*t.done_date, task_->due.date);
    long sum = 0;
    for (const ShareStatus& s : t.shares) sum += s.percent;
    const long n = static_cast<long>(t.shares.size());
    t.percent = n == 0 ? 0 : static_cast<int>((2 * sum + n) / (2 * n));  // rounded half up
    return t;
  }

 private:
  TaskState open_state(Urgency u) const {
    switch (u) {
      case Urgency::kOverdue:
        return TaskState::kOverdue;
      case Urgency::kDueSoon:
        return TaskState::kDueSoon;
      case Urgency::kInTime:
        return started_ ? TaskState::kOnTrack : TaskState::kNotStarted;
    }
    return TaskState::kOnTrack;
  }

  // Done date, and the entry that settled a done or closed task.
  void settle(TaskStatus& t, bool all_done) const {
    const ShareStatus* last = nullptr;  // the share done last
    if (all_done) {
      for (const ShareStatus& s : t.shares) {
        if (last == nullptr || *last->done_date < *s.done_date ||
            (*last->done_date == *s.done_date && entry_before(*last->latest, *s.latest))) {
          last = &s;
        }
      }
    }
    if (closed_) {
      t.done_date = last ? last->done_date : t.close_date;
      t.settled_by = t.office_action;
    } else if (last != nullptr) {
      t.done_date = last->done_date;
      t.settled_by = last->latest;
    }
  }

  ShareStatus* share(const Name& unit) {
    if (status_.shares.size() > kFewShares) {
      const auto it = places_->find(unit);
      if (it == places_->end() || it->second >= share_at_.size() || share_at_[it->second] < 0) return nullptr;
      return &status_.shares[static_cast<size_t>(share_at_[it->second])];
    }
    for (ShareStatus& s : status_.shares) {
      if (s.unit == unit) return &s;
    }
    return nullptr;
  }

  void reopen() {
    closed_ = false;
    for (ShareStatus& s : status_.shares) {
      if (s.state != ShareState::kDone) continue;
      s.state = ShareState::kInProgress;
      s.done_date.reset();
      // The work was reported complete; keep a percent the unit gave.
      s.percent = s.latest && s.latest->percent ? *s.latest->percent : 100;
    }
  }

  static constexpr size_t kFewShares = 8;  // up to this many, a scan is quicker than a lookup

  const Task* task_;
  const UnitPlaces* places_;
  TaskStatus status_;
  std::vector<int> share_at_;  // for many shares: by the unit's place in the list, its share's or -1
  bool closed_ = false;
  bool started_ = false;
};

// duban(5) STATUS RULES, Texts: the latest entry of each share, then the
// office's latest action; an entry dated before `since` gives none.
std::vector<TaskText> texts_of(const TaskStatus& t, Text Entry::*field, std::optional<Date> since) {
  std::vector<TaskText> out;
  auto add = [&](const Entry* e, std::optional<EntryStatus> action) {
    if (e == nullptr || (e->*field).empty() || (since && e->date < *since)) return;
    out.push_back({e->unit, action, e->*field});
  };
  for (const ShareStatus& s : t.shares) add(s.latest, std::nullopt);
  if (t.office_action != nullptr) add(t.office_action, t.office_action->status);
  return out;
}

}  // namespace

// One task's replay through the entries dated up to `through`, and its goals.
struct StatusTimeline::Track {
  Track(const Workspace& ws, const Task& task, const UnitPlaces& places)
      : ws(ws), task(task), places(places), replay(task, places), goals(ws, task) {}

  // The shares and state as of `as_of`: the entries dated up to as_of.reports
  // are replayed once and kept; the office's decisions after that date (up
  // to as_of.decisions, reporting.settle_days) go into a copy, since a later
  // round replays the units' reports dated before them first.
  TaskStatus shares(AsOf as_of, int warn_days) {
    const std::vector<const Entry*>& entries = ws.entries_of(task.id);  // in date order
    if (through && as_of.reports < *through) {
      replay = TaskReplay(task, places);
      next = 0;
    }
    for (; next < entries.size() && entries[next]->date <= as_of.reports; ++next)
      replay.apply(*entries[next]);
    through = as_of.reports;
    std::optional<TaskReplay> settled;  // with the office's later decisions
    for (size_t i = next; i < entries.size() && entries[i]->date <= as_of.decisions; ++i) {
      if (!is_office_action(entries[i]->status)) continue;
      if (!settled) settled = replay;
      settled->apply(*entries[i]);
    }
    return (settled ? *settled : replay).finish(as_of.reports, warn_days);
  }

  const Workspace& ws;
  const Task& task;
  const UnitPlaces& places;
  TaskReplay replay;  // through the task's entries before `next`
  size_t next = 0;
  std::optional<Date> through;  // every entry dated up to here is replayed
  GoalsTrack goals;
};

StatusTimeline::StatusTimeline(const Workspace& ws) : ws_(ws) {}
StatusTimeline::~StatusTimeline() = default;

StatusTimeline::Track& StatusTimeline::track(const Task& task) {
  if (unit_places_.empty()) {
    for (size_t i = 0; i < ws_.list.units.size(); ++i) unit_places_.emplace(ws_.list.units[i].name, i);
  }
  std::unique_ptr<Track>& t = tracks_[&task];
  if (!t) t = std::make_unique<Track>(ws_, task, unit_places_);
  return *t;
}

const std::vector<const Task*>& StatusTimeline::tasks_in_id_order() {
  if (in_id_order_.size() != ws_.list.tasks.size()) {
    in_id_order_.clear();
    for (const Task& t : ws_.list.tasks) in_id_order_.push_back(&t);
    std::stable_sort(in_id_order_.begin(), in_id_order_.end(),
                     [](const Task* a, const Task* b) { return task_id_less(a->id, b->id); });
  }
  return in_id_order_;
}

void StatusTimeline::release(const Task& task) { tracks_.erase(&task); }

TaskStatus StatusTimeline::shares(const Task& task, AsOf as_of) {
  return track(task).shares(as_of, ws_.list.reporting.warn_days);
}

TaskStatus StatusTimeline::task(const Task& task, AsOf as_of, std::optional<Date> texts_since) {
  Track& track = this->track(task);
  TaskStatus t = track.shares(as_of, ws_.list.reporting.warn_days);
  t.texts = {texts_of(t, &Entry::progress, texts_since), texts_of(t, &Entry::problems, texts_since),
             texts_of(t, &Entry::next, texts_since)};
  t.goals = track.goals.at(as_of.reports);
  if (t.settled()) t.unmet = shortfalls_of(t.goals);
  return t;
}

StatusReport StatusTimeline::status(AsOf as_of, std::optional<Date> texts_since) {
  StatusReport report{as_of.reports, {}, rejected_through(ws_, Month::containing(as_of.reports)), ws_.sample};
  for (const Task* t : tasks_in_id_order()) report.tasks.push_back(task(*t, as_of, texts_since));
  return report;
}

std::vector<Name> TaskStatus::open_units() const {
  std::vector<Name> units;
  for (const ShareStatus& s : shares) {
    if (s.state != ShareState::kDone) units.push_back(s.unit);
  }
  return units;
}

TaskStatus evaluate_shares(const Workspace& ws, const Task& task, AsOf as_of) {
  return StatusTimeline(ws).shares(task, as_of);
}

TaskStatus evaluate_task(const Workspace& ws, const Task& task, AsOf as_of, std::optional<Date> texts_since) {
  return StatusTimeline(ws).task(task, as_of, texts_since);
}

StatusReport evaluate_status(const Workspace& ws, AsOf as_of, std::optional<Date> texts_since) {
  return StatusTimeline(ws).status(as_of, texts_since);
}

}  // namespace duban
