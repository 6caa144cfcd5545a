// The commands of the command line: each one's flags, parsed into its
// request (app/commands.h) once, and the app function it calls.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
}  // namespace CLI

namespace duban {

/// The options given before or after the command name, as typed.
struct GlobalFlags {
  std::string dir;        ///< -C
  std::string today;      ///< --today
  bool strict = false;    ///< --strict
  bool no_cache = false;  ///< --no-cache
};

/// A command of `program`, and what runs it once it was given.
struct Command {
  CLI::App* app;
  std::function<int()> run;
};

/// Adds every command to `program`; their runs read `flags` once parsed.
std::vector<Command> add_commands(CLI::App& program, const GlobalFlags& flags);

}  // namespace duban
