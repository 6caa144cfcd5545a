// Reads the history of progress/ and reports/ from the workspace's git
// repository in one pass (git log, then git cat-file for every version of
// every progress file), and turns it into what happened to each entry.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "io/git.h"
#include "model/history.h"
#include "model/workspace.h"

namespace duban {

/// The history of the progress entries of the workspace in `dir`, held by
/// `repo`, with the entries of `ws` (the working tree) that no commit holds
/// yet; a line in `warnings` names each version passed over (a gitlink, a
/// symbolic link, one over the size limit). Throws CommandFailure when git
/// cannot read it.
History read_history(const GitRepository& repo, const std::filesystem::path& dir, const Workspace& ws,
                     std::vector<std::string>& warnings);

/// Why a workspace's history could not be read.
enum class HistoryProblem { kNone, kNoRepository, kShallow };

/// The history of the workspace in `dir`, or why there is none.
struct HistoryRead {
  std::optional<History> history;
  HistoryProblem problem = HistoryProblem::kNone;
  std::vector<std::string> warnings;  ///< read_history()'s
};

/// The history of the workspace in `dir`, from the git work tree holding it:
/// none when it lies in no work tree, or in a shallow clone whose history is
/// cut short. Throws CommandFailure when git cannot read the history.
HistoryRead read_workspace_history(const std::filesystem::path& dir, const Workspace& ws);

}  // namespace duban
