// A small YAML document tree with the position of every key and value, read
// with yaml-cpp's event parser. Unlike YAML::Node it keeps duplicate keys in
// view (they are reported), refuses anchors, aliases and second documents,
// limits nesting, and reports positions in characters rather than bytes.
// Before parsing, the raw bytes are checked for what hand-edited files get
// wrong: encoding, stray control characters, tabs, full-width colons.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"

namespace duban {

/// A place in a file, from 1, columns counted in characters.
struct Pos {
  int line = 1;
  int column = 1;
};

/// One node of a parsed document. Map members are children with `key` set.
struct YamlNode {
  enum class Kind { kNull, kScalar, kSequence, kMap };
  Kind kind = Kind::kNull;
  std::string text;  ///< scalar value
  Pos pos;           ///< where the value starts
  std::string key;   ///< the key, when this is a map member
  Pos key_pos;
  std::vector<YamlNode> children;

  bool is_map() const { return kind == Kind::kMap; }
  bool is_sequence() const { return kind == Kind::kSequence; }
  bool is_scalar() const { return kind == Kind::kScalar; }
  bool is_null() const { return kind == Kind::kNull; }
  /// The member with this key, or nullptr.
  const YamlNode* find(std::string_view k) const;
};

constexpr size_t kMaxFileBytes = 1 << 20;
constexpr int kMaxDepth = 64;

/// The result of reading one file: a document, or the reasons there is none.
struct YamlParse {
  bool ok = false;
  YamlNode root;
};

/// Which reader parse_yaml uses: the quick one for plain files
/// (load/plain_yaml.h) and yaml-cpp for the rest, or yaml-cpp alone (for
/// the tests that hold the two to the same trees).
enum class YamlReader { kPlainFirst, kYamlCppOnly };

/// Parses `bytes` (the whole file; a UTF-8 BOM is allowed) as one YAML
/// document. Problems go to `out` under `path`. `known_keys` are the keys of
/// the file's format, used to spot `key:value` with the space missing.
YamlParse parse_yaml(const std::string& path, std::string_view bytes,
                     const std::vector<std::string>& known_keys, std::vector<Diagnostic>& out,
                     YamlReader reader = YamlReader::kPlainFirst);

}  // namespace duban
