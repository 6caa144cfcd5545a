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

/// The most problems listed for one file; one more line counts the rest.
constexpr size_t kMaxDiagnosticsPerFile = 20;

/// Sorts the diagnostics of one file by line and column, keeps the first
/// kMaxDiagnosticsPerFile and puts one in place of the rest that says how
/// many errors and warnings were left out (an error when any of them was).
void cap_diagnostics(std::vector<Diagnostic>& of_one_file);

/// `path:line:column: 错误|警告: message`
std::string format_diagnostic(const Diagnostic& d);

}  // namespace duban
