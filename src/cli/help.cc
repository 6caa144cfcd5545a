// duban's --help and its messages for command line mistakes, in Chinese.
// The help: the usage line, the command's options with their value names
// (日期, 月份 ...), the global options on every command's page, and the
// commands on the program's page; CLI11's own layout is English ("Usage",
// "Options", "TEXT", "Excludes") and counts bytes, not display columns, so
// the whole page is laid out here. The mistakes: CLI11 reports one as an
// English sentence in an exception of one type per kind of mistake; each
// kind becomes a sentence for the clerk, naming the closest command or
// option to a misspelt one, and where the help is.
#include "cli/help.h"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "model/text.h"

namespace duban {

// CLI11 formatter that writes duban's help pages in Chinese.
class HelpFormatter : public CLI::Formatter {
 public:
  // The help page of `app`, the program or one of its commands.
  std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override;
};

namespace {

// Left columns wider than this put their description on the next line.
constexpr int kWidestLeftColumn = 24;

using HelpRows = std::vector<std::pair<std::string, std::string>>;

// "  left  description" lines, the descriptions aligned by display width.
std::string layout(const HelpRows& rows) {
  int width = 0;
  for (const auto& [left, desc] : rows) {
    const int w = display_width(left);
    if (w <= kWidestLeftColumn) width = std::max(width, w);
  }
  std::string out;
  for (const auto& [left, desc] : rows) {
    if (desc.empty()) {
      out += fmt::format("  {}\n", left);
    } else if (display_width(left) > kWidestLeftColumn) {
      out += fmt::format("  {}\n  {}  {}\n", left, std::string(width, ' '), desc);
    } else {
      out += fmt::format("  {}  {}\n", pad_right(left, width), desc);
    }
  }
  return out;
}

bool shown(const CLI::Option* o) { return !o->get_group().empty(); }

bool many_values(const CLI::Option& o) {
  return o.get_expected_max() >= CLI::detail::expected_max_vector_size;
}

// The description with what CLI11 would have printed as REQUIRED and Excludes.
std::string describe(const CLI::Option& o) {
  std::string desc = o.get_description();
  std::vector<std::string> excluded;
  for (const CLI::Option* other : o.get_excludes()) excluded.push_back(option_names(*other));
  std::sort(excluded.begin(), excluded.end());
  if (!excluded.empty()) desc += fmt::format("；不能与 {} 同时使用", fmt::join(excluded, "、"));
  if (o.get_required()) desc += "；必须给出";
  return desc;
}

HelpRows option_rows(const std::vector<const CLI::Option*>& options) {
  HelpRows rows;
  for (const CLI::Option* o : options) {
    const std::string value = value_name(*o);
    rows.emplace_back(value.empty() ? option_names(*o) : option_names(*o) + " " + value, describe(*o));
  }
  return rows;
}

std::vector<const CLI::Option*> named_options(const CLI::App& app) {
  return app.get_options([&app](const CLI::Option* o) {
    return shown(o) && o->nonpositional() && (app.get_parent() == nullptr || o != app.get_help_ptr());
  });
}

std::vector<const CLI::Option*> positionals(const CLI::App& app) {
  return app.get_options([](const CLI::Option* o) { return shown(o) && o->get_positional(); });
}

std::string positional_usage(const CLI::Option& o) {
  const std::string name = value_name(o) + (many_values(o) ? "..." : "");
  return o.get_required() ? name : "[" + name + "]";
}

// duban [全局选项] 命令 [选项], or duban status [选项].
std::string usage_line(const CLI::App& app, const std::string& name) {
  std::string line = "用法：" + name;
  if (app.get_parent() == nullptr) return line + " [全局选项] 命令 [选项]\n";
  if (!named_options(app).empty()) line += " [选项]";
  for (const CLI::Option* p : positionals(app)) line += " " + positional_usage(*p);
  return line + "\n";
}

std::string command_list(const CLI::App& app) {
  HelpRows rows;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
    rows.emplace_back(sub->get_name(), sub->get_description());
  }
  return rows.empty() ? "" : "\n命令：\n" + layout(rows);
}

std::string global_options(const CLI::App& program) {
  std::vector<const CLI::Option*> options =
      program.get_options([](const CLI::Option* o) { return shown(o) && o->nonpositional(); });
  // Help and version last: they are not about the work.
  std::stable_partition(options.begin(), options.end(), [&program](const CLI::Option* o) {
    return o != program.get_help_ptr() && o != program.get_version_ptr();
  });
  return fmt::format("\n{}：\n{}", kGlobalOptionsTitle, layout(option_rows(options)));
}

}  // namespace

std::string option_names(const CLI::Option& option) {
  std::vector<std::string> names;
  for (const std::string& s : option.get_snames()) names.push_back("-" + s);
  for (const std::string& l : option.get_lnames()) names.push_back("--" + l);
  if (names.empty()) return value_name(option);
  return fmt::format("{}", fmt::join(names, ", "));
}

