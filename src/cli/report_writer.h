// Where the report commands (reconcile, notices, rank) put their output:
// standard output, one file (-o FILE), or a folder of rounds (-o DIR), and
// the git commit that --commit makes of what changed.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli/context.h"
#include "cli/output.h"

namespace duban {

/// Collects a command's output and commits it when asked.
class ReportWriter {
 public:
  /// Refuses (throws) before anything is written when --commit would take
  /// along changes already staged.
  ReportWriter(const LoadedWorkspace& loaded, const std::string& output, bool commit);

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
  /// With --commit, commits what changed with `message`.
  void commit(const std::string& message);

 private:
  std::filesystem::path workspace_;
  OutputTarget target_;
  bool to_stdout_;
  bool commit_;
  std::optional<OutputFolder> folder_;  // unless printing
  std::vector<std::filesystem::path> changed_;
};

}  // namespace duban
