// duban: supervision of a street office's yearly work list (督办).
// main() only parses the command line and maps outcomes to exit codes.
#include <cstdio>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/help.h"
#include "io/failure.h"

#ifndef DUBAN_VERSION
#define DUBAN_VERSION "0.0.0"
#endif

int main(int argc, char** argv) {
  using namespace duban;
  CLI::App program{"duban：工作清单督办——检查进度、对账销号、督办通知、考核排名", "duban"};
  // Before the commands are added: each copies the formatter and the help flag.
  program.formatter(help_formatter());
  program.set_help_flag("-h,--help", "显示这份说明");
  program.set_version_flag("--version", "duban " DUBAN_VERSION, "显示版本号");
  GlobalFlags g;
  program.add_option("-C", g.dir, "工作目录（含 tasks.yaml）；默认为当前目录或其最近的上级目录")
      ->type_name("目录");
  program.add_option("--today", g.today, "以此日期代替今天（YYYY-MM-DD），用于测试和复现")->type_name("日期");
  program.add_flag("--strict", g.strict,
                   "任何输入文件有错误即停止，不生成报表（默认只略去有错误的进度文件）");
  program.add_flag("--no-cache", g.no_cache, "不使用解析缓存，重新读取每个进度文件");
  program.require_subcommand(1);
  program.fallthrough();

  const std::vector<Command> commands = add_commands(program, g);
  try {
    program.parse(argc, argv);
  } catch (const CLI::Success& e) {
    program.exit(e);  // the help or the version
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    fmt::print(stderr, "{}", usage_error_message(program, e));
    return kExitUsage;
  }
  try {
    for (const Command& c : commands) {
      if (c.app->parsed()) return c.run();
    }
  } catch (const CommandFailure& f) {
    fmt::print(stderr, "{}\n", f.message);
    return f.exit_code;
  } catch (const std::exception& e) {
    fmt::print(stderr, "duban: {}\n", e.what());
    return kExitProblems;
  }
  return kExitUsage;
}
