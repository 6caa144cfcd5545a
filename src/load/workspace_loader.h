// Finds and reads a workspace: tasks.yaml and every progress file under
// progress/. The only part of duban that reads the user's input files.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "model/diagnostic.h"
#include "model/workspace.h"

namespace duban {

/// A workspace as read, with everything wrong in it.
struct LoadResult {
  Workspace workspace;
  std::vector<Diagnostic> diagnostics;  ///< sorted by path, line, column; capped per file
  bool ok() const { return !has_errors(diagnostics); }
  /// Whether tasks.yaml itself is free of errors: without it nothing can be reported.
  bool list_ok() const;
};

/// A progress file from outside progress/, such as one a clerk sent in.
struct ExtraFile {
  std::string shown;           ///< its name in messages and entries
  std::filesystem::path file;  ///< where to read it
};

/// How to read a workspace.
struct LoadOptions {
  /// Use the parse cache (load/parse_cache.h), unless DUBAN_NO_CACHE=1.
  bool cache = true;
};

/// Reads `dir`/tasks.yaml and `dir`/progress/**/*.yaml|yml in path order,
/// then the `extra` files as if they were progress files too.
/// Files with errors are kept out of the workspace and listed in its
/// `rejected`; their diagnostics stay.
/// `today` stands for the clock (entries after it are warned about).
/// The parsed trees of unchanged progress files come from the parse cache.
LoadResult load_workspace(const std::filesystem::path& dir, Date today,
                          const std::vector<ExtraFile>& extra = {}, LoadOptions options = {});

/// The nearest of `start` and its ancestors that holds tasks.yaml.
std::optional<std::filesystem::path> find_workspace(const std::filesystem::path& start);

}  // namespace duban
