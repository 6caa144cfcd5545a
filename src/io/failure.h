// How a command ends: its exit codes, and the failure that any part of
// the command line tool throws for main() to print and return.
#pragma once

#include <string>

namespace duban {

/// Exit codes: all well, problems found or a failure, usage error.
constexpr int kExitOk = 0;
constexpr int kExitProblems = 1;
constexpr int kExitUsage = 2;

/// Thrown by helpers to end a command with a message and exit code.
struct CommandFailure {
  int exit_code;
  std::string message;
};

}  // namespace duban
