#include "load/plain_yaml.h"

#include <algorithm>
#include <string>
#include <vector>

#include "load/encoding.h"
#include "model/text.h"

namespace duban {
namespace {

// Thrown where the text leaves the plain shape: yaml-cpp reads it instead.
struct NotPlain {};

[[noreturn]] void not_plain() { throw NotPlain{}; }

constexpr int kMaxPlainDepth = 32;

// A line with something on it other than spaces or a comment.
struct Line {
  std::string_view text;  // without the line end
  int number = 0;         // from 1
  size_t indent = 0;      // leading spaces
};

// A text yaml-cpp reads as itself, in a block (`flow` false) or inside {…}
// or […]; only what is certain to be plain passes. Texts yaml-cpp reads as
// empty (~, null) or whose escapes parse_yaml reports are left to it too.
void check_plain(std::string_view s, bool flow) {
  if (s.empty() || s.back() == ' ') not_plain();
  // Spaces that are not ASCII, which yaml-cpp does not take for spaces.
  for (const std::string_view odd : {std::string_view("\u3000"), std::string_view("\u00A0")}) {
    if (s.substr(0, odd.size()) == odd ||
        (s.size() >= odd.size() && s.substr(s.size() - odd.size()) == odd)) {
      not_plain();
    }
  }
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`.").find(s.front()) != std::string_view::npos) not_plain();
  for (const char c : s) {
    if (c == ':' || c == '#') not_plain();
    if (c == '[' || c == ']' || c == '{' || c == '}') not_plain();
    if (flow && (c == ',' || c == '?')) not_plain();  // yaml-cpp refuses a ? inside {…} and […]
  }
  if (s == "~" || s == "null" || s == "Null" || s == "NULL") not_plain();
  if (!check_decoded_text(s).empty()) not_plain();
}

class PlainReader {
 public:
  explicit PlainReader(std::string_view text) {
    int number = 0;
    for (size_t start = 0; start < text.size();) {
      size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(start, end - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      ++number;
      const size_t indent = line.find_first_not_of(' ');
      if (indent != std::string_view::npos && line[indent] != '#') lines_.push_back({line, number, indent});
      start = end + 1;
    }
  }

  YamlNode read() {
    if (lines_.empty()) not_plain();  // only comments: a null document
    from_ = lines_[0].indent;
    const std::string_view first = lines_[0].text.substr(from_);
    if (first.substr(0, 3) == "---" || first.substr(0, 3) == "...") not_plain();
    YamlNode root = block(from_);
    if (at_ != lines_.size()) not_plain();
    return root;
  }

 private:
  static bool starts_item(std::string_view s) {
    if (s == "-") not_plain();  // an item with nothing after the dash
    return s.size() >= 2 && s[0] == '-' && s[1] == ' ';
  }

  // Where the key of `s` ends: at its first colon, which must end the line
  // or be followed by a space; npos when `s` has no colon.
  static size_t key_end(std::string_view s) {
    const size_t colon = s.find(':');
    if (colon != std::string_view::npos && colon + 1 < s.size() && s[colon + 1] != ' ') not_plain();
    return colon;
  }

  // Counted on from the place asked for last when it is on the same line
  // and not further on: a long line is counted once, not once per value.
  Pos pos(const Line& line, size_t at) {
    if (line.number != counted_line_ || at < counted_at_) {
      counted_line_ = line.number;
      counted_at_ = 0;
      counted_chars_ = 0;
    }
    counted_chars_ += count_chars(line.text.substr(counted_at_, at - counted_at_));
    counted_at_ = at;
    return {line.number, counted_chars_ + 1};
  }

  // The map or list whose first line is the current one, from column from_.
  YamlNode block(size_t indent) {
    if (++depth_ > kMaxPlainDepth) not_plain();
    YamlNode node = starts_item(lines_[at_].text.substr(from_)) ? list(indent, false) : map(indent);
    --depth_;
    return node;
  }

  // Moves on to the next line; false when it belongs to an outer block.
  // `indent` is the block's.
  bool next_in(size_t indent) {
    ++at_;
    if (at_ == lines_.size()) return false;
    from_ = lines_[at_].indent;
    if (from_ < indent) return false;
    if (from_ > indent) not_plain();  // a text over several lines, or a slip
    return true;
  }

  YamlNode map(size_t indent) {
    YamlNode node;
    node.kind = YamlNode::Kind::kMap;
    node.pos = pos(lines_[at_], from_);
    for (bool more = true; more;) {
      const Line& line = lines_[at_];
      const std::string_view s = line.text.substr(from_);
      if (starts_item(s)) not_plain();
      const size_t colon = key_end(s);
      if (colon == std::string_view::npos) not_plain();
      const std::string_view key = s.substr(0, colon);
      check_plain(key, false);
      if (key.substr(0, 3) == "---" || key.substr(0, 3) == "...") not_plain();
      size_t value = from_ + colon + 1;
      while (value < line.text.size() && line.text[value] == ' ') ++value;
      YamlNode child;
      const Pos key_pos = pos(line, from_);
      if (value < line.text.size()) {
        child = inline_value(line, value);
        more = next_in(indent);
      } else {
        // Nothing after the colon: the value is the block below, further
        // in, or a list as far in as the key (entries:\n- task: 1).
        if (at_ + 1 == lines_.size() || lines_[at_ + 1].indent < indent) not_plain();
        ++at_;
        from_ = lines_[at_].indent;
        if (from_ == indent) {
          if (!starts_item(lines_[at_].text.substr(from_))) not_plain();  // an empty value
          if (++depth_ > kMaxPlainDepth) not_plain();
          child = list(indent, true);
          --depth_;
        } else {
          child = block(from_);
        }
        more = at_ < lines_.size() && from_ == indent;
        if (at_ < lines_.size() && from_ > indent) not_plain();
      }
      add_member(node, std::string(key), key_pos, std::move(child));
    }
    check_keys(node);
    return node;
  }

  // `beside_key`: the list is the value of a key as far in as its dashes,
  // and ends at the next line without a dash.
  YamlNode list(size_t indent, bool beside_key) {
    YamlNode node;
    node.kind = YamlNode::Kind::kSequence;
    node.pos = pos(lines_[at_], from_);
    for (bool more = true; more;) {
      const Line& line = lines_[at_];
      if (!starts_item(line.text.substr(from_))) {
        if (beside_key && !node.children.empty()) break;
        not_plain();
      }
      size_t item = from_ + 2;
      while (item < line.text.size() && line.text[item] == ' ') ++item;
      const std::string_view rest = line.text.substr(item);
      if (rest.empty() || starts_item(rest)) not_plain();
      if (rest.front() != '{' && rest.front() != '[' && key_end(rest) != std::string_view::npos) {
        from_ = item;  // a map that starts on the item's line
        node.children.push_back(block(item));
        more = at_ < lines_.size() && from_ == indent;
        if (at_ < lines_.size() && from_ > indent) not_plain();
      } else {
        node.children.push_back(inline_value(line, item));
        more = next_in(indent);
      }
    }
    return node;
  }

  // The value that fills the rest of `line` from byte `at`.
  YamlNode inline_value(const Line& line, size_t at) {
    std::string_view text = line.text;
    while (text.size() > at && text.back() == ' ') text.remove_suffix(1);
    if (text[at] == '{' || text[at] == '[') {
      size_t end = at;
      YamlNode node = flow(line, at, end);
      if (end != text.size()) not_plain();  // something after the closing bracket
      return node;
    }
    const std::string_view value = text.substr(at);
    check_plain(value, false);
    return scalar(line, at, value);
  }

  YamlNode scalar(const Line& line, size_t at, std::string_view value) {
    YamlNode node;
    node.kind = YamlNode::Kind::kScalar;
    node.text = std::string(value);
    node.pos = pos(line, at);
    return node;
  }

  // A {…} or […] that opens at byte `at` of `line` and closes on it; `end`
  // is set past the closing bracket.
  YamlNode flow(const Line& line, size_t at, size_t& end) {
    if (++depth_ > kMaxPlainDepth) not_plain();
    const std::string_view text = line.text;
    const bool is_map = text[at] == '{';
    const char close = is_map ? '}' : ']';
    YamlNode node;
    node.kind = is_map ? YamlNode::Kind::kMap : YamlNode::Kind::kSequence;
    node.pos = pos(line, at);
    size_t i = skip_spaces(text, at + 1);
    if (i < text.size() && text[i] == close) {
      end = i + 1;
      --depth_;
      return node;
    }
    while (true) {
      std::string key;
      Pos key_pos;
      if (is_map) {
        const size_t colon = text.find_first_of(":,[]{}", i);
        if (colon == std::string_view::npos || text[colon] != ':' || colon + 1 >= text.size() ||
            text[colon + 1] != ' ') {
          not_plain();
        }
        check_plain(text.substr(i, colon - i), true);
        key = std::string(text.substr(i, colon - i));
        key_pos = pos(line, i);
        i = skip_spaces(text, colon + 1);
      }
      if (i >= text.size()) not_plain();
      YamlNode value;
      if (text[i] == '{' || text[i] == '[') {
        value = flow(line, i, i);
      } else {
        size_t stop = text.find_first_of(",]}", i);
        if (stop == std::string_view::npos) not_plain();
        size_t last = stop;
        while (last > i && text[last - 1] == ' ') --last;
        check_plain(text.substr(i, last - i), true);
        value = scalar(line, i, text.substr(i, last - i));
        i = stop;
      }
      if (is_map) {
        add_member(node, std::move(key), key_pos, std::move(value));
      } else {
        node.children.push_back(std::move(value));
      }
      i = skip_spaces(text, i);
      if (i < text.size() && text[i] == close) break;
      if (i >= text.size() || text[i] != ',') not_plain();
      i = skip_spaces(text, i + 1);
      if (i >= text.size() || text[i] == close || text[i] == ',') not_plain();  // [a, ] or [a,,b]
    }
    if (is_map) check_keys(node);
    end = i + 1;
    --depth_;
    return node;
  }

  static size_t skip_spaces(std::string_view text, size_t i) {
    while (i < text.size() && text[i] == ' ') ++i;
    return i;
  }

  static void add_member(YamlNode& map, std::string key, Pos key_pos, YamlNode value) {
    value.key = std::move(key);
    value.key_pos = key_pos;
    map.children.push_back(std::move(value));
  }

  // A duplicate key is reported by the reader yaml-cpp drives. Checked once
  // the map is whole, in time n log n for a long one.
  static void check_keys(const YamlNode& map) {
    const std::vector<YamlNode>& members = map.children;
    if (members.size() <= 16) {
      for (size_t i = 1; i < members.size(); ++i) {
        for (size_t j = 0; j < i; ++j) {
          if (members[i].key == members[j].key) not_plain();
        }
      }
      return;
    }
    std::vector<std::string_view> keys(members.size());
    for (size_t i = 0; i < members.size(); ++i) keys[i] = members[i].key;
    std::sort(keys.begin(), keys.end());
    if (std::adjacent_find(keys.begin(), keys.end()) != keys.end()) not_plain();
  }

  std::vector<Line> lines_;
  size_t at_ = 0;    // the current line, in lines_
  size_t from_ = 0;  // where on it the block being read starts
  int depth_ = 0;
  int counted_line_ = 0;  // where pos() counted to last
  size_t counted_at_ = 0;
  int counted_chars_ = 0;
};

}  // namespace

std::optional<YamlNode> parse_plain_yaml(std::string_view text) {
  try {
    return PlainReader(text).read();
  } catch (const NotPlain&) {
    return std::nullopt;
  }
}

}  // namespace duban
