// Reading the history of progress/ and reports/ from what git prints: the
// records of `git log --raw -z`, the headers of `git cat-file --batch-check`
// and the objects of `git cat-file --batch`, each read strictly by the sizes
// its headers give; then the versions of the progress files turned into what
// happened to each entry (留痕). Nothing here runs git (load/history does):
// every function takes git's output as bytes, so that the output of a hostile
// repository can be fuzzed (fuzz/git_history_fuzzer.cc).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/history.h"
#include "model/workspace.h"

namespace duban {

/// What a path is in a commit's tree, from its mode in `git log --raw`.
enum class TreeEntryKind {
  kFile,     ///< 100644 or 100755: a file whose blob is its text
  kSymlink,  ///< 120000: a symbolic link, whose blob is where it points
  kGitlink,  ///< 160000: a submodule, whose object is a commit
  kDeleted,  ///< 000000: the commit removed the path
  kOther,    ///< anything else git might print
};

/// A path a commit changed: its path in the repository, what it became, and
/// its new object (empty when deleted).
struct PathChange {
  std::string path;
  TreeEntryKind kind = TreeEntryKind::kFile;
  std::string object;
};

/// One commit of `git log`, with the paths it changed.
struct LoggedCommit {
  CommitInfo info;
  std::vector<PathChange> changes;
};

/// Parses `git log -z --raw --no-abbrev --format=%x01%H%x00%aN%x00%cN%x00%cI%x00`.
/// Records that do not have that form are skipped, never read past the end.
std::vector<LoggedCommit> parse_log(std::string_view text);

/// The date part of git's strict ISO 8601 date (`%cI`, 2024-06-12T10:30:00+08:00),
/// or nothing when it is no date duban reads (git writes years up to 9999
/// and past, duban reads 1900..2999).
std::optional<Date> commit_date(std::string_view iso);

/// One object as a header of `git cat-file --batch-check` or `--batch` names it.
struct ObjectHeader {
  std::string object;
  std::string type;  ///< blob, tree, commit, tag; empty when missing
  size_t size = 0;
  bool missing = false;
};

/// Parses one header line (without its newline): "OID TYPE SIZE" or
/// "OID missing". Nothing when it has another form or a size that is not a
/// plain decimal number that fits.
std::optional<ObjectHeader> parse_object_header(std::string_view line);

/// What `git cat-file --batch` printed for a list of objects: the contents of
/// the blobs no larger than the cap, and for every other object its header.
struct BatchObjects {
  std::unordered_map<std::string, std::string> blobs;  ///< object -> text
  std::vector<ObjectHeader> skipped;                   ///< not blobs, missing, or over the cap
  std::string error;  ///< empty when the stream had the form git gives; else what was wrong
};

/// Reads the output of `git cat-file --batch` given `requested` (one object
/// a line, in that order): each header must name the object asked for, its
/// content is exactly SIZE bytes followed by a newline, and the content of
/// anything that is not a blob or is larger than `max_blob` is passed over
/// without being kept. At the first departure from that form it stops and
/// says so in `error`, keeping what it read before.
BatchObjects read_batch(std::string_view stream, const std::vector<std::string>& requested, size_t max_blob);

/// The headers of `git cat-file --batch-check` for `requested`, in order; at
/// the first line of another form (or one naming another object) it stops
/// and says so in `error`.
struct BatchHeaders {
  std::vector<ObjectHeader> headers;
  std::string error;
};
BatchHeaders read_batch_check(std::string_view stream, const std::vector<std::string>& requested);

/// A version of a progress file that the history does not read, and why.
struct SkippedVersion {
  enum class Why {
    kGitlink,   ///< a submodule entry (gitlink) under progress/
    kSymlink,   ///< a symbolic link: the path counts as removed until a file returns
    kTooLarge,  ///< larger than kMaxFileBytes, as the working tree's limit
    kUnread,    ///< git did not give its blob (missing, or not a blob)
  };
  Why why = Why::kUnread;
  std::string path;    ///< in the repository
  std::string commit;  ///< full hash
  size_t size = 0;     ///< for kTooLarge
};

/// What git says, gathered by load/history for history_from().
struct GitHistoryInput {
  std::string base;                   ///< the workspace's folder in the repository, "" or ending in '/'
  std::vector<LoggedCommit> commits;  ///< oldest first
  std::unordered_map<std::string, std::string> blobs;    ///< object -> text, of the versions read
  std::unordered_map<std::string, size_t> too_large;     ///< object -> size, of the versions over the cap
  std::unordered_map<std::string, std::string> in_tree;  ///< path -> blob the working tree holds unchanged
};

/// Whether `path` (in the repository) is a progress file of the workspace at `base`.
bool is_progress_path(const std::string& base, const std::string& path);

/// The history of the progress entries of `ws` from what git says, with the
/// entries of the working tree that no commit holds yet. A version that is
/// not a readable file (a symbolic link, a submodule, one over the size cap,
/// one git did not give) counts as the path's removal, which a later file
/// with the same entries undoes without a trace; each is named in `skipped`.
History history_from(const GitHistoryInput& in, const Workspace& ws, std::vector<SkippedVersion>& skipped);

}  // namespace duban
