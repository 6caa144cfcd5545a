#include "load/plain_yaml.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "load/yaml_tree.h"

namespace duban {
namespace {

// The tree as text, positions included, for comparing and for messages.
std::string dump(const YamlNode& n, int depth = 0) {
  std::string out = std::string(static_cast<size_t>(depth) * 2, ' ') +
                    std::to_string(static_cast<int>(n.kind)) + " [" + n.key + "]@" +
                    std::to_string(n.key_pos.line) + ":" + std::to_string(n.key_pos.column) + " '" + n.text +
                    "'@" + std::to_string(n.pos.line) + ":" + std::to_string(n.pos.column) + "\n";
  for (const YamlNode& c : n.children) out += dump(c, depth + 1);
  return out;
}

// All parse_yaml says of `text`, read one way.
std::string parse_result(std::string_view text, YamlReader reader) {
  std::vector<Diagnostic> out;
  const YamlParse p = parse_yaml("f.yaml", text, {"task", "status", "unit"}, out, reader);
  std::string s = p.ok ? "ok\n" : "not ok\n";
  for (const Diagnostic& d : out)
    s += std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.message + "\n";
  return s + dump(p.root);
}

// Whether the plain reader takes `text`, after checking that parse_yaml
// gives the same either way.
bool read_plainly(std::string_view text) {
  INFO("the text:\n" << text);
  CHECK(parse_result(text, YamlReader::kPlainFirst) == parse_result(text, YamlReader::kYamlCppOnly));
  return parse_plain_yaml(text).has_value();
}

// Texts in the shape of progress files, with slips, odd values and
// everything the plain reader must leave to yaml-cpp mixed in.
class Generator {
 public:
  explicit Generator(unsigned seed) : random_(seed) {}

  std::string document() {
    std::string text = block(0, pick(std::vector<size_t>{0, 0, 0, 1, 2}));
    if (chance(0.2)) text = crlf(text);
    if (chance(0.1)) text = "# 说明\n" + text;
    if (chance(0.05)) text += "\n---\n";
    if (chance(0.5)) text += "\n";
    return text;
  }

 private:
  template <typename T>
  T pick(const std::vector<T>& from) {
    return from[std::uniform_int_distribution<size_t>(0, from.size() - 1)(random_)];
  }
  bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(random_) < p; }
  size_t between(size_t a, size_t b) { return std::uniform_int_distribution<size_t>(a, b)(random_); }

  static std::string crlf(const std::string& text) {
    std::string out;
    for (const char c : text) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
    return out;
  }

  std::string atom() {
    static const std::vector<std::string> good{"a",
                                               "task",
                                               "推进中",
                                               "2024-06-08",
                                               "12",
                                               "3.5",
                                               "x y",
                                               "x  y",
                                               "完成68项, 覆盖",
                                               "a,b",
                                               "true",
                                               "a'b",
                                               "a\"b",
                                               "a\\b",
                                               "【请修改】",
                                               "例会218",
                                               "é",
                                               "😀",
                                               "[]",
                                               "{}",
                                               "[a, b]",
                                               "{a: 1}",
                                               "[ a , b ]",
                                               "{ a: 1 , b: 2 }",
                                               "[a, [b, c]]",
                                               "{a: [1, 2]}",
                                               "{a: {b: 1}}",
                                               "[2024-06-03, 2024-06-05]",
                                               "{加装电梯: 9}",
                                               "{例会: [2024-06-03]}",
                                               "a=b",
                                               "<<"};
    static const std::vector<std::string> odd{
        "~",        "null",         "Null",  "-5",    "'q'",   "\"q\"",   "a #c",    "a#c",
        "a: b",     "a:b",          ":a",    "?a",    "-a",    "- a",     "[a",      "a]",
        "{a",       "a}",           "&x a",  "*x",    "!t a",  "|",       ">",       "%a",
        "@a",       "`a",           ".5",    "...",   "---",   "\u3000a", "a\u3000", "\u00a0a",
        "10:30",    "\"a\\u0007\"", "",      "[a, ]", "[,a]",  "{a: }",   "{: a}",   "[a b]",
        "{a b: c}", "{a: 1, a: 2}", "{a:1}", "[a,b]", "[x?y]", "{x?y: 1}"};
    return chance(0.08) ? pick(odd) : pick(good);
  }

  std::string key() {
    static const std::vector<std::string> usual{"task", "status", "unit",     "metrics", "a",
                                                "b",    "c",      "加装电梯", "d"};
    static const std::vector<std::string> odd{"a b", "a:b", "-a",      "'k'", "k ",
                                              "? k", "a#b", "\u3000k", "---"};
    return chance(0.1) ? pick(odd) : pick(usual);
  }

  std::string value(int depth, size_t indent) {
    const double r = std::uniform_real_distribution<double>(0, 1)(random_);
    if (depth < 3 && r < 0.2) return "\n" + block(depth + 1, indent + pick(std::vector<size_t>{1, 2, 2, 4}));
    if (depth < 3 && r < 0.28) return "\n" + list(depth + 1, indent);  // as far in as the key
    if (r < 0.29) return pick(std::vector<std::string>{"", " "});
    return " " + atom() + pick(std::vector<std::string>{"", "", "", "", "", "", " ", "  # 注"});
  }

