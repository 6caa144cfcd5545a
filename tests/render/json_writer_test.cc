#include "render/json_writer.h"

#include <doctest/doctest.h>

namespace duban {

TEST_CASE("json writer nests, escapes and never prints NaN") {
  JsonWriter w;
  w.begin_object()
      .key("s")
      .value("引号\"与\\反斜杠\n")
      .key("n")
      .value(3)
      .key("x")
      .value(87.5)
      .key("whole")
      .value(15.0)
      .key("nan")
      .value(0.0 / 0.0)
      .key("none")
      .null()
      .key("list")
      .strings({"甲", "乙"})
      .key("empty")
      .begin_array()
      .end_array()
      .key("objs")
      .begin_array()
      .begin_object()
      .key("a")
      .value(true)
      .end_object()
      .end_array()
      .end_object();
  CHECK(w.str() ==
        "{\n"
        "  \"s\": \"引号\\\"与\\\\反斜杠\\n\",\n"
        "  \"n\": 3,\n"
        "  \"x\": 87.5,\n"
        "  \"whole\": 15,\n"
        "  \"nan\": null,\n"
        "  \"none\": null,\n"
        "  \"list\": [\"甲\", \"乙\"],\n"
        "  \"empty\": [],\n"
        "  \"objs\": [\n"
        "    {\n"
        "      \"a\": true\n"
        "    }\n"
        "  ]\n"
        "}\n");
}

TEST_CASE("control characters are escaped") { CHECK(json_quote("a\x01") == "\"a\\u0001\""); }

}  // namespace duban
