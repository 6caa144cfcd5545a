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

TEST_CASE("bidirectional overrides are refused like control characters") {
  for (const char* text : {"a: x\u202Ay\n", "a: x\u202Ey\n", "a: x\u2066y\n", "a: x\u2069y\n"}) {
    CAPTURE(std::string(text));
    std::vector<Diagnostic> out;
    CHECK(check_text_bytes("f.yaml", text, out));
    REQUIRE(out.size() == 1);
    CHECK(out[0].column == 5);
    CHECK(out[0].message.find("方向") != std::string::npos);
  }
  std::vector<Diagnostic> out;
  CHECK(check_text_bytes("f.yaml", "a: x\u200By\u2028\n", out));  // not overrides
  CHECK(out.empty());
}

TEST_CASE("decoded scalars: line feeds pass, other invisible characters do not") {
  CHECK(check_decoded_text("江洋\n社区").empty());
  CHECK(check_decoded_text("").empty());
  CHECK(check_decoded_text("a\tb").find("U+0009") != std::string::npos);
  CHECK(check_decoded_text("a\rb").find("U+000D") != std::string::npos);
  CHECK(check_decoded_text(std::string("a\0b", 3)).find("U+0000") != std::string::npos);
  CHECK(check_decoded_text("\x1b[2J").find("U+001B") != std::string::npos);
  CHECK(check_decoded_text("a\u0085").find("U+0085") != std::string::npos);
  CHECK(check_decoded_text("a\uFEFF").find("U+FEFF") != std::string::npos);
  CHECK(check_decoded_text("a\u202Eb").find("U+202E") != std::string::npos);
  CHECK(check_decoded_text("\xED\xA0\x80").find("UTF-8") != std::string::npos);  // an escaped surrogate
}

}  // namespace duban
