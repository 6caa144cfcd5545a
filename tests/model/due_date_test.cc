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

}  // namespace duban
