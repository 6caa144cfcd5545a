#include "model/period.h"

namespace duban {

std::optional<Period> parse_period_code(std::string_view code) {
  for (const PeriodInfo& p : kPeriods) {
    if (code == p.code) return p.period;
  }
  return std::nullopt;
}

}  // namespace duban
