// What every command shares: the global options, finding the workspace,
// the clock, and loading with diagnostics shown. The only place that reads
// the clock.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>

#include <CLI/CLI.hpp>

#include "cli/failure.h"
#include "load/workspace_loader.h"
#include "model/date.h"

namespace duban {

/// Options given before or after the command name.
struct GlobalOptions {
  std::string dir;        ///< -C
  std::string today;      ///< --today
  bool strict = false;    ///< --strict: any error in any file stops the reports
  bool no_cache = false;  ///< --no-cache: parse every progress file, keep no parse cache
};

/// A command's run function, called after parsing when its subcommand was given.
using Runner = std::function<int()>;
using CommandSetup = std::pair<CLI::App*, Runner>;

/// The --today date, or the local date from the clock.
Date resolve_today(const GlobalOptions& g);

/// The workspace directory from -C or the nearest ancestor with tasks.yaml.
std::filesystem::path resolve_workspace(const GlobalOptions& g);

/// A loaded workspace and where it is.
struct LoadedWorkspace {
  std::filesystem::path dir;
  Workspace ws;
  Date today;
};

/// Loads the workspace; prints its diagnostics to stderr; throws
/// CommandFailure when tasks.yaml has errors, or with --strict any file.
/// Otherwise progress files with errors are left out and the reports name them.
LoadedWorkspace load_or_fail(const GlobalOptions& g);

/// --as-of when given, else `fallback`.
Date resolve_as_of(const std::string& option, Date fallback);

CommandSetup add_check_command(CLI::App& app, const GlobalOptions& g);
CommandSetup add_tasks_command(CLI::App& app, const GlobalOptions& g);
CommandSetup add_status_command(CLI::App& app, const GlobalOptions& g);
CommandSetup add_reconcile_command(CLI::App& app, const GlobalOptions& g);
CommandSetup add_notices_command(CLI::App& app, const GlobalOptions& g);
CommandSetup add_rank_command(CLI::App& app, const GlobalOptions& g);
CommandSetup add_audit_command(CLI::App& app, const GlobalOptions& g);
CommandSetup add_carry_over_command(CLI::App& app, const GlobalOptions& g);
CommandSetup add_template_command(CLI::App& app, const GlobalOptions& g);
CommandSetup add_import_command(CLI::App& app, const GlobalOptions& g);
/// The hidden `_complete` command: the words the shell completions offer.
CommandSetup add_complete_command(CLI::App& app, const GlobalOptions& g);

}  // namespace duban