  std::string map(int depth, size_t indent, const std::string* first_prefix = nullptr) {
    std::string out;
    for (size_t i = 0, n = between(1, 4); i < n; ++i) {
      if (i > 0) out += "\n";
      out += (i == 0 && first_prefix != nullptr ? *first_prefix : std::string(indent, ' ')) + key() + ":" +
             value(depth, indent);
      if (chance(0.1))
        out += "\n" + std::string(between(0, 6), ' ') + pick(std::vector<std::string>{"# 注", ""});
      if (chance(0.01)) out += "\n" + std::string(indent + between(1, 2), ' ') + atom();
    }
    return out;
  }

  std::string list(int depth, size_t indent) {
    std::string out;
    for (size_t i = 0, n = between(1, 3); i < n; ++i) {
      if (i > 0) out += "\n";
      const double r = std::uniform_real_distribution<double>(0, 1)(random_);
      const std::string dash = std::string(indent, ' ') + "- ";
      if (r < 0.6 && depth < 3) {
        out += map(depth + 1, indent + 2, &dash);
      } else if (r < 0.61) {
        out += std::string(indent, ' ') + "-";
      } else {
        out += dash + atom();
      }
    }
    return out;
  }

  std::string block(int depth, size_t indent) {
    return chance(0.3) ? list(depth, indent) : map(depth, indent);
  }

  std::mt19937 random_;
};

}  // namespace

TEST_CASE("the plain reader reads progress files as duban writes and people fill them in") {
  CHECK(
      read_plainly("unit: 江洋社区\ndate: 2024-06-08\nentries:\n  - task: 3.1\n    status: 推进中\n"
                   "    percent: 60\n    progress: 完成摸底, 调整楼栋长 3 名\n    metrics: {加装电梯: 9}\n"
                   "    held: {例会: [2024-06-03, 2024-06-05]}\n"));
  CHECK(
      read_plainly("# 江洋社区 6 月\r\nunit: 江洋社区\r\n\r\nentries:\r\n- task: 1\r\n  status: 已完成\r\n"
                   "  # 备注\r\n- task: 2\r\n  status: 推进中\r\n"));
  CHECK(read_plainly("entries: []\nunit: 江洋社区\n"));
  CHECK(read_plainly("  a: 1\n  b:\n    - x\n    - {y: [1, [2, 3]], z: {w: 4}}\n"));
  CHECK(read_plainly("- 1\n- a: b\n  c: d\n- [x]\n"));
}

TEST_CASE("what leaves the plain shape is left to yaml-cpp, which reads it the same or reports it") {
  for (const char* text : {
           "a: 'quoted'\n",    // quotes
           "a: b # 注\n",      // a comment after a value
           "a: one\n  two\n",  // a text over two lines
           "a:\nb: 1\n",       // an empty value
           "a: ~\n",
           "a: null\n",                // read as empty
           "a: &x 1\nb: *x\n",         // anchors and aliases
           "a: !t 1\n",                // a tag
           "a: |\n  text\n",           // a block text
           "a: 1\na: 2\n",             // a duplicate key
           "a: {b: 1, b: 2}\n",        // a duplicate key in braces
           "---\na: 1\n",              // a document marker
           "a: 1\n---\nb: 2\n",        // a second document
           "a:b\n",                    // no space after the colon
           "a: 1\n- b\n",              // a list item where a key belongs
           "- \n- a\n",                // an empty item
           "- - a\n",                  // a list in a list on one line
           "a: [b, ]\n",               // a trailing comma
           "a: {b}\n",                 // a key without a value
           "a: [b\n",                  // a bracket not closed on its line
           "a: -5\n",                  // starts like a list item
           "a: 10:30\n",               // a colon inside
           "a: {物业公司?考核: 1}\n",  // yaml-cpp refuses a ? in braces (fuzz_plain_yaml found it)
           "\u3000a: 1\n",             // a full-width space before a key
           "# only a comment\n",       // an empty document
           "",                         // nothing at all
       }) {
    CHECK_FALSE(read_plainly(text));
  }
  std::string deep = "a: ";
  for (int i = 0; i < 40; ++i) deep += "[";
  deep += "1";
  for (int i = 0; i < 40; ++i) deep += "]";
  CHECK_FALSE(read_plainly(deep + "\n"));
  std::string many;  // more keys than are compared pairwise, one twice
  for (int i = 0; i < 40; ++i) many += "k" + std::to_string(i) + ": 1\n";
  CHECK(read_plainly(many));
  CHECK_FALSE(read_plainly(many + "k7: 2\n"));
}

TEST_CASE("the plain reader gives yaml-cpp's tree and positions for thousands of generated texts") {
  Generator generate(14);
  int plain = 0;
  constexpr int kTexts = 4000;
  for (int i = 0; i < kTexts; ++i) plain += read_plainly(generate.document());
  // Enough of them plain that the comparison means something, enough not
  // that the way back to yaml-cpp is taken too.
  CHECK(plain > kTexts / 5);
  CHECK(plain < kTexts * 4 / 5);
}

}  // namespace duban
