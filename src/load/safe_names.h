// Unit, alias and group names become file names (the notice 江洋社区.md, the
// progress file 江洋社区.yaml), so each must be a safe file name on Linux,
// macOS and Windows alike and must never name a place outside its folder.
#pragma once

#include <string>
#include <string_view>

namespace duban {

/// The longest unit, alias or group name, in characters.
constexpr int kMaxNameChars = 64;

/// Why `name` cannot be used as a file name, in words for the user, or empty
/// when it can.
std::string file_name_problem(std::string_view name);

}  // namespace duban
