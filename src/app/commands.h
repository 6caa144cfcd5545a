// One typed function per command: the command line (cli/) parses its flags
// into a request once and calls one of these, which loads the workspace,
// evaluates, renders and writes through io/, printing what a person reads,
// and returns the exit code. Nothing here knows CLI11; every refusal is a
// CommandFailure (io/failure.h) for main() to print.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/workspace.h"
#include "model/date.h"
#include "model/task_list.h"
#include "render/format.h"

namespace duban::app {

/// `duban check [PATH...]`.
struct CheckRequest {
  std::vector<std::string> paths;  ///< only these progress files' problems, checked against tasks.yaml
};
int check(const WorkspaceRequest& w, const CheckRequest& r);

/// `duban tasks`.
struct TasksRequest {
  Format format = Format::kText;
};
int list_tasks(const WorkspaceRequest& w, const TasksRequest& r);

/// `duban status`.
struct StatusRequest {
  std::optional<Date> as_of;  ///< else today
  std::string unit;           ///< only its tasks (a name or alias)
  std::string task;           ///< only this task, in full
  bool open = false;          ///< only tasks not closed yet
  bool overdue = false;       ///< only overdue tasks
  Format format = Format::kText;
};
int status(const WorkspaceRequest& w, const StatusRequest& r);

/// What the round commands (reconcile, notices, rank, audit) are asked.
struct RoundRequest {
  std::optional<Month> month;    ///< --month (--period for rank); else the latest
  bool all = false;              ///< every round (period) so far, into an -o folder
  std::optional<Date> as_of;     ///< else each round's report date
  std::string output;            ///< -o as given: empty for standard output
  std::optional<Format> format;  ///< --format when given
  bool commit = false;           ///< commit what was written
};
int reconcile(const WorkspaceRequest& w, const RoundRequest& r);
int notices(const WorkspaceRequest& w, const RoundRequest& r);
int rank(const WorkspaceRequest& w, const RoundRequest& r);
int audit(const WorkspaceRequest& w, const RoundRequest& r);
/// `duban remind`: the round open on --as-of (today) unless --month; no --all.
int remind(const WorkspaceRequest& w, const RoundRequest& r);

/// The formats each round command writes; the first is the default.
const std::vector<Format>& reconcile_formats();
const std::vector<Format>& notices_formats();
const std::vector<Format>& rank_formats();
const std::vector<Format>& audit_formats();
const std::vector<Format>& remind_formats();
/// The formats of `duban tasks` and `duban status`.
const std::vector<Format>& listing_formats();

/// `duban carry-over`.
struct CarryOverRequest {
  std::string output;  ///< a new file; empty for standard output
};
int carry_over(const WorkspaceRequest& w, const CarryOverRequest& r);

/// `duban template`.
struct TemplateRequest {
  std::string unit;            ///< a name or alias
  std::optional<Month> month;  ///< else the next round
  std::string format;          ///< xlsx or yaml; empty: from -o's extension, else xlsx
  std::string output;          ///< a file or folder; empty: the current folder
};
int write_template(const WorkspaceRequest& w, const TemplateRequest& r);

/// `duban import`.
struct ImportRequest {
  std::vector<std::string> files;
  std::string output;  ///< the folder of rounds; empty: the workspace's progress/
  std::string unit;    ///< --unit, a name or alias: the unit when 单位 and file name differ
  bool force = false;  ///< overwrite an existing file with other content
  bool commit = false;
};
int import_forms(const WorkspaceRequest& w, const ImportRequest& r);

/// For the shell completions: the work list of the workspace, when it reads
/// without errors; nothing (and no message) otherwise.
std::optional<TaskList> read_list_quietly(const WorkspaceRequest& w);

}  // namespace duban::app
