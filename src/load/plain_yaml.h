// A quick reader for the plain shape nearly every progress file has:
//
//   unit: 江洋社区
//   date: 2024-06-08
//   entries:
//     - task: 3.1
//       status: 推进中
//       metrics: {加装电梯: 9}
//       held: {例会: [2024-06-03]}
//
// block maps and lists, one-line {…} and […], texts on one line without
// quotes, and comments on lines of their own. yaml-cpp reads such a text the
// same way, event by event, only several times slower (issue 14: at a
// million entries it was most of a cold run). Whatever leaves that shape
// (quotes, a comment after a value, a text over several lines, an empty
// value, anchors, tags, documents, duplicate keys, anything yaml-cpp would
// refuse) gives nothing here, and the caller reads the text with yaml-cpp,
// which also says what is wrong. Tests and a fuzzer hold the two readers
// to the same trees and positions.
#pragma once

#include <optional>
#include <string_view>

#include "load/yaml_tree.h"

namespace duban {

/// The tree yaml-cpp gives for `text`, when `text` keeps to the plain shape
/// above; nothing otherwise. `text` has passed the byte checks of
/// parse_yaml: valid UTF-8, no tabs, no lone carriage returns, no BOM.
std::optional<YamlNode> parse_plain_yaml(std::string_view text);

}  // namespace duban
