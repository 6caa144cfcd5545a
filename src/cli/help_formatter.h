// duban's --help, in Chinese: the usage line, the command's options with
// their value names (日期, 月份 ...), the global options on every command's
// page, and the commands on the program's page. CLI11's own layout is
// English ("Usage", "Options", "TEXT", "Excludes") and counts bytes, not
// display columns, so the whole page is laid out here.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace duban {

/// The heading of the options that every command takes.
inline constexpr const char* kGlobalOptionsTitle = "全局选项（写在命令之前或之后均可）";

/// CLI11 formatter that writes duban's help pages in Chinese.
class HelpFormatter : public CLI::Formatter {
 public:
  /// The help page of `app`, the program or one of its commands.
  std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override;
};

/// An option's names as help shows them: `-h, --help`, `--as-of`.
std::string option_names(const CLI::Option& option);

/// An option's value name (日期, 月份 ...); empty for a flag.
std::string value_name(const CLI::Option& option);

}  // namespace duban
