// `duban check [PATH...]`: silent when all is well, one line per problem
// otherwise. With paths, only the problems of those files (and of
// tasks.yaml, against which they are checked) are shown.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "app/commands.h"
#include "app/form_import.h"
#include "evaluate/placement.h"
#include "evaluate/shortfalls.h"
#include "io/output.h"
#include "load/parallel.h"
#include "load/workspace_loader.h"
#include "render/placement_render.h"
#include "render/shortfalls_render.h"

namespace duban::app {
namespace fs = std::filesystem;
namespace {

// How a named file is found: by its place in the workspace when it is in
// it (progress/2025-02/江洋社区.yaml, read with the rest), else read on its
// own under the name it was given.
struct NamedFiles {
  std::set<std::string> shown;
  std::vector<ExtraFile> extra;
};

// The named files that are no progress file to read: forms, and files that
// are not there. Each gets an error at its name; the others are returned.
std::vector<std::string> readable_names(const std::vector<std::string>& paths, std::vector<Diagnostic>& out) {
  std::vector<std::string> kept;
  for (const std::string& given : paths) {
    std::error_code ec;
    if (is_form_file(given)) {
      out.push_back(
          {given, 1, 1, Severity::kError,
           fmt::format("这是报送表，不是进度文件：请用 duban import {} 导入（导入时按 check 的全部规则检查）",
                       shown_path(given))});
    } else if (!fs::exists(fs::symlink_status(given, ec))) {
      out.push_back({given, 1, 1, Severity::kError, "找不到这个文件：请检查文件名和它所在的文件夹"});
    } else {
      kept.push_back(given);
    }
  }
  return kept;
}

NamedFiles resolve_named(const std::vector<std::string>& paths, const fs::path& dir) {
  NamedFiles named;
  std::error_code ec;
  const fs::path root = fs::canonical(dir, ec);
  for (const std::string& given : paths) {
    const fs::path place = fs::weakly_canonical(fs::absolute(given, ec), ec);
    const fs::path relative = ec ? fs::path() : place.lexically_relative(root);
    const std::string inside = relative.generic_string();
    const bool in_workspace = !relative.empty() && inside != "." && inside.rfind("..", 0) != 0;
    if (in_workspace && (inside == "tasks.yaml" || inside.rfind("progress/", 0) == 0)) {
      named.shown.insert(inside);
    } else {
      named.shown.insert(in_workspace ? inside : given);
      named.extra.push_back({in_workspace ? inside : given, given});
    }
  }
  return named;
}

}  // namespace

int check(const WorkspaceRequest& w, const CheckRequest& r) {
  const Date today = resolve_today(w);
  const fs::path dir = resolve_workspace(w);
  std::vector<Diagnostic> refused;
  const NamedFiles named = resolve_named(readable_names(r.paths, refused), dir);
  LoadResult loaded = load_workspace(dir, today, named.extra, {!w.no_cache});
  auto& diagnostics = loaded.diagnostics;
  for (Diagnostic& d : refused) diagnostics.push_back(std::move(d));
  // The rules can only be applied to a list without errors; the settled
  // shortfalls only to a workspace where every file counts. The two only
  // read the workspace: each on a thread of its own.
  std::vector<Misplacement> misplaced;
  std::vector<SettledShortfall> shortfalls;
  parallel_for(2, load_jobs(), [&](size_t i) {
    if (i == 0 && loaded.list_ok()) misplaced = find_misplacements(loaded.workspace);
    if (i == 1 && loaded.ok()) shortfalls = settled_shortfalls(loaded.workspace, today);
  });
  for (Diagnostic& d : placement_warnings(misplaced, loaded.workspace.list))
    diagnostics.push_back(std::move(d));
  for (Diagnostic& d : shortfall_warnings(shortfalls)) diagnostics.push_back(std::move(d));
  sort_diagnostics(diagnostics);
  if (!r.paths.empty()) {
    std::erase_if(diagnostics, [&](const Diagnostic& d) {
      const bool refused_name = std::find(r.paths.begin(), r.paths.end(), d.path) != r.paths.end();
      return named.shown.count(d.path) == 0 && !refused_name &&
             !(d.path == "tasks.yaml" && d.severity == Severity::kError);
    });
  }
  for (const Diagnostic& d : diagnostics) fmt::print("{}\n", format_diagnostic(d));
  return has_errors(diagnostics) ? kExitProblems : kExitOk;
}

}  // namespace duban::app
