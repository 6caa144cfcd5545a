#include "cli/format_option.h"

#include <doctest/doctest.h>

#include "cli/failure.h"

namespace duban {
namespace {

// The format `args` (after the command name) give for -o `file`, or the
// usage error's message.
std::string format_for(const std::vector<std::string>& args, const std::string& file,
                       std::vector<Format> offered = {Format::kMarkdown, Format::kCsv, Format::kJson,
                                                      Format::kXlsx}) {
  CLI::App app;
  FormatOption option(std::move(offered));
  option.add_to(&app);
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  app.parse(reversed);
  try {
    return format_name(option.for_file(file));
  } catch (const CommandFailure& f) {
    CHECK(f.exit_code == kExitUsage);
    return f.message;
  }
}

}  // namespace

TEST_CASE("the extension of -o FILE says the format, and --format may not contradict it") {
  struct Case {
    std::vector<std::string> args;
    std::string file;
    std::string want;
  };
  for (const Case& c : std::vector<Case>{
           {{}, "r.xlsx", "xlsx"},
           {{}, "r.md", "md"},
           {{}, "out/r.csv", "csv"},
           {{}, "r.json", "json"},
           {{"--format", "xlsx"}, "r.xlsx", "xlsx"},
           {{"--format", "md"},
            "r.xlsx",
            "duban: -o r.xlsx 的扩展名是 .xlsx，与 --format md 不符：请去掉 --format md，或把文件名改为 "
            "r.md"},
           {{"--format", "json"},
            "a/b.csv",
            "duban: -o a/b.csv 的扩展名是 .csv，与 --format json 不符：请去掉 --format json，或把文件名改为 "
            "a/b.json"},
           {{},
            "r.txt",
            "duban: -o r.txt：这个命令不写扩展名为“.txt”的文件，能写的是 .md、.csv、.json 或 .xlsx；"
            "要写入文件夹，请在末尾加 /，如 -o reports/"},
           {{}, "R.XLSX", "xlsx"},
           {{},
            "r.yaml",
            "duban: -o r.yaml：这个命令不写扩展名为“.yaml”的文件，能写的是 .md、.csv、.json 或 .xlsx；"
            "要写入文件夹，请在末尾加 /，如 -o reports/"},
       }) {
    CAPTURE(c.file);
    CHECK(format_for(c.args, c.file) == c.want);
  }
}

TEST_CASE("a command names only the extensions it writes") {
  CHECK(format_for({}, "n.csv", {Format::kMarkdown, Format::kJson}) ==
        "duban: -o n.csv：这个命令不写扩展名为“.csv”的文件，能写的是 .md 或 .json；"
        "要写入文件夹，请在末尾加 /，如 -o reports/");
  CHECK(format_for({}, "rank.txt", {Format::kText, Format::kMarkdown}) == "text");
}

}  // namespace duban
