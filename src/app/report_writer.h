// Where the report commands (reconcile, notices, rank) put their output:
// standard output, one file (-o FILE), or a folder of rounds (-o DIR), and
// the git commit that --commit makes of what changed. One writer at a time:
// in a git work tree a run holds .git/duban.lock from before its first file
// to after its commit, and everywhere the lock of the -o folder (OutputFolder)
// from its first file on; always in this order, so two runs never deadlock.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "io/git.h"
#include "io/lock.h"
#include "io/output.h"
#include "model/date.h"

namespace duban::app {

/// Collects a command's output and commits it when asked.
class ReportWriter {
 public:
  /// Writes to `target` (-o; its path empty for standard output) for the
  /// workspace in `workspace`. Takes the lock (waiting for another run)
  /// before anything is written; with `commit`, refuses (throws) when there
  /// is no git work tree to commit in.
  ReportWriter(const std::filesystem::path& workspace, const OutputTarget& target, bool commit);

  /// True when -o names a folder: write files with write(); else emit().
  bool to_directory() const { return target_.directory; }
  /// The folder of a round: DIR/<YYYY-MM>.
  std::filesystem::path round_dir(Month m) const { return target_.path / m.iso(); }

  /// Prints `text`, or writes it to the -o file.
  void emit(std::string_view text);
  /// Writes one file, atomically and only when its bytes change.
  void write(const std::filesystem::path& path, std::string_view text);
  /// Removes the *.md files of `dir` not in `keep`.
  void remove_stale_md(const std::filesystem::path& dir, const std::vector<std::filesystem::path>& keep);
  /// With --commit, commits what changed with `message`: what this run
  /// wrote or removed, and what an earlier run whose commit failed left.
  void commit(const std::string& message);

 private:
  std::filesystem::path workspace_;
  OutputTarget target_;
  bool to_stdout_;
  bool commit_;
  std::optional<GitRepository> repo_;           // with --commit
  std::optional<LockFile> lock_;                // the work tree's, when there is one
  std::optional<OutputFolder> folder_;          // unless printing
  std::vector<std::filesystem::path> written_;  // written (changed or not) or removed
  // Folders whose stale notices were removed, with the files they keep.
  std::vector<std::pair<std::filesystem::path, std::vector<std::filesystem::path>>> swept_;
};

}  // namespace duban::app
