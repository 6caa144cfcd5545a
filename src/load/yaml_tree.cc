#include "load/yaml_tree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>

#include "load/encoding.h"
#include "load/plain_yaml.h"
#include "model/text.h"

namespace duban {

const YamlNode* YamlNode::find(std::string_view k) const {
  for (const YamlNode& c : children) {
    if (c.key == k) return &c;
  }
  return nullptr;
}

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Converts yaml-cpp marks (byte offsets) into lines and character columns,
// in time independent of the line's length: it keeps the number of UTF-8
// continuation bytes before every kStride-th offset.
class PositionMap {
 public:
  explicit PositionMap(std::string_view text) : text_(text) {
    line_starts_.push_back(0);
    continuations_.reserve(text.size() / kStride + 1);
    size_t continuations = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      if (i % kStride == 0) continuations_.push_back(continuations);
      if (text[i] == '\n') line_starts_.push_back(i + 1);
      if (is_continuation(text[i])) ++continuations;
    }
    if (text.size() % kStride == 0) continuations_.push_back(continuations);
  }

  Pos at(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.pos < 0) return at_offset(text_.size());
    return at_offset(std::min(static_cast<size_t>(mark.pos), text_.size()));
  }

  Pos at_offset(size_t offset) const {
    // Marks come mostly in order: look on from the last line found first.
    size_t line = last_line_;
    if (offset < line_starts_[line]) {
      line = static_cast<size_t>(std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) -
                                 line_starts_.begin()) -
             1;
    }
    while (line + 1 < line_starts_.size() && line_starts_[line + 1] <= offset) ++line;
    last_line_ = line;
    const size_t start = line_starts_[line];
    // Most lines are short: count their characters at once.
    const size_t chars =
        offset - start <= kStride ? chars_between(start, offset) : chars_before(offset) - chars_before(start);
    return {static_cast<int>(line) + 1, static_cast<int>(chars) + 1};
  }

 private:
  static constexpr size_t kStride = 64;

  static bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

  size_t chars_between(size_t from, size_t to) const {
    size_t continuations = 0;
    for (size_t i = from; i < to; ++i) continuations += is_continuation(text_[i]);
    return to - from - continuations;
  }

  size_t chars_before(size_t offset) const {
    const size_t checkpoint = offset / kStride;
    size_t continuations = continuations_[checkpoint];
    for (size_t i = checkpoint * kStride; i < offset; ++i) continuations += is_continuation(text_[i]);
    return offset - continuations;
  }

  std::string_view text_;
  std::vector<size_t> line_starts_;
  std::vector<size_t> continuations_;  // before offset k * kStride
  mutable size_t last_line_ = 0;
};

struct TooDeep {
  YAML::Mark mark;
};

struct Refused {
  YAML::Mark mark;
  std::string message;
};

