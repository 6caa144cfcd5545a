#include "evaluate/status.h"

#include <algorithm>

#include <fmt/format.h>

namespace duban {
namespace {

ShareState share_state_of(EntryStatus s) {
  switch (s) {
    case EntryStatus::kNotStarted:
      return ShareState::kNotStarted;
    case EntryStatus::kDone:
      return ShareState::kDone;
    default:
      return ShareState::kInProgress;
  }
}

// Replays the entries of one task in order.
class TaskReplay {
 public:
  TaskReplay(const TaskList& list, const Task& task) : list_(list), task_(task) {
    for (const std::string& unit : task.shares) {
      ShareStatus share;
      share.unit = unit;
      status_.shares.push_back(std::move(share));
    }
  }

  void apply(const Entry& e) {
    const bool office_action = e.status == EntryStatus::kClosed || e.status == EntryStatus::kReopened;
    if (office_action && e.unit == list_.reporting.office) {
      status_.office_action = &e;
      if (e.status == EntryStatus::kClosed) {
        closed_ = true;
        status_.close_date = e.date;
      } else {
        reopen();
      }
      // The office's entry also counts as its report on a task it owns.
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

  TaskStatus finish(Date as_of, int warn_days) {
    TaskStatus& t = status_;
    t.task = &task_;
    const bool all_done = std::all_of(t.shares.begin(), t.shares.end(),
                                      [](const ShareStatus& s) { return s.state == ShareState::kDone; });
    t.state = closed_    ? TaskState::kClosed
              : all_done ? TaskState::kDone
                         : open_state(task_.due.date, as_of, warn_days);
    if (t.state == TaskState::kOverdue) t.overdue_days = as_of - task_.due.date;
    t.light = light_of(t.state);
    if (!closed_) t.close_date.reset();
    settle(all_done);
    if (t.done_date) t.on_time = *t.done_date <= task_.due.date;
    long sum = 0;
    for (const ShareStatus& s : t.shares) sum += s.percent;
    const long n = static_cast<long>(t.shares.size());
    t.percent = n == 0 ? 0 : static_cast<int>((2 * sum + n) / (2 * n));  // rounded half up
    fill_texts(t, std::nullopt);
    return std::move(t);
  }

 private:
  TaskState open_state(Date due, Date as_of, int warn_days) const {
    if (as_of > due) return TaskState::kOverdue;
    if (due - as_of <= warn_days) return TaskState::kDueSoon;
    return started_ ? TaskState::kOnTrack : TaskState::kNotStarted;
  }

  static Light light_of(TaskState s) {
    switch (s) {
      case TaskState::kOverdue:
        return Light::kRed;
      case TaskState::kDueSoon:
        return Light::kYellow;
      case TaskState::kClosed:
      case TaskState::kDone:
        return Light::kNone;
      default:
        return Light::kGreen;
    }
  }

  // Done date, and the entry that settled a done or closed task.
  void settle(bool all_done) {
    TaskStatus& t = status_;
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

  ShareStatus* share(const std::string& unit) {
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

  const TaskList& list_;
  const Task& task_;
  TaskStatus status_;
  bool closed_ = false;
  bool started_ = false;
};

// The latest texts; with several sources each line names its source.
std::string labelled_texts(const TaskStatus& t, std::string Entry::*field, std::optional<Date> since) {
  std::vector<std::pair<std::string, const Entry*>> sources;
  for (const ShareStatus& s : t.shares) {
    if (s.latest != nullptr) sources.emplace_back(s.unit, s.latest);
  }
  if (t.office_action != nullptr) {
    sources.emplace_back(
        fmt::format("{}（{}）", t.office_action->unit, entry_status_label(t.office_action->status)),
        t.office_action);
  }
  std::erase_if(sources, [&](const auto& s) {
    return (s.second->*field).empty() || (since && s.second->date < *since);
  });
  // A one-unit task's own text needs no label.
  if (sources.size() == 1 && t.shares.size() == 1 && sources[0].second != t.office_action) {
    return sources[0].second->*field;
  }
  std::string out;
  for (const auto& [who, entry] : sources) {
    if (!out.empty()) out += "\n";
    out += who + "：" + entry->*field;
  }
  return out;
}

}  // namespace

void fill_texts(TaskStatus& t, std::optional<Date> since) {
  t.progress = labelled_texts(t, &Entry::progress, since);
  t.problems = labelled_texts(t, &Entry::problems, since);
  t.next = labelled_texts(t, &Entry::next, since);
}

std::vector<std::string> TaskStatus::open_units() const {
  std::vector<std::string> units;
  for (const ShareStatus& s : shares) {
    if (s.state != ShareState::kDone) units.push_back(s.unit);
  }
  return units;
}

TaskStatus evaluate_task(const Workspace& ws, const Task& task, Date as_of) {
  TaskReplay replay(ws.list, task);
  for (const Entry& e : ws.entries) {
    if (e.date > as_of) break;  // entries are in date order
    if (e.task == task.id) replay.apply(e);
  }
  TaskStatus t = replay.finish(as_of, ws.list.reporting.warn_days);
  t.goals = evaluate_goals(ws, task, as_of);
  if (t.state == TaskState::kDone || t.state == TaskState::kClosed) t.unmet = unmet_labels(t.goals);
  return t;
}

StatusReport evaluate_status(const Workspace& ws, Date as_of) {
  StatusReport report{as_of, {}};
  std::vector<const Task*> tasks;
  for (const Task& t : ws.list.tasks) tasks.push_back(&t);
  std::stable_sort(tasks.begin(), tasks.end(),
                   [](const Task* a, const Task* b) { return task_id_less(a->id, b->id); });
  for (const Task* t : tasks) report.tasks.push_back(evaluate_task(ws, *t, as_of));
  return report;
}

const char* share_state_code(ShareState s) {
  static constexpr const char* kCodes[] = {"none", "not_started", "in_progress", "done"};
  return kCodes[static_cast<int>(s)];
}

const char* share_state_label(ShareState s) {
  static constexpr const char* kLabels[] = {"未报送", "未启动", "推进中", "已完成"};
  return kLabels[static_cast<int>(s)];
}

const char* task_state_code(TaskState s) {
  static constexpr const char* kCodes[] = {"closed",      "done",     "on_track",
                                           "not_started", "due_soon", "overdue"};
  return kCodes[static_cast<int>(s)];
}

const char* task_state_label(TaskState s) {
  static constexpr const char* kLabels[] = {"已销号", "已完成待销号", "正常推进", "未启动", "临期", "逾期"};
  return kLabels[static_cast<int>(s)];
}

const char* light_code(Light l) {
  static constexpr const char* kCodes[] = {"red", "yellow", "green", "none"};
  return kCodes[static_cast<int>(l)];
}

const char* light_mark(Light l) {
  static constexpr const char* kMarks[] = {"🔴", "🟡", "🟢", ""};
  return kMarks[static_cast<int>(l)];
}

}  // namespace duban
