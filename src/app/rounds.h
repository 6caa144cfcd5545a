// What reconcile, notices, rank and audit share: choosing the rounds (or
// ranking periods) a request asks for, checking --as-of against them, and
// the one loop that renders each round and prints it, writes it into a
// folder of rounds and commits what changed. Each of those commands only
// says how to render its rounds.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/commands.h"
#include "app/workspace.h"
#include "evaluate/reconcile.h"
#include "render/format.h"
#include "render/status_render.h"

namespace duban::app {

/// What a command makes of one round.
struct RoundOutput {
  std::string document;  ///< for standard output or the -o file
  /// For an -o folder: paths inside the round's folder, and their bytes.
  std::vector<std::pair<std::filesystem::path, std::string>> files;
  /// A sub-folder of the round's folder whose other *.md files go.
  std::filesystem::path pruned;
};

/// Whether a command covers the monthly rounds, the bimonthly ranking
/// periods, or the one round still open (remind).
enum class RoundKind { kRound, kRankPeriod, kReminder };

/// How a command renders its rounds: `months` in order (for ranking, each
/// period's second month), as of `as_of` when given, each handed to `emit`
/// as soon as it is made: the document in `format`, or with no format (an
/// -o folder) the round's files. `style` is the terminal's (its width, and
/// whether it shows colours), none for files.
struct RoundRendering {
  const LoadedWorkspace& loaded;
  const std::vector<Month>& months;
  std::optional<Date> as_of;
  std::optional<Format> format;
  TextStyle style;
  std::function<void(Month, RoundOutput)> emit;
  /// When the document goes to standard output: prints a piece of it, for
  /// a command that hands its document over in pieces instead of to `emit`.
  std::function<void(std::string_view)> print;
};
using RoundRenderer = std::function<void(const RoundRendering&)>;

/// What tells the round commands apart.
struct RoundCommand {
  RoundKind kind;
  const std::vector<Format>& formats;  ///< those offered; the first is the default
  RoundRenderer render;
  const char* commit_subject = "";  ///< the commit message, before the rounds
  bool text_on_terminal = false;    ///< without --format, text on a terminal (else the default)
};

/// Runs a round command: checks the request, loads the workspace, chooses
/// the rounds, renders them and prints, writes or commits them.
int run_rounds(const WorkspaceRequest& w, const RoundRequest& r, const RoundCommand& command);

/// Each round of `months` as of `as_of`, or else of its own report date.
std::vector<RoundQuery> round_queries(const TaskList& list, const std::vector<Month>& months,
                                      std::optional<Date> as_of);

/// The usual output of a round: the document in `format`, or with no format
/// NAME.md, NAME.csv and NAME.xlsx in the round's folder.
RoundOutput document_or_report_files(const char* name, std::optional<Format> format,
                                     const std::function<std::string(Format)>& render);

}  // namespace duban::app