std::string value_name(const CLI::Option& option) {
  if (option.get_type_size() == 0) return "";
  // The validators' descriptions are left out: the description lists the values.
  return option.get_option_text().empty() ? option.get_type_name() : option.get_option_text();
}

std::string HelpFormatter::make_help(const CLI::App* app, std::string name, CLI::AppFormatMode) const {
  const CLI::App* program = app;
  while (program->get_parent() != nullptr) program = program->get_parent();
  std::string out;
  if (!app->get_description().empty()) out += app->get_description() + "\n";
  out += usage_line(*app, name);
  if (app == program) {
    out += global_options(*program);
    out += command_list(*program);
    out += fmt::format("\n查看某个命令的选项：{} 命令 --help，如 {} status --help\n", name, name);
    return out;
  }
  std::vector<const CLI::Option*> args = positionals(*app);
  if (!args.empty()) {
    HelpRows rows;
    for (const CLI::Option* p : args)
      rows.emplace_back(value_name(*p) + (many_values(*p) ? "..." : ""), describe(*p));
    out += "\n参数：\n" + layout(rows);
  }
  const std::vector<const CLI::Option*> options = named_options(*app);
  if (!options.empty()) out += "\n选项：\n" + layout(option_rows(options));
  out += global_options(*program);
  return out;
}

std::shared_ptr<CLI::FormatterBase> help_formatter() { return std::make_shared<HelpFormatter>(); }

namespace {

// The command given, or the program when none was.
const CLI::App& chosen(const CLI::App& program) {
  const std::vector<CLI::App*> subs = program.get_subcommands();
  return subs.empty() ? program : *subs.front();
}

std::string help_command(const CLI::App& program, const CLI::App& app) {
  if (&app == &program) return fmt::format("{} --help", program.get_name());
  return fmt::format("{} {} --help", program.get_name(), app.get_name());
}

std::string with_help(const CLI::App& program, const CLI::App& app, const std::string& message) {
  return fmt::format("duban: {}\n用法见 {}\n", message, help_command(program, app));
}

std::vector<std::string> command_names(const CLI::App& program) {
  std::vector<std::string> names;
  for (const CLI::App* s :
       program.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
    names.push_back(s->get_name());
  }
  return names;
}

// The command meant by an English word a clerk may try that is no typo of
// it: spelled close to another command's name (report is two letters from
// import), it would be answered with that one.
std::string meant_command(const std::string& word) {
  static const std::pair<std::string_view, std::string_view> kMeant[] = {
      {"report", "reconcile"},
      {"reports", "reconcile"},
      {"ranking", "rank"},
  };
  for (const auto& [said, meant] : kMeant) {
    if (word == said) return std::string(meant);
  }
  return {};
}

std::string unknown_command(const CLI::App& program, const std::string& word) {
  std::string hint = meant_command(word);
  if (hint.empty()) hint = closest_match(word, command_names(program));
  if (!hint.empty())
    return with_help(program, program, fmt::format("没有“{}”这个命令：是不是 {}？", word, hint));
  return with_help(program, program,
                   fmt::format("没有“{}”这个命令；命令有 {}", word, fmt::join(command_names(program), "、")));
}

// Every option name `app` takes, its own and the program's.
std::vector<std::string> option_spellings(const CLI::App& program, const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* a : {&app, &program}) {
    for (const CLI::Option* o : a->get_options()) {
      if (o->get_group().empty()) continue;
      for (const std::string& s : o->get_snames()) names.push_back("-" + s);
      for (const std::string& l : o->get_lnames()) names.push_back("--" + l);
    }
    if (a == &program) break;
  }
  return names;
}

std::string unknown_option(const CLI::App& program, const CLI::App& app, std::string_view given) {
  const std::string name(given.substr(0, given.find('=')));
  // One letter is too little to guess from: -x is no more -C than -o.
  const std::string hint = name.size() > 2 ? closest_match(name, option_spellings(program, app)) : "";
  const std::string owner = &app == &program ? "" : app.get_name() + " ";
  if (!hint.empty())
    return with_help(program, app, fmt::format("{}没有选项 {}：是不是 {}？", owner, name, hint));
  return with_help(program, app, fmt::format("{}没有选项 {}", owner, name));
}

std::string extra_argument(const CLI::App& program, const CLI::App& app, const std::string& word) {
  const std::vector<std::string> commands = command_names(program);
  if (&app != &program && std::find(commands.begin(), commands.end(), word) != commands.end()) {
    return with_help(program, program,
                     fmt::format("一次只能运行一个命令：{} 之后又写了 {}", app.get_name(), word));
  }
  if (&app == &program) return unknown_command(program, word);
  return with_help(program, app, fmt::format("多出了“{}”：{} 不需要这样的参数", word, app.get_name()));
}

