#include "cli/help.h"

#include <doctest/doctest.h>
#include <CLI/CLI.hpp>

namespace duban {
namespace {

// The message for `args` given to a small program shaped like duban's.
std::string message_for(const std::vector<std::string>& args) {
  CLI::App app{"", "duban"};
  app.require_subcommand(1);
  app.fallthrough();
  std::string today, as_of, format;
  bool all = false;
  app.add_option("--today", today)->type_name("日期");
  CLI::App* status = app.add_subcommand("status", "");
  status->add_option("--as-of", as_of)->type_name("日期");
  status->add_option("--format", format)->type_name("格式")->check(one_of({"text", "md", "csv"}));
  status->add_flag("--all", all)->excludes(status->get_option("--as-of"));
  app.add_subcommand("reconcile", "");
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    return usage_error_message(app, e);
  }
  return "";
}

}  // namespace

TEST_CASE("each kind of command line mistake gets its Chinese message") {
  struct Case {
    std::vector<std::string> args;
    std::string want;
  };
  for (const Case& c : std::vector<Case>{
           {{"status"}, ""},
           {{}, "duban: 请写出要做的事（命令），如 duban status\n用法见 duban --help\n"},
           {{"statsu"}, "duban: 没有“statsu”这个命令：是不是 status？\n用法见 duban --help\n"},
           {{"xyz"}, "duban: 没有“xyz”这个命令；命令有 status、reconcile\n用法见 duban --help\n"},
           {{"status", "--as_of", "2024-06-10"},
            "duban: status 没有选项 --as_of：是不是 --as-of？\n用法见 duban status --help\n"},
           {{"--todya", "2024-06-10", "status"},
            "duban: status 没有选项 --todya：是不是 --today？\n用法见 duban status --help\n"},
           {{"status", "-a"}, "duban: status 没有选项 -a\n用法见 duban status --help\n"},
           {{"status", "--as-of"},
            "duban: --as-of 后面缺少日期，如 --as-of 2024-06-10\n用法见 duban status --help\n"},
           {{"status", "x"}, "duban: 多出了“x”：status 不需要这样的参数\n用法见 duban status --help\n"},
           {{"status", "reconcile"},
            "duban: 一次只能运行一个命令：status 之后又写了 reconcile\n用法见 duban --help\n"},
           {{"status", "--format", "mdd"},
            "duban: --format mdd：这里只能写 text、md 或 csv；是不是 md？\n用法见 duban status --help\n"},
           {{"status", "--format", "xlsx"},
            "duban: --format xlsx：这里只能写 text、md 或 csv\n用法见 duban status --help\n"},
           {{"status", "--all", "--as-of", "2024-06-10"},
            "duban: --as-of 和 --all 不能同时使用\n用法见 duban status --help\n"},
       }) {
    CAPTURE(c.want);
    CHECK(message_for(c.args) == c.want);
  }
}

}  // namespace duban
