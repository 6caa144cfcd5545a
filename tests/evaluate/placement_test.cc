#include "evaluate/placement.h"

#include <doctest/doctest.h>

#include "evaluate/fixture.h"

namespace duban {
using namespace duban::testing;

namespace {

Entry in_file(Entry e, const char* path, int line) {
  e.path = path;
  e.line = line;
  return e;
}

std::vector<PlacementKind> kinds(const std::vector<Misplacement>& found) {
  std::vector<PlacementKind> out;
  for (const Misplacement& m : found) out.push_back(m.kind);
  return out;
}

}  // namespace

TEST_CASE("a closed task takes no more reports, but its duty dates go on") {
  Entry duty = make_entry("2024-07-08", "甲社区", "1", EntryStatus::kDone);
  duty.held = {{"比武", "", {{day("2024-07-01"), day("2024-07-01")}}}};
  Entry duty_in_progress = make_entry("2024-07-08", "乙社区", "1", EntryStatus::kInProgress);
  duty_in_progress.held = {{"比武", "", {{day("2024-07-01"), day("2024-07-01")}}}};
  const Workspace ws = make_workspace(
      small_list(), {in_file(make_entry("2024-06-10", "党政综合办公室", "1", EntryStatus::kClosed),
                             "progress/2024-06/a.yaml", 4),
                     in_file(duty, "progress/2024-07/甲社区.yaml", 4),
                     in_file(duty_in_progress, "progress/2024-07/乙社区.yaml", 4),
                     in_file(make_entry("2024-06-10", "甲社区", "1", EntryStatus::kDone),
                             "progress/2024-06/甲社区.yaml", 4),
                     in_file(make_entry("2024-08-08", "党政综合办公室", "1", EntryStatus::kReopened),
                             "progress/2024-08/a.yaml", 4),
                     in_file(make_entry("2024-08-09", "甲社区", "1", EntryStatus::kInProgress, 50),
                             "progress/2024-08/甲社区.yaml", 4)});
  const std::vector<Misplacement> found = find_misplacements(ws);
  REQUIRE(found.size() == 1);  // only 乙社区's 推进中 after the close; the same day and after 退回 are fine
  CHECK(found[0].kind == PlacementKind::kAfterClose);
  CHECK(found[0].entry->unit == "乙社区");
  CHECK(*found[0].closed == day("2024-06-10"));
}

TEST_CASE("a file's entries in another round give one warning with their count") {
  const Workspace ws =
      make_workspace(small_list(), {in_file(make_entry("2024-05-08", "甲社区", "1", EntryStatus::kInProgress),
                                            "progress/2024-06/甲社区.yaml", 4),
                                    in_file(make_entry("2024-05-08", "甲社区", "2", EntryStatus::kInProgress),
                                            "progress/2024-06/甲社区.yaml", 7),
                                    in_file(make_entry("2024-06-08", "甲社区", "3", EntryStatus::kInProgress),
                                            "progress/2024-06/甲社区.yaml", 9)});
  const std::vector<Misplacement> found = find_misplacements(ws);
  REQUIRE(found.size() == 1);
  CHECK(found[0].kind == PlacementKind::kOtherRound);
  CHECK(found[0].count == 2);
  CHECK(found[0].entry->line == 4);
  CHECK(*found[0].round == Month::of(2024, 5));
  CHECK(*found[0].folder == Month::of(2024, 6));
}

TEST_CASE("entries after the last round, two files in a folder, 已完成 below 100") {
  const Workspace ws =
      make_workspace(small_list(), {in_file(make_entry("2024-12-11", "甲社区", "1", EntryStatus::kInProgress),
                                            "progress/2024-12/甲社区.yaml", 4),
                                    in_file(make_entry("2024-06-08", "乙社区", "1", EntryStatus::kInProgress),
                                            "progress/2024-06/乙社区.yaml", 4),
                                    in_file(make_entry("2024-06-09", "乙社区", "2", EntryStatus::kDone, 90),
                                            "progress/2024-06/乙社区2.yaml", 4)});
  const std::vector<Misplacement> found = find_misplacements(ws);
  CHECK(kinds(found) ==
        std::vector{PlacementKind::kTwoFiles, PlacementKind::kDoneBelowFull, PlacementKind::kAfterLastRound});
  CHECK(*found[2].needed == Month::of(2025, 1));
}

}  // namespace duban
