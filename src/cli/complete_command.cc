// `duban _complete WHAT [COMMAND]`: the words the shell completions
// (completion/duban.bash, completion/_duban) offer, one per line. Hidden from
// --help. Commands, options and --format values are read from the command
// line's own definition, so the completions follow it; unit names and
// months from the workspace's tasks.yaml (-C before `_complete`, or the
// nearest ancestor). It runs on every Tab: it reads tasks.yaml alone, writes
// nothing, and prints nothing at all when something is amiss.
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "cli/context.h"
#include "load/task_file.h"

namespace duban {
namespace {

// Every --format value any command knows; which a command takes is asked of
// its option's own check.
constexpr const char* kFormatNames[] = {"text", "md", "csv", "json", "xlsx", "yaml"};

// tasks.yaml is refused above this size by the loader too.
constexpr std::uintmax_t kMaxListBytes = 1 << 20;

// The commands --help lists (not this one).
std::vector<CLI::App*> commands(CLI::App& app) {
  return app.get_subcommands([](CLI::App* sub) { return !sub->get_group().empty(); });
}

// The command named `name`, or nullptr.
CLI::App* command(CLI::App& app, const std::string& name) {
  for (CLI::App* sub : commands(app)) {
    if (sub->get_name() == name) return sub;
  }
  return nullptr;
}

// "name<TAB>description" for each visible command.
std::string command_lines(CLI::App& app) {
  std::string out;
  for (CLI::App* sub : commands(app)) out += fmt::format("{}\t{}\n", sub->get_name(), sub->get_description());
  return out;
}

// "-x<TAB>description" and "--long<TAB>description" for each named option of
// `sub`, then the program's own (given before or after the command), each
// name once.
std::string option_lines(CLI::App& app, CLI::App* sub) {
  std::string out;
  std::set<std::string> seen;
  const auto add = [&](const std::string& name, const CLI::Option* opt) {
    if (seen.insert(name).second) out += fmt::format("{}\t{}\n", name, opt->get_description());
  };
  for (CLI::App* a : {sub, &app}) {
    if (a == nullptr) continue;
    for (const CLI::Option* opt : a->get_options()) {
      if (a == &app && sub != nullptr && opt->check_name("--version")) continue;
      for (const std::string& s : opt->get_snames()) add("-" + s, opt);
      for (const std::string& l : opt->get_lnames()) add("--" + l, opt);
    }
  }
  return out;
}

// The --format values `sub` accepts: those its option's checks let through.
std::string format_lines(CLI::App* sub) {
  if (sub == nullptr) return "";
  std::string out;
  for (CLI::Option* opt : sub->get_options([](CLI::Option* o) { return o->check_name("--format"); })) {
    for (const char* name : kFormatNames) {
      bool accepted = true;
      for (int i = 0; accepted; ++i) {
        CLI::Validator* check = nullptr;
        try {
          check = opt->get_validator(i);
        } catch (const CLI::OptionNotFound&) {
          break;
        }
        std::string value = name;
        accepted = (*check)(value).empty();
      }
      if (accepted) out += fmt::format("{}\n", name);
    }
  }
  return out;
}

// The work list of the workspace, when it reads without errors.
std::optional<TaskList> read_list(const GlobalOptions& g) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path dir =
      g.dir.empty() ? find_workspace(fs::current_path(ec)).value_or(fs::path()) : fs::path(g.dir);
  if (dir.empty()) return std::nullopt;
  const fs::path file = dir / "tasks.yaml";
  const std::uintmax_t size = fs::file_size(file, ec);
  if (ec || size > kMaxListBytes) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in || !bytes) return std::nullopt;
  std::vector<Diagnostic> ignored;
  TaskFileResult loaded = load_task_file("tasks.yaml", bytes.str(), ignored);
  if (!loaded.ok) return std::nullopt;
  return std::move(loaded.list);
}

std::string unit_lines(const TaskList& list) {
  std::string out;
  for (const Unit& u : list.units) out += u.name + "\n";
  return out;
}

// The months of the reporting rounds, reporting.first to reporting.last.
std::string month_lines(const TaskList& list) {
  std::string out;
  for (Month m = list.reporting.first; m <= list.reporting.last; m = m + 1) out += m.iso() + "\n";
  return out;
}

std::string words(CLI::App& app, const GlobalOptions& g, const std::string& what, const std::string& name) {
  if (what == "commands") return command_lines(app);
  if (what == "options") return option_lines(app, name.empty() ? nullptr : command(app, name));
  if (what == "formats") return format_lines(command(app, name));
  if (what != "units" && what != "months") return "";
  const std::optional<TaskList> list = read_list(g);
  if (!list) return "";
  return what == "units" ? unit_lines(*list) : month_lines(*list);
}

}  // namespace

CommandSetup add_complete_command(CLI::App& app, const GlobalOptions& g) {
  CLI::App* sub = app.add_subcommand("_complete", "补全用：列出命令、选项、格式、单位或月份");
  sub->group("");
  auto what = std::make_shared<std::string>();
  auto name = std::make_shared<std::string>();
  sub->add_option("WHAT", *what);
  sub->add_option("COMMAND", *name);
  return {sub, [&app, &g, what, name] {
            std::string out;
            try {
              out = words(app, g, *what, *name);
            } catch (...) {
              return kExitProblems;  // a completion that cannot be had is no completion, not a message
            }
            std::fwrite(out.data(), 1, out.size(), stdout);
            return out.empty() ? kExitProblems : kExitOk;
          }};
}

}  // namespace duban
