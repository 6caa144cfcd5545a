// Problems found in the user's files, with where they are and what to do.
#pragma once

#include <string>
#include <vector>

namespace duban {

enum class Severity { kError, kWarning };

/// One problem in one file: `path:line:column: 错误: message`.
struct Diagnostic {
  std::string path;  ///< relative to the workspace
  int line = 1;      ///< from 1
  int column = 1;    ///< from 1, in characters
  Severity severity = Severity::kError;
  std::string message;
};

/// Sorts by path, line and column; keeps the order of equal positions.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);

bool has_errors(const std::vector<Diagnostic>& diagnostics);

/// `path:line:column: 错误|警告: message`
std::string format_diagnostic(const Diagnostic& d);

}  // namespace duban