// Builds a YamlNode tree from parser events.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const std::string& path, const PositionMap& positions, std::vector<Diagnostic>& out)
      : path_(path), positions_(positions), out_(out) {}

  YamlNode take_root() { return std::move(root_); }
  bool has_root() const { return has_root_; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    refuse_anchor(mark, anchor);
    YamlNode n;
    n.kind = YamlNode::Kind::kNull;
    n.pos = positions_.at(mark);
    add(std::move(n));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    throw Refused{mark, "不支持别名（*名称）：请把引用的内容直接写出来"};
  }

  void OnAnchor(const YAML::Mark& mark, const std::string&) override { refuse_anchor(mark, 1); }

  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string& value) override {
    refuse_anchor(mark, anchor);
    YamlNode n;
    n.kind = YamlNode::Kind::kScalar;
    n.text = value;
    n.pos = positions_.at(mark);
    // Raw bytes were checked before parsing; escapes in quotes can still
    // write what the raw check refuses.
    if (std::string why = check_decoded_text(value); !why.empty()) {
      out_.push_back({path_, n.pos.line, n.pos.column, Severity::kError, std::move(why)});
    }
    add(std::move(n));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, anchor, YamlNode::Kind::kSequence);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, anchor, YamlNode::Kind::kMap);
  }
  void OnMapEnd() override { close(); }

 private:
  static constexpr size_t kIndexFrom = 16;  // members from which a map is indexed

  struct Frame {
    YamlNode node;
    bool have_key = false;
    std::string key;
    Pos key_pos;
    // The members by key, once there are many: small maps, by far the most
    // common, are searched without allocating.
    std::unordered_map<std::string, size_t> members;

    const YamlNode* find_member(const std::string& k) const {
      if (node.children.size() < kIndexFrom) {
        for (const YamlNode& c : node.children) {
          if (c.key == k) return &c;
        }
        return nullptr;
      }
      const auto it = members.find(k);
      return it == members.end() ? nullptr : &node.children[it->second];
    }

    void add_member(YamlNode n) {
      node.children.push_back(std::move(n));
      if (node.children.size() == kIndexFrom) {
        for (size_t i = 0; i < node.children.size(); ++i) members.emplace(node.children[i].key, i);
      } else if (node.children.size() > kIndexFrom) {
        members.emplace(node.children.back().key, node.children.size() - 1);
      }
    }
  };

  static void refuse_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != 0) throw Refused{mark, "不支持锚点（&名称）：请把内容直接写出来，不要用锚点和别名"};
  }

  void open(const YAML::Mark& mark, YAML::anchor_t anchor, YamlNode::Kind kind) {
    refuse_anchor(mark, anchor);
    if (static_cast<int>(stack_.size()) >= kMaxDepth) throw TooDeep{mark};
    Frame f;
    f.node.kind = kind;
    f.node.pos = positions_.at(mark);
    stack_.push_back(std::move(f));
  }

  void close() {
    YamlNode n = std::move(stack_.back().node);
    stack_.pop_back();
    add(std::move(n));
  }

  void add(YamlNode n) {
    if (stack_.empty()) {
      root_ = std::move(n);
      has_root_ = true;
      return;
    }
    Frame& f = stack_.back();
    if (f.node.kind == YamlNode::Kind::kSequence) {
      f.node.children.push_back(std::move(n));
      return;
    }
    if (!f.have_key) {
      if (n.kind != YamlNode::Kind::kScalar) {
        out_.push_back({path_, n.pos.line, n.pos.column, Severity::kError,
                        "这里应是“键: 值”中的键（一段文字），请检查冒号和缩进"});
      }
      f.have_key = true;
      f.key = n.text;
      f.key_pos = n.pos;
      return;
    }
    f.have_key = false;
    if (const YamlNode* first = f.find_member(f.key)) {
      out_.push_back({path_, f.key_pos.line, f.key_pos.column, Severity::kError,
                      fmt::format("键“{}”重复（第 {} 行已有），YAML 只会保留其中一个：请合并或删除一处",
                                  f.key, first->key_pos.line)});
      return;
    }
    n.key = std::move(f.key);
    n.key_pos = f.key_pos;
    f.add_member(std::move(n));
  }

  const std::string& path_;
  const PositionMap& positions_;
  std::vector<Diagnostic>& out_;
  std::vector<Frame> stack_;
  YamlNode root_;
  bool has_root_ = false;
};

bool is_key_char(char c, bool first) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (!first && c >= '0' && c <= '9');
}

constexpr std::string_view kIdeographicSpace = "\u3000";
constexpr std::string_view kNoBreakSpace = "\u00A0";

// The length of the space at `at` that looks like one but is not ASCII
// (U+3000, U+00A0), or 0.
size_t odd_space_at(std::string_view line, size_t at) {
  for (const std::string_view s : {kIdeographicSpace, kNoBreakSpace}) {
    if (line.substr(at, s.size()) == s) return s.size();
  }
  return 0;
}

std::string odd_space_name(std::string_view line, size_t at) {
  return line.substr(at, kIdeographicSpace.size()) == kIdeographicSpace
             ? "全角空格"
             : "不间断空格（从网页、微信或 Word 复制文字时常带进来）";
}

// Where a quoted value that starts at `open` ends: the index of its closing
// quote, or npos when it does not close on this line.
size_t closing_quote(std::string_view line, size_t open) {
  const char quote = line[open];
  for (size_t k = open + 1; k < line.size(); ++k) {
    if (quote == '"' && line[k] == '\\') {
      ++k;
    } else if (line[k] == quote) {
      if (quote == '\'' && k + 1 < line.size() && line[k + 1] == '\'') {
        ++k;  // '' inside single quotes is one quote
      } else {
        return k;
      }
    }
  }
  return std::string_view::npos;
}

