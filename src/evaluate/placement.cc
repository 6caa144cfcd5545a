#include "evaluate/placement.h"

#include <functional>
#include <map>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "evaluate/rounds.h"

namespace duban {
namespace {

// Collects the warnings. A problem of the whole file (its folder, its
// round) gives one warning, at the first of its entries, with their count.
class Findings {
 public:
  void add(Misplacement m) {
    const bool of_file = m.kind == PlacementKind::kOtherRound || m.kind == PlacementKind::kAfterLastRound ||
                         m.kind == PlacementKind::kTwoFiles;
    if (!of_file) {
      found_.push_back(m);
      return;
    }
    const auto key = std::make_tuple(m.entry->path, m.kind, m.round, m.needed);
    if (const auto it = first_.find(key); it != first_.end()) {
      ++found_[it->second].count;
      return;
    }
    first_.emplace(key, found_.size());
    found_.push_back(m);
  }
  std::vector<Misplacement> take() { return std::move(found_); }

 private:
  std::vector<Misplacement> found_;
  std::map<std::tuple<std::string, PlacementKind, std::optional<Month>, std::optional<Month>>, size_t> first_;
};

// A misplacement of `kind` at `e`, clashing with `other` if given.
Misplacement at(PlacementKind kind, const Entry& e, const Entry* other = nullptr) {
  Misplacement m;
  m.kind = kind;
  m.entry = &e;
  m.other = other;
  return m;
}

// Where a report belongs: the round its date gives is the round its
// folder names, and is a round of the list.
void check_round(const TaskList& list, const Entry& e, Findings& out) {
  const std::optional<Month> round = entry_round(list, e);
  if (!round) {
    if (e.date < list.issued) return;  // an error the loader reports
    const Month last = list.reporting.last;
    Misplacement m = at(PlacementKind::kAfterLastRound, e);
    m.round = last;
    m.report_date = reporting_round(list, last).report_date;
    m.needed = month_of_entry(list, e);
    out.add(m);
    return;
  }
  const std::optional<Month> folder = folder_round(e.path);
  if (folder && *folder != *round) {
    Misplacement m = at(PlacementKind::kOtherRound, e);
    m.folder = folder;
    m.round = round;
    m.report_date = last_counting_day(reporting_round(list, *round), e);
    if (has_round(list, *folder)) m.folder_date = last_counting_day(reporting_round(list, *folder), e);
    out.add(m);
  }
}

// Two names, as views into the entries, which outlive the search.
// Two names, by their handles: a million entries are looked up by pair.
using NamePair = std::pair<Name, Name>;

struct NamePairHash {
  size_t operator()(const NamePair& p) const {
    const size_t a = NameAddressHash{}(p.first);
    return a ^ (NameAddressHash{}(p.second) + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2));
  }
};

using FirstOfPair = std::unordered_map<NamePair, const Entry*, NamePairHash>;

// The folder of each file, as a name, found once per file.
using Folders = std::unordered_map<Name, Name, NameAddressHash>;

Name folder_of(const Entry& e, Folders& folders) {
  const auto [it, added] = folders.try_emplace(e.path);
  if (added) it->second = Name(parent_folder(e.path));
  return it->second;
}

void check_one_file(const Entry& e, FirstOfPair& files, Folders& folders, Findings& out) {
  const auto [it, first] = files.emplace(NamePair(folder_of(e, folders), e.unit), &e);
  if (!first && it->second->path != e.path) out.add(at(PlacementKind::kTwoFiles, e, it->second));
}

void check_one_entry(const Entry& e, FirstOfPair& seen, Date& seen_on, Folders& folders, Findings& out) {
  if (e.date != seen_on) {
    seen.clear();
    seen_on = e.date;
  }
  const auto [it, first] = seen.emplace(NamePair(e.unit, e.task), &e);
  if (first) return;
  const Entry& other = *it->second;
  if (other.path != e.path && folder_of(other, folders) == folder_of(e, folders)) return;
  out.add(at(PlacementKind::kSameDayTwice, e, &other));
}

void check_after_close(const Entry& e, std::map<std::string, Date>& closed, Findings& out) {
  if (is_office_action(e.status)) {
    if (e.status == EntryStatus::kClosed) {
      closed.emplace(e.task, e.date);
    } else {
      closed.erase(e.task);
    }
    return;
  }
  const auto it = closed.find(e.task);
  const bool duty_dates_only = e.status == EntryStatus::kDone && !e.held.empty();
  if (it != closed.end() && it->second < e.date && !duty_dates_only) {
    Misplacement m = at(PlacementKind::kAfterClose, e);
    m.closed = it->second;
    out.add(m);
  }
}

// Where a report belongs: 已完成 means 100 per cent.
void check_done_percent(const Entry& e, Findings& out) {
  if (e.status == EntryStatus::kDone && e.percent && *e.percent < 100)
    out.add(at(PlacementKind::kDoneBelowFull, e));
}

}  // namespace

std::vector<Misplacement> find_misplacements(const Workspace& ws) {
  Findings out;
  Folders folders;
  FirstOfPair files;
  FirstOfPair seen;  // (unit, task) -> the first entry of the day
  Date seen_on;
  std::map<std::string, Date> closed;  // task -> date closed, while it stays closed
  // Entries are in date order, so each "earlier" one is met first.
  for (const Entry& e : ws.entries) {
    check_round(ws.list, e, out);
    check_one_file(e, files, folders, out);
    check_one_entry(e, seen, seen_on, folders, out);
    check_after_close(e, closed, out);
    check_done_percent(e, out);
  }
  return out.take();
}

}  // namespace duban
