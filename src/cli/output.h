// Writing report files: atomically (a temporary file in the same folder,
// then rename) and only when the bytes change, so cron and git see no
// spurious changes and readers never see half a file.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace duban {

/// Writes `bytes` to `path` unless it already holds exactly them; creates
/// missing folders. Returns whether the file changed. Throws
/// CommandFailure when it cannot write.
bool write_if_changed(const std::filesystem::path& path, std::string_view bytes);

/// Removes the files in `dir` with extension `ext` not named in `keep`;
/// returns the removed paths.
std::vector<std::filesystem::path> remove_stale(const std::filesystem::path& dir, const std::string& ext,
                                                const std::vector<std::filesystem::path>& keep);

/// Where a command writes its files, from -o PATH: a folder (existing, or
/// written with a trailing slash) takes PATH/<YYYY-MM>/NAME; anything else
/// is taken as the file itself.
struct OutputTarget {
  bool directory = false;
  std::filesystem::path path;
};
OutputTarget output_target(const std::string& option);

/// Writes `text` to standard output.
void print(std::string_view text);

}  // namespace duban
