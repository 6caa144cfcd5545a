// Deadlines as the work list writes them ("2024年6月前") and the day they mean.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/date.h"

namespace duban {

/// A deadline: the last day work may be done, and the words it was given in.
struct DueDate {
  Date date;
  std::string text;
};

/// Parses a deadline. Accepted: 2024-06-30; 2024-06 (last day of the month);
/// 2024年6月前, 2024年6月底前, 2024年6月 (last day of the month);
/// 2024年6月30日前, 2024年6月30日 (that day). Nothing when it does not parse,
/// names a day that does not exist or a year outside kMinYear..kMaxYear.
std::optional<DueDate> parse_due_date(std::string_view text);

/// The first day a deadline's words name, for a start (`from`): the first
/// day of the month for 2024年9月, 2024年9月前 and 2024-09; the day itself for
/// 2024年9月15日 and 2024-09-15. Nothing when it does not parse.
std::optional<Date> parse_start_date(std::string_view text);

/// What carry-over writes for a deadline the office has yet to set.
inline constexpr std::string_view kDuePlaceholder = "【请填写】";

}  // namespace duban
