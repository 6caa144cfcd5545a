// Writing report files: atomically (a temporary file in the same folder,
// then rename, then the folder synced) and only when the bytes change, so
// cron and git see no spurious changes and readers never see half a file.
// Nothing read from the input decides where a file goes: below the folder
// given to -o every path goes through real folders (never a symlink) by
// plain names, and only files duban could have written there are removed.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace duban {

/// Whether the root of an OutputFolder may be a symbolic link: it may when
/// the user named it (-o DIR), not when the command chose it.
enum class RootLink { kFollowed, kRefused };

/// What a file below an OutputFolder holds, against the bytes to be written.
enum class Existing { kMissing, kSame, kDifferent };

/// The folder a command writes into: the one given to -o DIR, or the folder
/// of the file given to -o FILE. While alive it holds a lock on that folder
/// (lock_or_wait), so two runs never meet there, and the first time it
/// enters a folder it removes the temporary files a killed run left in it.
/// Every refusal or failure throws CommandFailure (exit 1) naming the path.
class OutputFolder {
 public:
  /// `root` is -o DIR; with `one_file` it is the folder of -o FILE, whose
  /// name the user chose, so only that file's temporaries are removed.
  explicit OutputFolder(std::filesystem::path root, bool one_file = false,
                        RootLink root_link = RootLink::kFollowed);
  ~OutputFolder();
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;

  /// Writes `bytes` to `path` (the root, then plain names) unless it already
  /// holds exactly them; creates missing folders. Returns whether it changed.
  bool write_if_changed(const std::filesystem::path& path, std::string_view bytes);

  /// What `path` (the root, then plain names, never a link) holds against
  /// `bytes`, looked at under the lock: a run that writes it after looking
  /// knows that no other run wrote it in between.
  Existing existing(const std::filesystem::path& path, std::string_view bytes);

  /// Removes the regular files of `dir` (below the root) with extension
  /// `ext` and a plain name that are not in `keep`; returns their paths.
  std::vector<std::filesystem::path> remove_stale(const std::filesystem::path& dir, const std::string& ext,
                                                  const std::vector<std::filesystem::path>& keep);

 private:
  std::vector<std::string> names_below_root(const std::filesystem::path& path) const;
  int open_root();
  int open_folder(const std::filesystem::path& path, const std::vector<std::string>& names, bool create);

  std::filesystem::path root_;
  bool one_file_;
  RootLink root_link_;
  int root_fd_ = -1;
  std::map<std::filesystem::path, int> folders_;  // open folders below the root, by path
};

/// `dir / name` when `name` is one plain file name (no `/`, no control
/// character, not starting with `.`); else throws CommandFailure.
std::filesystem::path file_in(const std::filesystem::path& dir, const std::string& name);

/// Where a command writes its files, from -o PATH: a folder (written with a
/// trailing slash, existing, or a name without an extension) takes
/// PATH/<YYYY-MM>/NAME; anything else is the file itself, whose extension
/// says its format.
struct OutputTarget {
  bool directory = false;
  std::filesystem::path path;
};
OutputTarget output_target(const std::string& option);

/// `text` as a terminal may show it: control characters (C0, DEL and the C1
/// range U+0080 to U+009F) escaped as \n, \xNN or \uNNNN, so that a name or
/// value from the input can neither move the cursor nor set the title.
std::string escape_controls(std::string_view text);

/// `path` as a terminal may show it: control characters escaped (escape_controls).
std::string shown_path(const std::filesystem::path& path);

/// Why a file could not be written or opened, in Chinese, from `errno`.
std::string error_reason(int err);

/// Makes `dir` the current directory, as `git -C` does; throws
/// CommandFailure naming it when it cannot.
void change_directory(const std::string& dir);

/// Writes `text` to standard output.
void print(std::string_view text);

/// The width text on standard output fits: COLUMNS when set; else the
/// terminal's, that of standard output or, into a pipe, that of standard
/// error; 0 (nothing is cut) for a file, or with no terminal at all.
int terminal_width();

/// Whether standard output is a terminal.
bool output_is_terminal();

/// Whether standard output is a terminal that may show colours (NO_COLOR unset).
bool output_takes_colour();

}  // namespace duban
