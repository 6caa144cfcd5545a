#include "load/encoding.h"

#include <doctest/doctest.h>

namespace duban {

TEST_CASE("UTF-8 validity") {
  CHECK(is_valid_utf8("江洋社区 abc"));
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));      // overlong
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));  // surrogate
  CHECK_FALSE(is_valid_utf8("\xE6\xB1"));      // cut short
}

TEST_CASE("GBK text is recognised as GBK") {
  CHECK(looks_like_gbk("\xBD\xAD\xD1\xF3\xC9\xE7\xC7\xF8"));  // 江洋社区 in GBK
  CHECK(looks_like_gbk("unit: \xBD\xAD\xD1\xF3\n"));
  CHECK_FALSE(looks_like_gbk("plain ascii"));
  CHECK_FALSE(looks_like_gbk("\xFF\xFE"));
}

TEST_CASE("GBK files get advice on saving as UTF-8") {
  std::vector<Diagnostic> out;
  CHECK_FALSE(check_text_bytes("f.yaml", "a: 1\nunit: \xBD\xAD\xD1\xF3\n", out));
  REQUIRE(out.size() == 1);
  CHECK(out[0].line == 2);
  CHECK(out[0].column == 7);
  CHECK(out[0].message.find("GBK") != std::string::npos);
  CHECK(out[0].message.find("UTF-8") != std::string::npos);
}

}  // namespace duban
