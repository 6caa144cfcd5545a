#include "cli/help_formatter.h"

#include <algorithm>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "model/text.h"

namespace duban {
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

}  // namespace duban
