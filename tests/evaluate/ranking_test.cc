#include "evaluate/ranking.h"

#include <doctest/doctest.h>

#include "evaluate/fixture.h"

namespace duban {
using namespace duban::testing;

namespace {

Workspace ranked(std::vector<Entry> entries) {
  TaskList list = small_list();
  list.tasks.push_back(make_task("1", {"各社区"}, {"甲社区", "乙社区"}, "2024-05-31"));
  list.tasks.push_back(make_task("2", {"各社区"}, {"甲社区", "乙社区"}, "2024-12-31"));
  return make_workspace(std::move(list), std::move(entries));
}

}  // namespace

TEST_CASE("components and score of the May-June ranking") {
  const Workspace ws = ranked({
      make_entry("2024-05-05", "甲社区", "1", EntryStatus::kDone),
      make_entry("2024-05-06", "甲社区", "2", EntryStatus::kInProgress, 10),
      make_entry("2024-06-05", "甲社区", "2", EntryStatus::kInProgress, 20),
      make_entry("2024-05-06", "乙社区", "1", EntryStatus::kInProgress, 10),
  });
  const RankReport r = rank_units(ws, Month::of(2024, 5));
  CHECK(r.first.iso() == "2024-05");
  CHECK(r.second.iso() == "2024-06");
  CHECK(r.as_of == day("2024-06-10"));
  REQUIRE(r.units.size() == 2);
  const UnitRank& jia = r.units[0];
  CHECK(jia.unit == "甲社区");
  CHECK(jia.rank == 1);
  // May: owes 1 and 2, sends both; June: owes 2 only (1 done), sends it.
  CHECK(jia.part(RankPart::kReporting).count == 3);
  CHECK(jia.part(RankPart::kReporting).total == 3);
  CHECK(jia.part(RankPart::kCompletion).rate == 1.0);  // task 1 due by June 30, done
  CHECK(jia.part(RankPart::kOverdue).rate == 1.0);
  CHECK_FALSE(jia.part(RankPart::kDuties).rate.has_value());  // nothing to judge
  CHECK_FALSE(jia.part(RankPart::kTargets).rate.has_value());
  CHECK(jia.score == 100.0);  // the unjudged components weigh nothing
  const UnitRank& yi = r.units[1];
  CHECK(yi.rank == 2);
  CHECK(yi.part(RankPart::kReporting).count == 1);  // May task 1 only
  CHECK(yi.part(RankPart::kReporting).total == 4);
  CHECK(yi.part(RankPart::kOverdue).rate == 0.0);
  // (30 * 0.25 + 30 * 0 + 20 * 0) / 80 * 100 = 9.375 -> 9.4
  CHECK(yi.score == doctest::Approx(9.4));
}

TEST_CASE("equal scores share a rank; the next rank skips") {
  TaskList list = small_list();
  list.units.push_back({"丙社区", {}});
  list.groups[0].members.push_back("丙社区");
  list.tasks.push_back(make_task("1", {"各社区"}, {"甲社区", "乙社区", "丙社区"}, "2024-12-31"));
  const Workspace ws =
      make_workspace(list, {make_entry("2024-05-05", "乙社区", "1", EntryStatus::kInProgress),
                            make_entry("2024-05-06", "丙社区", "1", EntryStatus::kInProgress)});
  const RankReport r = rank_units(ws, Month::of(2024, 6));
  REQUIRE(r.units.size() == 3);
  CHECK(r.units[0].unit == "乙社区");
  CHECK(r.units[0].rank == 1);
  CHECK(r.units[1].unit == "丙社区");
  CHECK(r.units[1].rank == 1);
  CHECK(r.units[2].unit == "甲社区");
  CHECK(r.units[2].rank == 3);
}

}  // namespace duban
