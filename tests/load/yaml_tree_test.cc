#include "load/yaml_tree.h"

#include <doctest/doctest.h>

namespace duban {
namespace {

struct Parsed {
  YamlParse parse;
  std::vector<Diagnostic> diagnostics;
};

Parsed parse(std::string_view text, const std::vector<std::string>& keys = {"task", "status"}) {
  Parsed p;
  p.parse = parse_yaml("f.yaml", text, keys, p.diagnostics);
  return p;
}

std::string positions(const std::vector<Diagnostic>& ds) {
  std::string out;
  for (const Diagnostic& d : ds) out += std::to_string(d.line) + ":" + std::to_string(d.column) + " ";
  return out;
}

}  // namespace

TEST_CASE("positions are lines and character columns from 1") {
  const Parsed p = parse("名字: 江洋社区\nb: [1, 2]\n");
  REQUIRE(p.parse.ok);
  const YamlNode& root = p.parse.root;
  REQUIRE(root.children.size() == 2);
  CHECK(root.children[0].key == "名字");
  CHECK(root.children[0].pos.line == 1);
  CHECK(root.children[0].pos.column == 5);  // 名 字 : space, then the value
  CHECK(root.children[1].key_pos.line == 2);
  CHECK(root.children[1].children[1].pos.column == 8);
}

TEST_CASE("a BOM and CRLF line ends do not shift positions") {
  const Parsed p = parse(
      "\xEF\xBB\xBF"
      "a: 1\r\n单位: 江洋\r\n");
  REQUIRE(p.parse.ok);
  const YamlNode* v = p.parse.root.find("单位");
  REQUIRE(v != nullptr);
  CHECK(v->text == "江洋");
  CHECK(v->key_pos.line == 2);
  CHECK(v->pos.column == 5);
}

TEST_CASE("duplicate keys are reported with both lines") {
  const Parsed p = parse("a: 1\nb: 2\na: 3\n");
  CHECK_FALSE(p.parse.ok);
  REQUIRE(p.diagnostics.size() == 1);
  CHECK(p.diagnostics[0].line == 3);
  CHECK(p.diagnostics[0].message.find("第 1 行") != std::string::npos);
}

TEST_CASE("refused constructs and their positions") {
  struct Case {
    const char* name;
    const char* text;
    const char* where;
  };
  const Case cases[] = {
      {"anchor", "a: &x 1\n", "1:4 "},
      {"alias", "a: &x 1\nb: *x\n", "1:4 "},
      {"second document", "a: 1\n---\nb: 2\n", "3:1 "},
      {"tab", "a: 1\n\tb: 2\n", "2:1 "},
      {"full-width colon", "task：1\n", "1:5 "},
      {"missing space", "  - task:1\n", "1:10 "},
      {"stray U+FEFF", "a: 1\nb: \xEF\xBB\xBFx\n", "2:4 "},
      {"control character", "a: x\x01y\n", "1:5 "},
      {"lone CR", "a: 1\rb: 2\n", "1:5 "},
      {"lone comma", ",\n", "1:1 "},
      {"unclosed flow", "a: [1, 2\n", "2:1 "},
      {"raw bidi override", "a: x\u202Ey\n", "1:5 "},
      {"escaped ESC", "a: \"x\\e[2Jy\"\n", "1:4 "},
      {"escaped tab", "a: \"x\\ty\"\n", "1:4 "},
      {"escaped NUL in a key", "\"a\\0b\": 1\n", "1:1 "},
      {"escaped bidi override", "a: \"x\\u202Ey\"\n", "1:4 "},
      {"escaped isolate", "a: [ok, \"\\u2066\"]\n", "1:9 "},
      {"escaped U+FEFF", "a: \"\\uFEFF\"\n", "1:4 "},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.name));
    const Parsed p = parse(c.text);
    CHECK_FALSE(p.parse.ok);
    CHECK(positions(p.diagnostics) == c.where);
  }
}

TEST_CASE("nesting deeper than the limit is refused where it gets too deep") {
  const std::string ok = std::string(kMaxDepth, '[') + "1" + std::string(kMaxDepth, ']') + "\n";
  CHECK(parse(ok).parse.ok);
  const std::string deep = std::string(kMaxDepth + 1, '[') + "1" + std::string(kMaxDepth + 1, ']') + "\n";
  const Parsed p = parse(deep);
  CHECK_FALSE(p.parse.ok);
  CHECK(positions(p.diagnostics) == "1:" + std::to_string(kMaxDepth + 1) + " ");
  const std::string huge = std::string(100000, '[') + "\n";
  CHECK_FALSE(parse(huge).parse.ok);
}

TEST_CASE("harmless variations parse") {
  CHECK(parse("a: 1\n---\n").parse.ok);  // trailing document marker
  CHECK(parse("---\na: 1\n").parse.ok);  // leading document marker
  CHECK(parse("# only a comment\n").parse.root.is_null());
  CHECK(parse("a: \"引号：中文冒号\"\n").parse.ok);              // full-width colon inside a value
  CHECK(parse("content: |\n  task:1 is text here\n").parse.ok);  // inside a block scalar
  CHECK(parse("url: http://example.org\n").parse.ok);            // not a known key
}

TEST_CASE("empty values are null, quoted ones are text") {
  const Parsed p = parse("a:\nb: \"\"\nc: ~\nd: 'null'\n");
  REQUIRE(p.parse.ok);
  CHECK(p.parse.root.find("a")->is_null());
  CHECK(p.parse.root.find("b")->is_scalar());
  CHECK(p.parse.root.find("c")->is_null());
  CHECK(p.parse.root.find("d")->text == "null");
}

TEST_CASE("decoded text may hold line breaks, and nothing else invisible") {
  const Parsed p = parse("a: \"x\\ny\"\nb: |\n  one\n  two\n");
  REQUIRE(p.parse.ok);
  CHECK(p.parse.root.find("a")->text == "x\ny");
  const Parsed escaped = parse("a: \"\\e[2J所有检查均已通过\"\n");
  REQUIRE(escaped.diagnostics.size() == 1);
  CHECK(escaped.diagnostics[0].message.find("U+001B") != std::string::npos);
  CHECK(escaped.diagnostics[0].message.find('\x1b') == std::string::npos);  // named, not echoed
}

TEST_CASE("columns stay right far along a long line") {
  std::string line = "a: [";
  for (int i = 0; i < 5000; ++i) line += "江洋, ";
  line += "&x 1]\n";
  const Parsed p = parse(line);
  REQUIRE(p.diagnostics.size() == 1);  // the anchor, after 5000 items of 4 characters
  CHECK(p.diagnostics[0].line == 1);
  CHECK(p.diagnostics[0].column == 5 + 5000 * 4);
}

TEST_CASE("a duplicate key is found in a map of any size") {
  for (int size : {3, 15, 16, 17, 200}) {
    CAPTURE(size);
    std::string text;
    for (int i = 0; i < size; ++i) text += "k" + std::to_string(i) + ": 1\n";
    text += "k1: 2\nk" + std::to_string(size - 1) + ": 3\n";
    const Parsed p = parse(text);
    REQUIRE(p.diagnostics.size() == 2);
    CHECK(p.diagnostics[0].line == size + 1);
    CHECK(p.diagnostics[0].message.find("第 2 行") != std::string::npos);
    CHECK(p.diagnostics[1].message.find("第 " + std::to_string(size) + " 行") != std::string::npos);
    CHECK(p.parse.root.children.size() == static_cast<size_t>(size));
  }
}

}  // namespace duban
