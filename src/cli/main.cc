// duban: supervision of a street office's yearly work list (督办).
// main() only parses the command line and maps outcomes to exit codes.
#include <cstdio>
#include <vector>

#include <fmt/format.h>

#include "cli/context.h"
#include "cli/help_formatter.h"
#include "cli/usage_error.h"

#ifndef DUBAN_VERSION
#define DUBAN_VERSION "0.0.0"
#endif

int main(int argc, char** argv) {
  using namespace duban;
  CLI::App app{"duban：工作清单督办——检查进度、对账销号、督办通知、考核排名", "duban"};
  // Before the commands are added: each copies the formatter and the help flag.
  app.formatter(std::make_shared<HelpFormatter>());
  app.set_help_flag("-h,--help", "显示这份说明");
  app.set_version_flag("--version", "duban " DUBAN_VERSION, "显示版本号");
  GlobalOptions g;
  app.add_option("-C", g.dir, "工作目录（含 tasks.yaml）；默认为当前目录或其最近的上级目录")
      ->type_name("目录");
  app.add_option("--today", g.today, "以此日期代替今天（YYYY-MM-DD），用于测试和复现")->type_name("日期");
  app.add_flag("--strict", g.strict, "任何输入文件有错误即停止，不生成报表（默认只略去有错误的进度文件）");
  app.add_flag("--no-cache", g.no_cache, "不使用解析缓存，重新读取每个进度文件");
  app.require_subcommand(1);
  app.fallthrough();

  const std::vector<CommandSetup> commands = {
      add_check_command(app, g),     add_tasks_command(app, g),      add_status_command(app, g),
      add_reconcile_command(app, g), add_notices_command(app, g),    add_rank_command(app, g),
      add_audit_command(app, g),     add_carry_over_command(app, g), add_template_command(app, g),
      add_import_command(app, g),    add_complete_command(app, g),
  };
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    app.exit(e);  // the help or the version
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    fmt::print(stderr, "{}", usage_error_message(app, e));
    return kExitUsage;
  }
  try {
    for (const auto& [sub, run] : commands) {
      if (sub->parsed()) return run();
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
