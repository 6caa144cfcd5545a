// duban's --help pages and its messages for command line mistakes, in
// Chinese (cli/help.cc). CLI11 is only named here, never included: the
// command line's three files (main.cc, commands.cc, help.cc) alone compile it.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace CLI {
class App;
class FormatterBase;
class Option;
class ParseError;
class Validator;
}  // namespace CLI

namespace duban {

/// The heading of the options that every command takes.
inline constexpr const char* kGlobalOptionsTitle = "全局选项（写在命令之前或之后均可）";

/// The formatter that writes duban's help pages, for CLI::App::formatter().
std::shared_ptr<CLI::FormatterBase> help_formatter();

/// An option's names as help shows them: `-h, --help`, `--as-of`.
std::string option_names(const CLI::Option& option);

/// An option's value name (日期, 月份 ...); empty for a flag.
std::string value_name(const CLI::Option& option);

/// The message for parse error `e` of `program` (after parse() threw),
/// every line ending in a newline.
std::string usage_error_message(const CLI::App& program, const CLI::ParseError& e);

/// A validator that accepts one of `values` and otherwise lists them in
/// Chinese; its description is empty, as help lists the values in the
/// option's description.
CLI::Validator one_of(std::vector<std::string> values);

}  // namespace duban
