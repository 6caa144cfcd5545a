// Reads the history of progress/ and reports/ from the workspace's git
// repository in one pass (git log, then git cat-file for every version of
// every progress file), and turns it into what happened to each entry.
#pragma once

#include <filesystem>

#include "cli/git.h"
#include "model/history.h"
#include "model/workspace.h"

namespace duban {

/// The history of the progress entries of the workspace in `dir`, held by
/// `repo`, with the entries of `ws` (the working tree) that no commit holds
/// yet. Throws CommandFailure when git cannot read it.
History read_history(const GitRepository& repo, const std::filesystem::path& dir, const Workspace& ws);

}  // namespace duban
