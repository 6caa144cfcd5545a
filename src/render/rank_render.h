// `duban rank`: the bi-monthly ranking with each component beside the score.
#pragma once

#include <string>
#include <vector>

#include "evaluate/ranking.h"
#include "render/format.h"

namespace duban {

/// 2024年5—6月
std::string rank_period_words(const RankReport& r);

/// How the score is made (计分方法): the rule, one line per part, the weights.
struct RankMethod {
  std::string score;
  std::vector<std::string> parts;
  std::string weights;
};
RankMethod rank_method(const RankReport& r);

/// The ranking in `format`; every component shows its rate and what it was
/// computed from, and "—" when there was nothing to judge. Text is fitted
/// to `width` terminal columns (0: no limit) by cutting unit names and
/// components with …, as status does.
std::string render_rank(const TaskList& list, const RankReport& report, Format format, int width = 0);

}  // namespace duban
