// What every command shares: the global options (-C, --today, --strict,
// --no-cache) as a request, finding the workspace, and loading it with its
// diagnostics shown on standard error. With reporting.on_time: commit the
// loaded workspace already holds the dates its entries entered git.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "io/failure.h"
#include "model/date.h"
#include "model/workspace.h"

namespace duban::app {

/// The options given before or after any command's name.
struct WorkspaceRequest {
  std::string dir;            ///< -C; empty: the nearest ancestor holding tasks.yaml
  std::optional<Date> today;  ///< --today; else the clock
  bool strict = false;        ///< --strict: any error in any file stops the reports
  bool no_cache = false;      ///< --no-cache: parse every progress file, keep no parse cache
  bool quiet = false;         ///< -q: no line for each file written
};

/// -C DIR: the run goes on in DIR, as with `git -C`, so that every relative
/// path on the command line is taken from there; empty: stays where it is.
/// Throws CommandFailure when DIR cannot be entered.
void enter_directory(const std::string& dir);

/// A date typed on the command line (--today, --as-of), in any spelling a
/// form's date cell may hold: 2024-06-10, 2024-6-10, 2024/6/10, 2024.6.10,
/// 2024年6月10日; nullopt when it is none of these or no such day.
std::optional<Date> parse_date_option(const std::string& text);

/// --today, or today by the clock.
Date resolve_today(const WorkspaceRequest& request);

/// The workspace folder: -C, or the nearest ancestor holding tasks.yaml;
/// throws CommandFailure when there is none.
std::filesystem::path resolve_workspace(const WorkspaceRequest& request);

/// The unit's own name for `name` (a name or an alias, as --unit gives
/// it); throws CommandFailure (exit 2) naming the closest one when there is none.
std::string resolve_unit(const TaskList& list, const std::string& name);

/// A loaded workspace and where it is.
struct LoadedWorkspace {
  std::filesystem::path dir;
  Workspace ws;
  Date today;
};

/// Loads the workspace; prints its diagnostics to stderr; throws
/// CommandFailure when tasks.yaml has errors, or with --strict any file.
/// Otherwise progress files with errors are left out and the reports name
/// them. With reporting.on_time: commit, each entry counts from the day it
/// entered git (duban(5) STATUS RULES, Reporting rounds).
LoadedWorkspace load_or_fail(const WorkspaceRequest& request);

}  // namespace duban::app
