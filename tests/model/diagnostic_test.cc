#include "model/diagnostic.h"

#include <doctest/doctest.h>

namespace duban {
namespace {

Diagnostic at(int line, Severity severity = Severity::kError) { return {"f.yaml", line, 1, severity, "m"}; }

}  // namespace

TEST_CASE("a file's diagnostics are capped, the first ones by position kept") {
  std::vector<Diagnostic> ds;
  for (int line = 40; line >= 1; --line)
    ds.push_back(at(line, line % 10 == 0 ? Severity::kWarning : Severity::kError));
  cap_diagnostics(ds);
  REQUIRE(ds.size() == kMaxDiagnosticsPerFile + 1);
  for (size_t i = 0; i < kMaxDiagnosticsPerFile; ++i) CHECK(ds[i].line == static_cast<int>(i) + 1);
  const Diagnostic& rest = ds.back();
  CHECK(rest.line == 21);  // where the first one left out is
  CHECK(rest.severity == Severity::kError);
  CHECK(rest.message.find("还有 18 个错误和 2 个警告没有列出") != std::string::npos);
}

TEST_CASE("the count says only what was left out") {
  std::vector<Diagnostic> warnings;
  for (int line = 1; line <= 25; ++line) warnings.push_back(at(line, Severity::kWarning));
  cap_diagnostics(warnings);
  CHECK(warnings.back().severity == Severity::kWarning);  // no error hidden behind it
  CHECK(warnings.back().message.find("还有 5 个警告没有列出") != std::string::npos);

  std::vector<Diagnostic> few = {at(3), at(1), at(2)};
  cap_diagnostics(few);
  REQUIRE(few.size() == 3);
  CHECK(few[0].line == 1);
  CHECK(few[2].line == 3);
  std::vector<Diagnostic> exactly(kMaxDiagnosticsPerFile, at(1));
  cap_diagnostics(exactly);
  CHECK(exactly.size() == kMaxDiagnosticsPerFile);
}

TEST_CASE("equal positions keep the order they were found in") {
  std::vector<Diagnostic> ds;
  for (int i = 0; i < 30; ++i) ds.push_back({"f.yaml", 1, 1, Severity::kError, std::to_string(i)});
  cap_diagnostics(ds);
  for (size_t i = 0; i < kMaxDiagnosticsPerFile; ++i) CHECK(ds[i].message == std::to_string(i));
}

}  // namespace duban
