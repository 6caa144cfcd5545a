#include "cli/commands.h"

#include <memory>
#include <optional>
#include <set>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "app/commands.h"
#include "cli/help.h"
#include "io/failure.h"
#include "io/output.h"
#include "model/date.h"
#include "render/format.h"

#ifndef DUBAN_VERSION
#define DUBAN_VERSION "0.0.0"
#endif

namespace duban {
namespace {

// --today, --as-of: a day in any spelling a form may hold, or a usage
// error naming the flag.
std::optional<Date> date_flag(const char* flag, const std::string& text) {
  if (text.empty()) return std::nullopt;
  if (auto d = app::parse_date_option(text)) return d;
  throw CommandFailure{kExitUsage, fmt::format("duban: {} 应为日期，如 2024-06-10，这里是“{}”", flag, text)};
}

// --month, --period: a month, or a usage error naming the flag.
std::optional<Month> month_flag(const char* flag, const std::string& text) {
  if (text.empty()) return std::nullopt;
  if (auto m = parse_iso_month(text)) return m;
  throw CommandFailure{kExitUsage, fmt::format("duban: {} 应为月份，如 2024-06，这里是“{}”", flag, text)};
}

// The global options as a request, once the run has entered -C's folder:
// every relative path after it is taken from there.
app::WorkspaceRequest workspace_request(const GlobalFlags& g) {
  app::enter_directory(g.dir);
  return {g.dir, date_flag("--today", g.today), g.strict, g.no_cache, g.quiet};
}

// --format among `offered`; its help marks the first, the default, unless
// `mark_default` is false. CLI11 checks the name; the request gets the format.
struct FormatFlag {
  std::string text;
  std::optional<Format> value(const std::vector<Format>& offered) const {
    for (const Format f : offered) {
      if (text == format_name(f)) return f;
    }
    return std::nullopt;
  }
};

void add_format_flag(CLI::App* sub, const std::vector<Format>& offered, FormatFlag& flag,
                     bool mark_default = true) {
  std::vector<std::string> names;
  std::string help = "输出格式：";
  for (size_t i = 0; i < offered.size(); ++i) {
    names.push_back(format_name(offered[i]));
    if (i > 0 && i + 1 < offered.size()) help += "、";
    // No space after a full-width bracket: md（默认）或 json, but csv 或 json.
    if (i > 0 && i + 1 == offered.size()) help += help.ends_with("）") ? "或 " : " 或 ";
    help += names.back();
    if (i == 0 && mark_default) help += "（默认）";
  }
  sub->add_option("--format", flag.text, help)->type_name("格式")->check(one_of(names));
}

Command check_command(CLI::App& program, const GlobalFlags& g) {
  CLI::App* sub = program.add_subcommand(
      "check", "检查 tasks.yaml 和 progress/ 中的每个文件；给出文件时只检查这些进度文件；无问题时不输出");
  auto r = std::make_shared<app::CheckRequest>();
  sub->add_option("PATH", r->paths, "只检查这些进度文件（例如单位发来的文件），对照 tasks.yaml")
      ->type_name("文件");
  return {sub, [&g, r] { return app::check(workspace_request(g), *r); }};
}

Command tasks_command(CLI::App& program, const GlobalFlags& g) {
  CLI::App* sub = program.add_subcommand("tasks", "列出清单中的全部任务");
  auto format = std::make_shared<FormatFlag>();
  add_format_flag(sub, app::listing_formats(), *format, false);
  return {sub, [&g, format] {
            const app::TasksRequest r{format->value(app::listing_formats()).value_or(Format::kText)};
            return app::list_tasks(workspace_request(g), r);
          }};
}

Command status_command(CLI::App& program, const GlobalFlags& g) {
  CLI::App* sub = program.add_subcommand("status", "各任务截至某日的状态（逾期、临期、正常推进……）");
  struct Flags {
    std::string as_of;
    FormatFlag format;
    app::StatusRequest request;
  };
  auto f = std::make_shared<Flags>();
  sub->add_option("--as-of", f->as_of, "截至日期（YYYY-MM-DD），默认今天")->type_name("日期");
  sub->add_option("--unit", f->request.unit, "只列出该单位承担的任务")->type_name("单位");
  CLI::Option* task =
      sub->add_option("--task", f->request.task, "只看这一项任务，并列出各单位的情况")->type_name("编号");
  sub->add_flag("--open", f->request.open, "只列出尚未销号的任务（含已完成待销号的）")->excludes(task);
  sub->add_flag("--overdue", f->request.overdue, "只列出逾期的任务")->excludes(task);
  add_format_flag(sub, app::listing_formats(), f->format);
  return {sub, [&g, f] {
            app::StatusRequest r = f->request;
            r.as_of = date_flag("--as-of", f->as_of);
            r.format = f->format.value(app::listing_formats()).value_or(Format::kText);
            return app::status(workspace_request(g), r);
          }};
}

// What tells the round commands apart on the command line.
enum class RoundFlagKind {
  kRounds,   // --month, --as-of, --all (reconcile, notices)
  kPeriods,  // --period, --as-of, --all (rank)
  kAudit,    // --month, --all
  kRemind,   // --month, --as-of for the round open on that day
};

struct RoundFlags {
  RoundFlagKind kind;
  const std::vector<Format>& formats;
  const char* output_help;
  int (*run)(const app::WorkspaceRequest&, const app::RoundRequest&);
};

const char* month_help(RoundFlagKind kind) {
  switch (kind) {
    case RoundFlagKind::kPeriods:
      return "考核期所含的任一月份（YYYY-MM），默认为最近结束的双月";
    case RoundFlagKind::kRemind:
      return "报送月份（YYYY-MM），默认为截至日所在的一轮";
    case RoundFlagKind::kRounds:
    case RoundFlagKind::kAudit:
      break;
  }
  return "报送月份（YYYY-MM），默认为报送日已到的最近一轮";
}

const char* as_of_help(RoundFlagKind kind) {
  switch (kind) {
    case RoundFlagKind::kPeriods:
      return "截至日期（YYYY-MM-DD），默认为考核期第二个月的报送日";
    case RoundFlagKind::kRemind:
      return "截至日期（YYYY-MM-DD），默认今天";
    case RoundFlagKind::kRounds:
    case RoundFlagKind::kAudit:
      break;
  }
  return "截至日期（YYYY-MM-DD），默认为该轮报送日";
}

Command round_command(CLI::App* sub, const GlobalFlags& g, const RoundFlags& kind) {
  struct Flags {
    std::string month, as_of, output;
    FormatFlag format;
    bool all = false, commit = false;
  };
  auto f = std::make_shared<Flags>();
  const bool period = kind.kind == RoundFlagKind::kPeriods;
  const char* month_name = period ? "--period" : "--month";
  CLI::Option* month = sub->add_option(month_name, f->month, month_help(kind.kind))->type_name("月份");
  CLI::Option* as_of = kind.kind == RoundFlagKind::kAudit
                           ? nullptr
                           : sub->add_option("--as-of", f->as_of, as_of_help(kind.kind))->type_name("日期");
  add_format_flag(sub, kind.formats, f->format);
  sub->add_option("-o", f->output, kind.output_help)->type_name("文件或目录");
  if (kind.kind != RoundFlagKind::kRemind) {
    CLI::Option* all = sub->add_flag("--all", f->all,
                                     period ? "从第一个考核期到最近结束的一个，每期都写（需 -o 目录）"
                                            : "从第一轮到最近一轮，每轮都写（需 -o 目录）");
    all->excludes(month);
    if (as_of != nullptr) all->excludes(as_of);
  }
  sub->add_flag("--commit", f->commit, "写入后用 git 提交改动的文件（需 -o）");
  return {sub, [&g, f, month_name, &formats = kind.formats, run = kind.run] {
            const app::RoundRequest r{month_flag(month_name, f->month), f->all,
                                      date_flag("--as-of", f->as_of),   f->output,
                                      f->format.value(formats),         f->commit};
            return run(workspace_request(g), r);
          }};
}

Command reconcile_command(CLI::App& program, const GlobalFlags& g) {
  CLI::App* sub =
      program.add_subcommand("reconcile", "某月的对账销号表：汇总、台账、本月销号、逾期督办、未按时报送");
  return round_command(sub, g,
                       {RoundFlagKind::kRounds, app::reconcile_formats(),
                        "写入文件，格式由扩展名（.md .csv .json .xlsx .txt）决定；若为目录（如 reports/），"
                        "写入 <目录>/<YYYY-MM>/reconcile.md、.csv 和 .xlsx",
                        app::reconcile});
}

Command notices_command(CLI::App& program, const GlobalFlags& g) {
  CLI::App* sub = program.add_subcommand("notices", "某月的督办通知：每个有逾期任务或未按时报送的单位一份");
  return round_command(sub, g,
                       {RoundFlagKind::kRounds, app::notices_formats(),
                        "写入文件，格式由扩展名（.md .json .txt）决定；若为目录（如 reports/），"
                        "每个单位写入 <目录>/<YYYY-MM>/notices/<单位>.md",
                        app::notices});
}

Command rank_command(CLI::App& program, const GlobalFlags& g) {
  CLI::App* sub =
      program.add_subcommand("rank", "每双月考核排名：按时报送、任务完成、未逾期、常态化工作、目标达成");
  return round_command(sub, g,
                       {RoundFlagKind::kPeriods, app::rank_formats(),
                        "写入文件，格式由扩展名（.txt .md .csv .json .xlsx）决定；若为目录（如 reports/），"
                        "写入 <目录>/<双月第二个月>/rank.md、.csv 和 .xlsx",
                        app::rank});
}

Command audit_command(CLI::App& program, const GlobalFlags& g) {
  CLI::App* sub =
      program.add_subcommand("audit", "留痕：从 git 提交记录查出某月的补录、对账后改动和未提交的进度");
  return round_command(
      sub, g,
      {RoundFlagKind::kAudit, app::audit_formats(),
       "写入文件；若为目录（如 reports/），写入 <目录>/<YYYY-MM>/audit.md 和 .csv", app::audit});
}

Command remind_command(CLI::App& program, const GlobalFlags& g) {
  CLI::App* sub = program.add_subcommand("remind", "催报：报送日前，各单位本轮还有哪些任务尚未报送进度");
  return round_command(sub, g,
                       {RoundFlagKind::kRemind, app::remind_formats(),
                        "写入文件，格式由扩展名（.md .csv .json .txt）决定；若为目录（如 reports/），"
                        "每个单位写入 <目录>/<YYYY-MM>/remind/<单位>.md，可直接发到工作群",
                        app::remind});
}

Command carry_over_command(CLI::App& program, const GlobalFlags& g) {
  CLI::App* sub = program.add_subcommand(
      "carry-over", "下一年度清单草稿：上年未完成的任务（上年结转）及各目标尚未完成的部分");
  auto r = std::make_shared<app::CarryOverRequest>();
  sub->add_option("-o", r->output, "写入这个新文件（如 ../2025/tasks.yaml）；不覆盖已有文件；默认输出到屏幕")
      ->type_name("文件");
  return {sub, [&g, r] { return app::carry_over(workspace_request(g), *r); }};
}

Command template_command(CLI::App& program, const GlobalFlags& g) {
  CLI::App* sub =
      program.add_subcommand("template", "生成某单位某轮的进度报送表（xlsx 表格或 yaml 文件），供单位填写");
  struct Flags {
    std::string month;
    app::TemplateRequest request;
  };
  auto f = std::make_shared<Flags>();
  sub->add_option("--unit", f->request.unit, "报送单位（名称或别名）")->type_name("单位")->required();
  sub->add_option("--month", f->month, "报送月份（YYYY-MM），默认为报送日在今天或之后的最近一轮")
      ->type_name("月份");
  sub->add_option("--format", f->request.format, "xlsx（默认）或 yaml")
      ->type_name("格式")
      ->check(one_of({"xlsx", "yaml"}));
  sub->add_option("-o", f->request.output, "写到此文件或文件夹；默认为当前目录下的 单位-YYYY-MM.xlsx")
      ->type_name("文件或目录");
  return {sub, [&g, f] {
            app::TemplateRequest r = f->request;
            r.month = month_flag("--month", f->month);
            return app::write_template(workspace_request(g), r);
          }};
}

Command import_command(CLI::App& program, const GlobalFlags& g) {
  CLI::App* sub = program.add_subcommand(
      "import", "导入单位填好的报送表（.xlsx 或 .csv），写成 progress/YYYY-MM/单位.yaml 并检查");
  auto r = std::make_shared<app::ImportRequest>();
  sub->add_option("FILE", r->files, "填好的报送表（.xlsx 或 .csv）")->type_name("报送表")->required();
  sub->add_option("-o", r->output, "写到此文件夹下的 YYYY-MM/单位.yaml；默认为工作目录的 progress/")
      ->type_name("目录");
  sub->add_option("--unit", r->unit, "报送表的“单位”与文件名中的单位不同时，指明以哪个为准（名称或别名）")
      ->type_name("单位");
  sub->add_flag("--force", r->force, "已有内容不同的同名进度文件时也覆盖");
  sub->add_flag("--commit", r->commit,
                "每导入一个文件就用 git 提交一次：作者为该单位，提交人为运行本命令的人");
  return {sub, [&g, r] { return app::import_forms(workspace_request(g), *r); }};
}

// `duban _complete WHAT [COMMAND]`: the words the shell completions
// (completion/duban.bash, completion/_duban) offer, one per line. Hidden from
// --help. Commands, options and --format values are read from the command
// line's own definition, so the completions follow it; unit names and months
// from the workspace's tasks.yaml (-C before `_complete`, or the nearest
// ancestor). It runs on every Tab: it reads tasks.yaml alone, writes nothing,
// and prints nothing at all when something is amiss.

// Every --format value any command knows; which a command takes is asked of
// its option's own check.
constexpr const char* kFormatNames[] = {"text", "md", "csv", "json", "xlsx", "yaml"};

// The commands --help lists (not this one).
std::vector<CLI::App*> visible_commands(CLI::App& program) {
  return program.get_subcommands([](CLI::App* sub) { return !sub->get_group().empty(); });
}

// The command named `name`, or nullptr.
CLI::App* command_named(CLI::App& program, const std::string& name) {
  for (CLI::App* sub : visible_commands(program)) {
    if (sub->get_name() == name) return sub;
  }
  return nullptr;
}

// "name<TAB>description" for each visible command.
std::string command_lines(CLI::App& program) {
  std::string out;
  for (CLI::App* sub : visible_commands(program)) {
    out += fmt::format("{}\t{}\n", sub->get_name(), sub->get_description());
  }
  return out;
}

// "-x<TAB>description" and "--long<TAB>description" for each named option of
// `sub`, then the program's own (given before or after the command), each
// name once.
std::string option_lines(CLI::App& program, CLI::App* sub) {
  std::string out;
  std::set<std::string> seen;
  const auto add = [&](const std::string& name, const CLI::Option* opt) {
    if (seen.insert(name).second) out += fmt::format("{}\t{}\n", name, opt->get_description());
  };
  for (CLI::App* a : {sub, &program}) {
    if (a == nullptr) continue;
    for (const CLI::Option* opt : a->get_options()) {
      if (a == &program && sub != nullptr && opt->check_name("--version")) continue;
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

std::string words(CLI::App& program, const GlobalFlags& g, const std::string& what, const std::string& name) {
  if (what == "commands") return command_lines(program);
  if (what == "options") return option_lines(program, name.empty() ? nullptr : command_named(program, name));
  if (what == "formats") return format_lines(command_named(program, name));
  if (what != "units" && what != "months") return "";
  app::WorkspaceRequest w;
  if (!g.dir.empty()) {
    app::enter_directory(g.dir);
    w.dir = ".";
  }
  const std::optional<TaskList> list = app::read_list_quietly(w);
  if (!list) return "";
  return what == "units" ? unit_lines(*list) : month_lines(*list);
}

Command complete_command(CLI::App& program, const GlobalFlags& g) {
  CLI::App* sub = program.add_subcommand("_complete", "补全用：列出命令、选项、格式、单位或月份");
  sub->group("");
  auto what = std::make_shared<std::string>();
  auto name = std::make_shared<std::string>();
  sub->add_option("WHAT", *what);
  sub->add_option("COMMAND", *name);
  return {sub, [&program, &g, what, name] {
            std::string out;
            try {
              out = words(program, g, *what, *name);
            } catch (...) {
              return kExitProblems;  // a completion that cannot be had is no completion, not a message
            }
            print(out);
            return out.empty() ? kExitProblems : kExitOk;
          }};
}

// `duban help [COMMAND]`: the program's help page, or the command's.
Command help_command(CLI::App& program) {
  CLI::App* sub = program.add_subcommand("help", "显示这份说明，或某个命令的说明（duban help reconcile）");
  auto name = std::make_shared<std::string>();
  sub->add_option("COMMAND", *name, "命令")->type_name("命令");
  return {sub, [&program, name] {
            if (name->empty()) {
              print(program.help());
              return kExitOk;
            }
            const CLI::App* command = command_named(program, *name);
            if (command == nullptr) throw CommandFailure{kExitUsage, unknown_command_message(program, *name)};
            print(command->help(program.get_name()));
            return kExitOk;
          }};
}

// `duban version`: as --version.
Command version_command(CLI::App& program) {
  CLI::App* sub = program.add_subcommand("version", "显示版本号");
  return {sub, [] {
            print("duban " DUBAN_VERSION "\n");
            return kExitOk;
          }};
}

}  // namespace

std::vector<Command> add_commands(CLI::App& program, const GlobalFlags& flags) {
  return {
      check_command(program, flags),    tasks_command(program, flags),     status_command(program, flags),
      remind_command(program, flags),   reconcile_command(program, flags), notices_command(program, flags),
      rank_command(program, flags),     audit_command(program, flags),     carry_over_command(program, flags),
      template_command(program, flags), import_command(program, flags),    help_command(program),
      version_command(program),         complete_command(program, flags),
  };
}

}  // namespace duban
