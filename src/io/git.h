// Committing written reports, for the monthly cron job (--commit): only
// the files a run wrote go into its commit, whatever else is staged stays
// staged, and a failed commit leaves the index as it found it, so that the
// rerun after the fix goes through. Every failure is told in Chinese with
// what to do; git's own advice (English usage text, "remove the file
// manually") is never passed on.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace duban {

/// The git work tree holding the workspace, where reports are committed.
class GitRepository {
 public:
  /// The work tree holding `dir`; throws CommandFailure (one line) when git
  /// cannot be run or `dir` lies in no work tree.
  static GitRepository find(const std::filesystem::path& dir);
  /// The work tree holding `dir`, or nothing where find() would throw.
  static std::optional<GitRepository> find_if_any(const std::filesystem::path& dir);

  /// Where duban's lock lives: .git/duban.lock (one per work tree).
  std::filesystem::path lock_path() const { return git_dir_ / "duban.lock"; }

  /// Throws CommandFailure (one line) when `path` lies outside the work tree.
  void require_inside(const std::filesystem::path& path) const;

  /// The files directly in `dir` that git tracks but that are gone from disk.
  std::vector<std::filesystem::path> deleted_files(const std::filesystem::path& dir) const;

  /// Runs git in the work tree with `args` (pathspecs taken literally) and
  /// `input` on its standard input: its standard output, or nothing when it
  /// could not run or failed.
  std::optional<std::string> read(std::vector<std::string> args, std::string_view input = {}) const;

  /// True when the repository is a shallow clone, without its full history.
  bool is_shallow() const;

  /// `path` relative to the work tree, as git names it; throws
  /// CommandFailure (one line) when it lies outside.
  std::string relative(const std::filesystem::path& path) const;

  /// Commits `paths` (written, or removed) with `message` (one line: control
  /// characters escaped as \n, \x1b), and nothing else, when they differ
  /// from the last commit; returns whether it committed. On
  /// failure, restores the index entries of `paths` as they were and throws
  /// CommandFailure saying what failed and how to fix it (a lock file an
  /// interrupted git left is named, never removed), opening with
  /// `written` (what is on disk all the same: 报告已写好, or an imported
  /// file's path and 已写好). A non-empty `author` ("Name <email>") is the
  /// commit's author; the committer is always whoever runs duban, as git is
  /// configured.
  bool commit(const std::vector<std::filesystem::path>& paths, const std::string& message,
              const std::string& written, const std::string& author = {}) const;

 private:
  GitRepository(std::filesystem::path top, std::filesystem::path git_dir)
      : top_(std::move(top)), git_dir_(std::move(git_dir)) {}

  bool restore_index(const std::vector<std::string>& paths, const std::vector<std::string>& saved) const;
  [[noreturn]] void fail(const std::string& written, const std::string& step, const std::string& stderr_text,
                         const std::string& stdout_text, const std::string& index_state) const;

  std::filesystem::path top_;      // the work tree, as git names it (no symbolic link)
  std::filesystem::path git_dir_;  // its .git folder
};

}  // namespace duban