// `text` in single quotes, as YAML reads it back unchanged.
std::string single_quoted(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

// `text` quoted as a whole so that YAML reads it back unchanged: in double
// quotes when it holds single ones only (easier to read), else in single.
std::string whole_quoted(std::string_view text) {
  if (text.find('"') == std::string_view::npos && text.find('\\') == std::string_view::npos) {
    return fmt::format("\"{}\"", text);
  }
  return single_quoted(text);
}

// The usual slips in a value written after `key: ` at `value_at`: a text
// that starts with a quote and goes on after the closing one, and a ": "
// inside a plain text. Each message shows the line as it should be.
void check_value(const std::string& path, int line_no, std::string_view line, std::string_view key,
                 size_t value_at, std::vector<Diagnostic>& out) {
  std::string_view value = line.substr(value_at);
  const size_t comment = value.find(" #");
  if (comment != std::string_view::npos) value = value.substr(0, comment);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  if (value.empty()) return;
  const int column = count_chars(line.substr(0, value_at)) + 1;
  if (value[0] == '"' || value[0] == '\'') {
    const size_t close = closing_quote(value, 0);
    if (close == std::string_view::npos || close + 1 >= value.size()) return;
    const std::string_view inner = value.substr(1, close - 1);
    const std::string_view rest = value.substr(close + 1);
    const bool dq = value[0] == '"';
    out.push_back(
        {path, line_no, column, Severity::kError,
         fmt::format("“{}”的文字以引号开头，引号之后还有文字“{}”：YAML 把开头的引号当作整段文字的引号。"
                     "请把文字中的引号换成中文引号，写成 {}: {}{}{}{}；或者给整段文字加上英文{}引号，"
                     "写成 {}: {}",
                     key, rest, key, dq ? "“" : "‘", inner, dq ? "”" : "’", rest, dq ? "单" : "双", key,
                     whole_quoted(value))});
    return;
  }
  if (std::string_view("[{|>&*!%@`").find(value[0]) != std::string_view::npos) return;
  size_t colon = value.find(": ");
  if (colon == std::string_view::npos && value.back() == ':') colon = value.size() - 1;
  if (colon == std::string_view::npos) return;
  std::string fixed(value);
  fixed.replace(colon, 1, "：");
  if (colon + 1 < value.size()) fixed.erase(colon + std::string_view("：").size(), 1);
  out.push_back(
      {path, line_no, count_chars(line.substr(0, value_at + colon)) + 1, Severity::kError,
       fmt::format("“{}”的文字中有半角冒号“:”，YAML 会把它当作又一个键：请改用中文冒号，写成 {}: {}；"
                   "或者给整段文字加上英文单引号，写成 {}: {}（中文引号“”不起这个作用）",
                   key, key, fixed, key, single_quoted(value))});
}

// Finds by line, outside block scalars, what people write by hand and YAML
// misreads: `key：value` and `key:value`, indentation with full-width or
// non-breaking spaces, such a space after the colon, a quoted text that goes
// on after its closing quote, and ": " inside a plain text.
void check_lines(const std::string& path, std::string_view text, const std::vector<std::string>& known_keys,
                 std::vector<Diagnostic>& out) {
  constexpr std::string_view kFullColon = "：";
  int block_indent = -1;  // indentation of the line that opened a block scalar
  int line_no = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++line_no;
    start = end + 1;

    const size_t indent = line.find_first_not_of(' ');
    if (indent == std::string_view::npos) continue;
    if (block_indent >= 0 && static_cast<int>(indent) > block_indent) continue;
    block_indent = -1;
    if (line[indent] == '#') continue;

    // Indentation (before a key or a list item) with spaces that are not
    // ASCII: each full-width space is as wide as two.
    size_t i = indent;
    int width = static_cast<int>(indent);
    size_t first_odd = std::string_view::npos;
    while (i < line.size()) {
      if (line[i] == ' ') {
        ++i;
        ++width;
      } else if (const size_t n = odd_space_at(line, i)) {
        if (first_odd == std::string_view::npos) first_odd = i;
        width += line.substr(i, n) == kIdeographicSpace ? 2 : 1;
        i += n;
      } else {
        break;
      }
    }
    if (first_odd != std::string_view::npos && i < line.size() &&
        (is_key_char(line[i], true) || line.substr(i, 2) == "- ")) {
      out.push_back(
          {path, line_no, count_chars(line.substr(0, first_odd)) + 1, Severity::kError,
           fmt::format("这一行的缩进用了{}：缩进只能用半角空格。请删掉行首的空白，改为 {} 个半角空格",
                       odd_space_name(line, first_odd), width)});
      continue;
    }

    i = indent;
    while (i + 1 < line.size() && line[i] == '-' && line[i + 1] == ' ') {
      i += 2;
      while (i < line.size() && line[i] == ' ') ++i;
    }
    const size_t key_start = i;
    while (i < line.size() && is_key_char(line[i], i == key_start)) ++i;
    const std::string_view key = line.substr(key_start, i - key_start);
    if (!key.empty()) {
      size_t j = i;
      while (j < line.size() && line[j] == ' ') ++j;
      if (line.substr(j, kFullColon.size()) == kFullColon) {
        out.push_back({path, line_no, count_chars(line.substr(0, j)) + 1, Severity::kError,
                       fmt::format("“{}”后面用了全角冒号“：”：键和值之间要用半角冒号加空格“: ”", key)});
        continue;
      }
      if (i < line.size() && line[i] == ':') {
        if (const size_t n = odd_space_at(line, i + 1)) {
          out.push_back({path, line_no, count_chars(line.substr(0, i)) + 2, Severity::kError,
                         fmt::format("“{}:”后面是{}：请把它换成一个半角空格，写成“{}: 值”", key,
                                     odd_space_name(line, i + 1), key)});
          continue;
        }
      }
      if (i + 1 < line.size() && line[i] == ':' && line[i + 1] != ' ' && line[i + 1] != ':' &&
          std::find(known_keys.begin(), known_keys.end(), key) != known_keys.end()) {
        out.push_back({path, line_no, count_chars(line.substr(0, i)) + 2, Severity::kError,
                       fmt::format("“{}:”后面缺少空格：键和值之间要写成“{}: 值”", key, key)});
        continue;
      }
      if (i + 1 < line.size() && line[i] == ':' && line[i + 1] == ' ') {
        size_t value_at = i + 1;
        while (value_at < line.size() && line[value_at] == ' ') ++value_at;
        const size_t before = out.size();
        check_value(path, line_no, line, key, value_at, out);
        if (out.size() != before) continue;
      }
    }
    // A block scalar (| or >) starts when the line ends in an indicator.
    std::string_view rest = line.substr(indent);
    const size_t hash = rest.find(" #");
    if (hash != std::string_view::npos) rest = rest.substr(0, hash);
    while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
    while (!rest.empty() &&
           (rest.back() == '-' || rest.back() == '+' || (rest.back() >= '1' && rest.back() <= '9'))) {
      rest.remove_suffix(1);
    }
    if (!rest.empty() && (rest.back() == '|' || rest.back() == '>') &&
        (rest.size() == 1 || rest[rest.size() - 2] == ' ')) {
      block_indent = static_cast<int>(indent);
    }
  }
}

