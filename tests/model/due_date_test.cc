#include "model/due_date.h"

#include <doctest/doctest.h>

namespace duban {

TEST_CASE("every written deadline form means the right day") {
  struct Case {
    const char* text;
    const char* iso;  // nullptr: rejected
  };
  const Case cases[] = {
      {"2024-06-30", "2024-06-30"},
      {"2024-06", "2024-06-30"},
      {"2024年6月前", "2024-06-30"},
      {"2024年6月底前", "2024-06-30"},
      {"2024年6月底", "2024-06-30"},
      {"2024年6月", "2024-06-30"},
      {"2024年5月前", "2024-05-31"},
      {"2024年5月底前", "2024-05-31"},
      {"2024年2月", "2024-02-29"},
      {"2024年6月30日前", "2024-06-30"},
      {"2024年6月10日", "2024-06-10"},
      {"2024年12月前", "2024-12-31"},
      {"2024年06月", "2024-06-30"},
      {"2024年6月31日", nullptr},
      {"2024年13月前", nullptr},
      {"2024年6月中旬", nullptr},
      {"6月前", nullptr},
      {"八月底", nullptr},
      {"2024年6月30日后", nullptr},
      {"", nullptr},
      {"1900年1月", "1900-01-31"},
      {"2999年12月31日前", "2999-12-31"},
      {"1899年12月", nullptr},
      {"3000-01", nullptr},
      {"3000年1月1日", nullptr},
      {"1899-12-31", nullptr},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.text));
    const auto due = parse_due_date(c.text);
    if (c.iso == nullptr) {
      CHECK_FALSE(due.has_value());
    } else {
      REQUIRE(due.has_value());
      CHECK(due->date.iso() == c.iso);
      CHECK(due->text == c.text);
    }
  }
}

// Found by fuzzing: a deadline in the year 1012 made Month::last_day
// dereference an empty optional, and the reports showed a different date on
// every run.
TEST_CASE("regression: fuzz due 1012年1月 is refused, not an undefined date") {
  CHECK_FALSE(parse_due_date("1012年1月").has_value());
  CHECK_FALSE(parse_due_date("0000年1月前").has_value());
  CHECK_FALSE(parse_due_date("9999年12月底前").has_value());
}

}  // namespace duban
