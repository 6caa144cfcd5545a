#include "app/output_format.h"

#include <doctest/doctest.h>

#include "io/failure.h"

namespace duban::app {
namespace {

// The format --format `given` gives for -o `file`, or the usage error's message.
std::string format_for(std::optional<Format> given, const std::string& file,
                       std::vector<Format> offered = {Format::kMarkdown, Format::kCsv, Format::kJson,
                                                      Format::kXlsx}) {
  try {
    return format_name(format_for_file(offered, given, file));
  } catch (const CommandFailure& f) {
    CHECK(f.exit_code == kExitUsage);
    return f.message;
  }
}

}  // namespace

TEST_CASE("the extension of -o FILE says the format, and --format may not contradict it") {
  struct Case {
    std::optional<Format> given;
    std::string file;
    std::string want;
  };
  for (const Case& c : std::vector<Case>{
           {std::nullopt, "r.xlsx", "xlsx"},
           {std::nullopt, "r.md", "md"},
           {std::nullopt, "out/r.csv", "csv"},
           {std::nullopt, "r.json", "json"},
           {Format::kXlsx, "r.xlsx", "xlsx"},
           {Format::kMarkdown, "r.xlsx",
            "duban: -o r.xlsx 的扩展名是 .xlsx，与 --format md 不符：请去掉 --format md，或把文件名改为 "
            "r.md"},
           {Format::kJson, "a/b.csv",
            "duban: -o a/b.csv 的扩展名是 .csv，与 --format json 不符：请去掉 --format json，或把文件名改为 "
            "a/b.json"},
           {std::nullopt, "r.txt",
            "duban: -o r.txt：这个命令不写扩展名为“.txt”的文件，能写的是 .md、.csv、.json 或 .xlsx；"
            "要写入文件夹，请在末尾加 /，如 -o reports/"},
           {std::nullopt, "R.XLSX", "xlsx"},
           {std::nullopt, "r.yaml",
            "duban: -o r.yaml：这个命令不写扩展名为“.yaml”的文件，能写的是 .md、.csv、.json 或 .xlsx；"
            "要写入文件夹，请在末尾加 /，如 -o reports/"},
       }) {
    CAPTURE(c.file);
    CHECK(format_for(c.given, c.file) == c.want);
  }
}

TEST_CASE("a command names only the extensions it writes") {
  CHECK(format_for(std::nullopt, "n.csv", {Format::kMarkdown, Format::kJson}) ==
        "duban: -o n.csv：这个命令不写扩展名为“.csv”的文件，能写的是 .md 或 .json；"
        "要写入文件夹，请在末尾加 /，如 -o reports/");
  CHECK(format_for(std::nullopt, "rank.txt", {Format::kText, Format::kMarkdown}) == "text");
}

}  // namespace duban::app