// yaml-cpp's messages for the mistakes people make most, in their words.
std::string describe_yaml_error(const std::string& msg) {
  struct Known {
    std::string_view yaml_cpp;
    std::string_view ours;
  };
  static constexpr Known kKnown[] = {
      {"end of sequence flow not found", "方括号“[”没有对应的“]”（在这里或前面几行）：请补上"},
      {"end of map flow not found", "花括号“{”没有对应的“}”（在这里或前面几行）：请补上"},
      {"end of map not found", "这一层的键没有对齐：同一层的键缩进必须相同"},
      {"end of sequence not found", "列表项没有对齐：同一列表的“- ”缩进必须相同"},
      {"illegal map value",
       "这里不该出现“: ”：可能是缩进不对，或文字中含有半角冒号加空格“: "
       "”（请改用中文冒号“：”，或给整段文字加上英文单引号 "
       "'…'；中文引号“”不起这个作用）"},
      {"the referenced anchor is not defined", "不支持别名（*名称）：请把引用的内容直接写出来"},
      {"end of string not found", "引号没有闭合：请补上另一半引号"},
      {"unknown escape character", "双引号中的反斜杠“\\”后跟了无效字符：请改用单引号或去掉反斜杠"},
  };
  for (const Known& k : kKnown) {
    if (msg.find(k.yaml_cpp) != std::string::npos) return fmt::format("YAML 格式错误：{}", k.ours);
  }
  return fmt::format("YAML 格式错误（{}）：请检查这一行及上一行的缩进、冒号、引号和括号是否成对", msg);
}

