// Committing written reports, for the monthly cron job (--commit).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace duban {

/// Refuses (throws CommandFailure) when the repository holding `dir` has
/// changes staged already, so a commit of reports never takes them along.
void require_nothing_staged(const std::filesystem::path& dir);

/// Stages `paths` (written or removed) and commits them with `message`
/// when that changes anything. Returns whether a commit was made.
bool commit_paths(const std::filesystem::path& dir, const std::vector<std::filesystem::path>& paths,
                  const std::string& message);

}  // namespace duban
