#include "load/safe_names.h"

#include <doctest/doctest.h>

namespace duban {

TEST_CASE("names that are not safe file names are refused with the reason") {
  struct Case {
    std::string name;
    const char* says;  // nullptr: accepted
  };
  const Case cases[] = {
      {"江洋社区", nullptr},
      {"党政办", nullptr},
      {"社区（一）", nullptr},
      {"A.B社区", nullptr},
      {"CONSOLE", nullptr},
      {"COM10", nullptr},
      {"LPT0", nullptr},
      {"Con社区", nullptr},
      {std::string(64, 'a'), nullptr},
      {"../../../../tmp/x", "含有“/”"},
      {"/tmp/x", "含有“/”"},
      {"a\\b", "含有“\\”"},
      {"a:b", "“：”"},
      {"a*b", "“＊”"},
      {"a?b", "“？”"},
      {"a\"b", "“＂”"},
      {"a<b", "“＜”"},
      {"a>b", "“＞”"},
      {"a|b", "“｜”"},
      {std::string("a\0b", 3), "U+0000"},
      {"江洋\n社区", "U+000A"},
      {"a\x1b[2Jb", "U+001B"},
      {"a\u0085b", "U+0085"},
      {".", "不能是“.”"},
      {"..", "不能是“..”"},
      {".江洋社区", "以“.”开头"},
      {"江洋社区.", "以“.”结尾"},
      {"江洋社区 ", "以空格结尾"},
      {"CON", "设备名"},
      {"con", "设备名"},
      {"Aux.txt", "设备名"},
      {"nul.tar.gz", "设备名"},
      {"PRN", "设备名"},
      {"COM1", "设备名"},
      {"com9.md", "设备名"},
      {"LPT1", "设备名"},
      {"lpt9", "设备名"},
      {std::string(65, 'a'), "65 个字"},
      {"很长的单位名称很长的单位名称很长的单位名称很长的单位名称很长的单位名称很长的单位名称很长的单位名称很"
       "长的单位名称很长的单位名称ab",
       "65 个字"},
      {"", "不能为空"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    const std::string problem = file_name_problem(c.name);
    if (c.says == nullptr) {
      CHECK(problem.empty());
    } else {
      CHECK(problem.find(c.says) != std::string::npos);
      if (!c.name.empty()) CHECK(problem.find("文件名") != std::string::npos);  // says why
    }
  }
}

TEST_CASE("a refused control character is named, not echoed") {
  const std::string problem = file_name_problem("江洋\n社区");
  CHECK(problem.find('\n') == std::string::npos);
}

}  // namespace duban
