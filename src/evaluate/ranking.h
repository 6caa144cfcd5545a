// The bi-monthly ranking of a group's members (每双月考核排名): each
// component is a rate with what it was computed from; the score is their
// weighted mean over the components that had something to judge. The rules
// are those of duban(5), RANKING RULES: Who and when, Parts of the score,
// Score and rank.
#pragma once

#include <array>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "evaluate/status.h"
#include "model/workspace.h"

namespace duban {

/// One part of a unit's score: `count` of `total`, and the rate judged.
struct RankComponent {
  std::optional<double> rate;  ///< 0..1; nothing when there was nothing to judge
  int count = 0;
  int total = 0;
};

enum class RankPart { kReporting, kCompletion, kOverdue, kDuties, kTargets };
inline constexpr RankPart kRankParts[] = {RankPart::kReporting, RankPart::kCompletion, RankPart::kOverdue,
                                          RankPart::kDuties, RankPart::kTargets};

/// One member's place.
struct UnitRank {
  std::string unit;
  int rank = 0;
  std::optional<double> score;  ///< 0..100, one decimal; nothing when nothing was judged
  std::array<RankComponent, std::size(kRankParts)> parts;
  const RankComponent& part(RankPart p) const { return parts[static_cast<size_t>(p)]; }
};

/// The ranking of one bimonth.
struct RankReport {
  Month first;  ///< the bimonth's months
  Month second;
  Date as_of;         ///< report date of the second month
  Date window_start;  ///< first day of the first month's round: duty periods ending from here count
  std::string group;
  RankingWeights weights;
  std::vector<UnitRank> units;         ///< by rank, then tasks.yaml order
  std::vector<RejectedFile> rejected;  ///< files left out that may bear on it
  bool sample = false;                 ///< computed from sample data (示例数据)
};

/// A ranking period to rank: the bimonth holding `month`, as of a day, by
/// default the second month's report date (duban(5) RANKING RULES, Who and
/// when): entries after it do not count, and no round's reports count
/// after its report date.
struct PeriodQuery {
  Month month;
  std::optional<Date> as_of;
};

/// Ranks the members of ranking.group over each of `periods`, given in
/// increasing order, handing each ranking to `each` before computing the
/// next: the periods share one evaluation, so that all of them read each
/// entry about once.
void rank_units(const Workspace& ws, std::span<const PeriodQuery> periods,
                const std::function<void(const RankReport&)>& each);

/// Ranks one period alone.
RankReport rank_units(const Workspace& ws, Month m, std::optional<Date> as_of = std::nullopt);

double weight_of(const RankingWeights& w, RankPart p);

}  // namespace duban
