#include "model/text.h"

#include <doctest/doctest.h>

namespace duban {

TEST_CASE("display width counts CJK as two columns") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("江洋社区") == 8);
  CHECK(display_width("2024年6月") == 9);
  CHECK(display_width("（）：") == 6);
  CHECK(pad_right("社区", 6) == "社区  ");
  CHECK(pad_right("社区", 2) == "社区");
  CHECK(count_chars("江洋a") == 3);
}

TEST_CASE("closest match suggests likely typos only") {
  const std::vector<std::string> keys = {"task", "status", "percent", "progress"};
  CHECK(closest_match("stauts", keys) == "status");
  CHECK(closest_match("precent", keys) == "percent");
  CHECK(closest_match("unit", keys).empty());
  CHECK(closest_match("status", keys).empty());  // exact: nothing to suggest
  const std::vector<std::string> units = {"江洋社区", "示例甲社区", "党政综合办公室"};
  CHECK(closest_match("江阳社区", units) == "江洋社区");
  CHECK(closest_match("党政综合办", units) == "党政综合办公室");
  CHECK(closest_match("综合执法中心", units).empty());
}

TEST_CASE("edit distance counts characters, not bytes") {
  CHECK(edit_distance("江洋", "江阳") == 1);
  CHECK(edit_distance("", "社区") == 2);
  CHECK(edit_distance("abc", "abc") == 0);
}

}  // namespace duban
