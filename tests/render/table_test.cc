#include "render/table.h"

#include <doctest/doctest.h>

namespace duban {

TEST_CASE("text tables align by display width") {
  const Table t{{"单位", "n"}, {{"江洋社区", "1"}, {"ab", "22"}}};
  CHECK(render_text_table(t) ==
        "单位      n\n"
        "江洋社区  1\n"
        "ab        22\n");
}

TEST_CASE("markdown cells escape pipes and line breaks") {
  CHECK(markdown_cell("a|b") == "a\\|b");
  CHECK(markdown_cell("一\n二\n") == "一<br>二");
  CHECK(markdown_cell("a\r\nb") == "a<br>b");
  const Table t{{"a", "b"}, {{"x|y", "1"}}};
  CHECK(render_markdown_table(t) == "| a | b |\n| --- | --- |\n| x\\|y | 1 |\n");
}

TEST_CASE("csv quotes, uses CRLF and neutralises formulas") {
  const Table t{{"a", "b"}, {{"=SUM(A1)", "x,y"}, {"-5", "say \"hi\""}, {"@x", "多\n行"}}};
  CHECK(render_csv(t) ==
        "\xEF\xBB\xBF"
        "a,b\r\n"
        "'=SUM(A1),\"x,y\"\r\n"
        "'-5,\"say \"\"hi\"\"\"\r\n"
        "'@x,\"多\n行\"\r\n");
}

}  // namespace duban
