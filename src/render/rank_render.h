// `duban rank`: the bi-monthly ranking with each component beside the score.
#pragma once

#include <string>

#include "evaluate/ranking.h"
#include "render/format.h"

namespace duban {

/// The ranking in `format`; every component shows its rate and what it was
/// computed from, and "—" when there was nothing to judge.
std::string render_rank(const TaskList& list, const RankReport& report, Format format);

}  // namespace duban