// The first line holding something other than blanks, comments and document
// markers, or 0.
int first_content_line(std::string_view text) {
  int line_no = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    ++line_no;
    start = end + 1;
    const size_t first = line.find_first_not_of(" \r");
    if (first == std::string_view::npos || line[first] == '#') continue;
    const std::string_view rest = line.substr(first);
    if (rest.substr(0, 3) == "---" || rest.substr(0, 3) == "...") continue;
    return line_no;
  }
  return 0;
}

}  // namespace

YamlParse parse_yaml(const std::string& path, std::string_view bytes,
                     const std::vector<std::string>& known_keys, std::vector<Diagnostic>& out,
                     YamlReader reader) {
  YamlParse result;
  std::string_view text = bytes;
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());

  const size_t before = out.size();
  if (!check_text_bytes(path, text, out)) return result;
  // Lines are looked at only in text that is clean byte by byte: a lone
  // carriage return, say, would read as text inside a line.
  if (out.size() == before) check_lines(path, text, known_keys, out);
  if (out.size() != before) return result;

  if (reader == YamlReader::kPlainFirst) {
    if (auto plain = parse_plain_yaml(text)) {
      result.root = std::move(*plain);
      result.ok = true;
      return result;
    }
  }

  const PositionMap positions(text);
  std::istringstream stream{std::string(text)};
  TreeBuilder builder(path, positions, out);
  try {
    YAML::Parser parser(stream);
    // Never loop on HandleNextDocument: yaml-cpp 0.7 returns empty documents
    // forever for some inputs. One document, then one look for a second.
    parser.HandleNextDocument(builder);
    if (builder.has_root()) {
      YamlNode root = builder.take_root();
      TreeBuilder second(path, positions, out);
      // A trailing `---` or `...` alone is harmless; a second document with
      // content is not.
      const size_t second_start = out.size();
      if (parser.HandleNextDocument(second) && second.has_root()) {
        const YamlNode extra = second.take_root();
        out.resize(second_start);
        if (!extra.is_null()) {
          out.push_back({path, extra.pos.line, extra.pos.column, Severity::kError,
                         "文件中出现了第二个 YAML "
                         "文档（“---”之后）：一个文件只能有一个文档，请删除“---”或拆成两个文件"});
        }
      }
      result.root = std::move(root);
    }
    // yaml-cpp reads some garbage (a lone ",") as an empty document.
    if (result.root.is_null()) {
      if (const int line = first_content_line(text)) {
        out.push_back({path, line, 1, Severity::kError,
                       "无法识别的内容：这一行既不是“键: 值”也不是列表项，请检查是否多了符号或少了冒号"});
      }
    }
  } catch (const TooDeep& e) {
    const Pos p = positions.at(e.mark);
    out.push_back({path, p.line, p.column, Severity::kError,
                   fmt::format("嵌套超过 {} 层，拒绝读取：请检查括号或缩进", kMaxDepth)});
  } catch (const Refused& e) {
    const Pos p = positions.at(e.mark);
    out.push_back({path, p.line, p.column, Severity::kError, e.message});
  } catch (const YAML::Exception& e) {
    const Pos p = positions.at(e.mark);
    out.push_back({path, p.line, p.column, Severity::kError, describe_yaml_error(e.msg)});
  }
  result.ok = out.size() == before;
  return result;
}

}  // namespace duban
