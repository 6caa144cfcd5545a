// What reconcile, notices and rank share: the options that choose the
// rounds (--month, or --period for ranking periods, and --all), --as-of,
// --format, -o and --commit, and the one loop that renders each round and
// prints it, writes it into a folder of rounds and commits what changed.
// Each of those commands only says how to render one round.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/context.h"
#include "cli/format_option.h"
#include "evaluate/status.h"

namespace duban {

/// The values of the round options of one command.
struct RoundOptions {
  explicit RoundOptions(std::vector<Format> formats) : format(std::move(formats)) {}
  std::string month;  ///< --month, or --period
  std::string as_of;  ///< --as-of, for the commands that have it
  FormatOption format;
  std::string output;  ///< -o
  bool all = false;
  bool commit = false;
};

/// What a command makes of one round.
struct RoundOutput {
  std::string document;  ///< for standard output or the -o file
  /// For an -o folder: paths inside the round's folder, and their bytes.
  std::vector<std::pair<std::filesystem::path, std::string>> files;
  /// A sub-folder of the round's folder whose other *.md files go.
  std::filesystem::path pruned;
};

/// Renders the round of `month` (for ranking, a period's second month): the
/// document in `format`, or with no format (-o DIR) the round's files. The
/// rounds come in order, and `timeline` goes on from the previous one's.
using RoundRenderer =
    std::function<RoundOutput(const LoadedWorkspace& loaded, const RoundOptions& o, Month month,
                              std::optional<Format> format, StatusTimeline& timeline)>;

/// Whether a command covers the monthly rounds or the bimonthly ranking periods.
enum class RoundKind { kRound, kRankPeriod };

/// What tells the round commands apart.
struct RoundCommand {
  RoundKind kind;
  std::vector<Format> formats;  ///< those offered; the first is the default
  RoundRenderer render;
  bool as_of = false;               ///< offers --as-of
  const char* output_help = "";     ///< what -o writes
  const char* commit_subject = "";  ///< the commit message, before the rounds
};

/// Adds the round options to `sub` and returns its run function: checks the
/// options, loads the workspace, chooses the rounds and writes each.
Runner add_round_command(CLI::App* sub, const GlobalOptions& g, RoundCommand command);

/// The usual output of a round: the document in `format`, or with no format
/// NAME.md, NAME.csv and NAME.xlsx in the round's folder.
RoundOutput document_or_report_files(const char* name, std::optional<Format> format,
                                     const std::function<std::string(Format)>& render);

}  // namespace duban