// The first thing parsing left over: an unknown option or a stray word.
std::string left_over(const CLI::App& program, const CLI::App& app) {
  for (const std::string& word : program.remaining(true)) {
    if (word.size() > 1 && word[0] == '-') return unknown_option(program, app, word);
    return extra_argument(program, app, word);
  }
  return {};
}

const CLI::Option* find_option(const CLI::App& program, const CLI::App& app, const std::string& name) {
  if (const CLI::Option* o = app.get_option_no_throw(name)) return o;
  return program.get_option_no_throw(name);
}

// An example value for the value names that have one.
std::string example_of(const std::string& value) {
  if (value == "日期") return "2024-06-10";
  if (value == "月份") return "2024-06";
  return "";
}

std::string missing_value(const CLI::App& program, const CLI::App& app, const std::string& name) {
  const CLI::Option* o = find_option(program, app, name);
  const std::string value = o != nullptr ? value_name(*o) : "";
  if (value.empty()) return with_help(program, app, fmt::format("{} 后面缺少要写的值", name));
  const std::string example = example_of(value);
  if (example.empty()) return with_help(program, app, fmt::format("{} 后面缺少{}", name, value));
  return with_help(program, app, fmt::format("{} 后面缺少{}，如 {} {}", name, value, name, example));
}

std::string required(const CLI::App& program, const CLI::App& app, const std::string& name) {
  const CLI::Option* o = find_option(program, app, name);
  if (o == nullptr) return with_help(program, app, fmt::format("缺少 {}", name));
  if (o->get_positional()) {
    return with_help(program, app, fmt::format("{} 后面要写{}", app.get_name(), value_name(*o)));
  }
  return with_help(program, app, fmt::format("{} 必须给出 {} {}", app.get_name(), name, value_name(*o)));
}

std::string_view before(std::string_view text, std::string_view separator) {
  return text.substr(0, text.find(separator));
}

std::string_view after(std::string_view text, std::string_view separator) {
  const size_t at = text.find(separator);
  return at == std::string_view::npos ? std::string_view{} : text.substr(at + separator.size());
}

}  // namespace

std::string usage_error_message(const CLI::App& program, const CLI::ParseError& e) {
  const CLI::App& app = chosen(program);
  const std::string_view what = e.what();
  if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) {
    if (&app == &program) {
      if (std::string message = left_over(program, app); !message.empty()) return message;
      return with_help(program, program,
                       fmt::format("请写出要做的事（命令），如 {} status", program.get_name()));
    }
    return required(program, app, std::string(before(what, " is required")));
  }
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
    if (std::string message = left_over(program, app); !message.empty()) return message;
  }
  if (dynamic_cast<const CLI::ValidationError*>(&e) != nullptr && what.find(": ") != std::string_view::npos) {
    return with_help(program, app, fmt::format("{} {}", before(what, ": "), after(what, ": ")));
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr) {
    if (what.ends_with(" missing")) return missing_value(program, app, std::string(before(what, ":")));
    if (what.starts_with("Expected exactly")) {
      return with_help(program, app,
                       fmt::format("{} 只能写一次", before(after(what, " arguments to "), ",")));
    }
    return with_help(program, app, fmt::format("{} 只能写一次", before(what, ":")));
  }
  if (dynamic_cast<const CLI::ConversionError*>(&e) != nullptr) {
    // "Could not convert: --strict = maybe", or "--strict: too many inputs for a flag".
    const std::string_view name =
        what.starts_with("Could not convert: ") ? before(after(what, ": "), " = ") : before(what, ":");
    return with_help(program, app, fmt::format("{} 是开关，后面不写值", name));
  }
  if (dynamic_cast<const CLI::ExcludesError*>(&e) != nullptr) {
    return with_help(
        program, app,
        fmt::format("{} 和 {} 不能同时使用", before(what, " excludes "), after(what, " excludes ")));
  }
  if (dynamic_cast<const CLI::RequiresError*>(&e) != nullptr) {
    return with_help(
        program, app,
        fmt::format("{} 需要与 {} 一起使用", before(what, " requires "), after(what, " requires ")));
  }
  // Not one duban's options can cause; CLI11's words are better than none.
  return with_help(program, app, fmt::format("命令行有误（{}）", what));
}

CLI::Validator one_of(std::vector<std::string> values) {
  return CLI::Validator(
      [values](const std::string& value) -> std::string {
        if (std::find(values.begin(), values.end(), value) != values.end()) return {};
        const std::string hint = closest_match(value, values);
        std::string list = values.front();
        for (size_t i = 1; i < values.size(); ++i)
          list += (i + 1 == values.size() ? " 或 " : "、") + values[i];
        if (!hint.empty()) return fmt::format("{}：这里只能写 {}；是不是 {}？", value, list, hint);
        return fmt::format("{}：这里只能写 {}", value, list);
      },
      "");
}

}  // namespace duban
