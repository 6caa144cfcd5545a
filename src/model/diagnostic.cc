#include "model/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace duban {

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.path, a.line, a.column) < std::tie(b.path, b.line, b.column);
  });
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

std::string format_diagnostic(const Diagnostic& d) {
  return d.path + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": " +
         (d.severity == Severity::kError ? "错误" : "警告") + ": " + d.message;
}

void cap_diagnostics(std::vector<Diagnostic>& of_one_file) {
  std::vector<Diagnostic>& ds = of_one_file;
  if (ds.size() <= kMaxDiagnosticsPerFile) {
    sort_diagnostics(ds);
    return;
  }
  // Selecting the first ones instead of sorting all keeps this linear.
  std::vector<size_t> order(ds.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto before = [&](size_t a, size_t b) {
    return std::tie(ds[a].line, ds[a].column, a) < std::tie(ds[b].line, ds[b].column, b);
  };
  const auto cut = order.begin() + static_cast<long>(kMaxDiagnosticsPerFile);
  std::nth_element(order.begin(), cut, order.end(), before);
  std::sort(order.begin(), cut, before);
  const auto errors =
      std::count_if(cut, order.end(), [&](size_t i) { return ds[i].severity == Severity::kError; });
  const auto warnings = (order.end() - cut) - errors;
  std::vector<Diagnostic> kept;
  for (auto it = order.begin(); it != cut; ++it) kept.push_back(std::move(ds[*it]));
  Diagnostic rest = std::move(ds[*cut]);
  rest.severity = errors > 0 ? Severity::kError : Severity::kWarning;
  const std::string what = errors == 0 ? std::to_string(warnings) + " 个警告"
                           : warnings == 0
                               ? std::to_string(errors) + " 个错误"
                               : std::to_string(errors) + " 个错误和 " + std::to_string(warnings) + " 个警告";
  rest.message =
      "此文件从这里起还有 " + what + "没有列出：请先改正上面列出的问题，再运行 duban check 查看其余的";
  kept.push_back(std::move(rest));
  ds = std::move(kept);
}

}  // namespace duban
