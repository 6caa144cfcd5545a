#include "load/task_file.h"

#include <doctest/doctest.h>

namespace duban {
namespace {

struct Loaded {
  TaskFileResult result;
  std::vector<Diagnostic> diagnostics;
};

Loaded load(std::string_view text) {
  Loaded l;
  l.result = load_task_file("tasks.yaml", text, l.diagnostics);
  return l;
}

bool says(const Loaded& l, std::string_view what) {
  for (const Diagnostic& d : l.diagnostics) {
    if (d.message.find(what) != std::string::npos) return true;
  }
  return false;
}

constexpr std::string_view kHead = R"(title: 清单
issued: 2024-04-08
reporting:
  office: 办公室
units:
  - name: 办公室
)";

}  // namespace

// Found by fuzzing: the year 1012 passed the deadline parser and
// Month::last_day dereferenced an empty optional (undefined behaviour; an
// abort with _GLIBCXX_ASSERTIONS).
TEST_CASE("regression: fuzz sections tasks due 1012年1月") {
  const Loaded l = load("sections:\n- tasks:\n  - due: 1012年1月");
  CHECK_FALSE(l.result.ok);
  CHECK(says(l, "年份 1012 不在 1900 至 2999 年之间"));
}

TEST_CASE("regression: due 3000-01 and last 9999-12 are refused") {
  const std::string tasks = std::string(kHead) + R"(sections:
  - title: 一
    tasks:
      - id: 1
        title: 任务
        owners: [办公室]
        due: 3000-01
)";
  const Loaded due = load(tasks);
  CHECK_FALSE(due.result.ok);
  CHECK(says(due, "年份 3000"));

  std::string last = tasks;
  last.replace(last.find("3000-01"), 7, "2024-06");
  last.replace(last.find("  office: 办公室\n"), 0, "  last: 9999-12\n");
  const Loaded l = load(last);
  CHECK_FALSE(l.result.ok);
  CHECK(says(l, "“last”的年份 9999"));
}

TEST_CASE("unit, alias and group names must be safe file names") {
  const Loaded l = load(std::string(kHead) + R"(  - name: ../../tmp/x
    aliases: [CON, 好名字]
groups:
  "重点 ": [办公室]
sections: []
)");
  CHECK_FALSE(l.result.ok);
  REQUIRE(l.diagnostics.size() == 3);
  CHECK(l.diagnostics[0].line == 7);
  CHECK(l.diagnostics[0].message.find("“/”") != std::string::npos);
  CHECK(l.diagnostics[1].line == 8);
  CHECK(l.diagnostics[1].message.find("设备名") != std::string::npos);
  CHECK(l.diagnostics[2].line == 10);
  CHECK(l.diagnostics[2].message.find("空格结尾") != std::string::npos);
  // Still defined, so that using them reports nothing more.
  CHECK(l.result.list.canonical_unit("好名字") == "../../tmp/x");
}

TEST_CASE("a long owner list with repeats is read in one pass") {
  std::string owners;
  for (int i = 0; i < 2000; ++i) owners += i == 0 ? "办公室" : ", 办公室";
  const Loaded l = load(std::string(kHead) +
                        "sections:\n  - title: 一\n    tasks:\n      - id: 1\n        title: 任务\n"
                        "        due: 2024-06\n        owners: [" +
                        owners + "]\n");
  CHECK(l.result.ok);
  CHECK(l.diagnostics.size() == 1999);  // each repeat is a warning
  REQUIRE(l.result.list.tasks.size() == 1);
  CHECK(l.result.list.tasks[0].owners == std::vector<std::string>{"办公室"});
  CHECK(l.result.list.tasks[0].shares == std::vector<Name>{"办公室"});
}

}  // namespace duban
