#include "load/progress_file.h"

#include <doctest/doctest.h>

#include "evaluate/status.h"
#include "load/task_file.h"

namespace duban {
namespace {

constexpr std::string_view kTasks = R"(title: 测试清单
issued: 2024-04-08
reporting:
  office: 党政综合办公室
units:
  - name: 党政综合办公室
    aliases: [党政办]
  - name: 甲社区
  - name: 乙社区
groups:
  各社区: [乙社区, 甲社区]
sections:
  - title: 一
    tasks:
      - id: 1
        title: 任务一
        owners: [党政办, 各社区]
        due: 2024年6月前
)";

TaskList load_list() {
  std::vector<Diagnostic> out;
  TaskFileResult r = load_task_file("tasks.yaml", kTasks, out);
  REQUIRE(r.ok);
  return r.list;
}

}  // namespace

TEST_CASE("a group owner expands to its members in tasks.yaml order; an alias to its unit") {
  const TaskList list = load_list();
  const Task& t = list.tasks.at(0);
  CHECK(t.owners == std::vector<std::string>{"党政综合办公室", "各社区"});
  CHECK(t.lead() == "党政综合办公室");
  CHECK(t.shares == std::vector<Name>{"党政综合办公室", "甲社区", "乙社区"});
  CHECK(list.find_group("各社区")->members == std::vector<std::string>{"甲社区", "乙社区"});
}

TEST_CASE("reporting defaults follow the list") {
  const TaskList list = load_list();
  CHECK(list.reporting.day == 10);
  CHECK(list.reporting.warn_days == 30);
  CHECK(list.reporting.first.iso() == "2024-05");
  CHECK(list.reporting.last.iso() == "2024-07");  // the month after the latest due date
}

TEST_CASE("a share reported through an alias counts for its unit") {
  Workspace ws;
  ws.list = load_list();
  std::vector<Diagnostic> out;
  ws.entries =
      load_progress_file("progress/2024-06/党政办.yaml",
                         "unit: 党政办\ndate: 2024-06-08\nentries:\n  - task: 1\n    status: 已完成\n",
                         ws.list, *parse_iso_date("2024-07-01"), out);
  CHECK(out.empty());
  REQUIRE(ws.entries.size() == 1);
  CHECK(ws.entries[0].unit == "党政综合办公室");
  CHECK(ws.entries[0].line == 4);
  const TaskStatus t = evaluate_task(ws, ws.list.tasks[0], *parse_iso_date("2024-06-10"));
  CHECK(t.shares[0].state == ShareState::kDone);
}

TEST_CASE("the file name names the unit when the file does not") {
  const TaskList list = load_list();
  std::vector<Diagnostic> out;
  const auto entries = load_progress_file("progress/2024-06/甲社区.yaml",
                                          "date: 2024-06-08\nentries:\n  - task: 1\n    status: 推进中\n",
                                          list, *parse_iso_date("2024-07-01"), out);
  CHECK(out.empty());
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].unit == "甲社区");
}

TEST_CASE("entry details are read") {
  const TaskList list = load_list();
  std::vector<Diagnostic> out;
  const auto entries = load_progress_file("p.yaml",
                                          "unit: 甲社区\nentries:\n  - task: '01'\n    date: 2024-6-8\n"
                                          "    status: in_progress\n    percent: 70\n    progress: 完成初稿\n"
                                          "    problems: 缺经费\n    next: 月底定稿\n",
                                          list, *parse_iso_date("2024-07-01"), out);
  CHECK(out.empty());
  REQUIRE(entries.size() == 1);
  const Entry& e = entries[0];
  CHECK(e.task == "1");
  CHECK(e.date.iso() == "2024-06-08");
  CHECK(e.status == EntryStatus::kInProgress);
  CHECK(e.percent == 70);
  CHECK(e.progress == "完成初稿");
  CHECK(e.problems == "缺经费");
  CHECK(e.next == "月底定稿");
}

}  // namespace duban
