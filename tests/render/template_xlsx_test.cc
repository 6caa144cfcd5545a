#include "render/template_xlsx.h"

#include <cstdlib>
#include <optional>
#include <string>

#include <doctest/doctest.h>

#include "render/xlsx_part.h"

namespace duban {
namespace {

using testing::holds;
using testing::xlsx_part;

Date day(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

// A list of two tasks, the second with a target, a milestone and a duty.
TaskList sample_list() {
  TaskList list;
  list.issued = day(2024, 3, 1);
  list.reporting.office = "党政综合办公室";
  Task first;
  first.id = "1";
  first.title = "网格化管理";
  first.due = {day(2024, 12, 31), "2024年12月底前"};
  Task second;
  second.id = "2";
  second.title = "调解队伍建设";
  second.due = {day(2024, 9, 30), "2024年9月"};
  Target target;
  target.name = "调解队伍";
  target.value = 2;
  target.unit = "支";
  target.due = second.due;
  second.targets.push_back(target);
  Milestone milestone;
  milestone.name = "方案印发";
  milestone.due = second.due;
  second.milestones.push_back(milestone);
  Duty duty;
  duty.name = "技能比武";
  second.duties.push_back(duty);
  list.tasks = {first, second};
  return list;
}

ReportForm sample_form(const TaskList& list) {
  ReportForm form;
  form.unit = "江洋社区";
  form.round = {Month::of(2024, 6), day(2024, 6, 10), day(2024, 5, 11), day(2024, 5, 11), day(2024, 6, 10)};
  form.fill_date = day(2024, 6, 10);
  form.statuses = {EntryStatus::kNotStarted, EntryStatus::kInProgress, EntryStatus::kDone};
  FormRow first;
  first.task = &list.tasks[0];
  first.owed = true;
  first.state = ShareState::kInProgress;
  first.percent = 40;
  FormRow second;
  second.task = &list.tasks[1];
  second.owed = true;
  second.targets = {&list.tasks[1].targets[0]};
  second.milestones = {&list.tasks[1].milestones[0]};
  second.duties = {&list.tasks[1].duties[0]};
  form.rows = {first, second};
  return form;
}

// Sets an environment variable for one scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    ::setenv(name, value, 1);
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

}  // namespace

// Issue 25: the form was written to a temporary file in TMPDIR and read back,
// beside the workbooks' writer that writes into memory.
TEST_CASE("a form is made in memory, with no temporary file, whatever TMPDIR says") {
  const TaskList list = sample_list();
  const ReportForm form = sample_form(list);
  const std::string usual = render_template_xlsx(form, list);
  ScopedEnv tmpdir("TMPDIR", "/nonexistent/duban-template-test");
  std::string elsewhere;
  CHECK_NOTHROW(elsewhere = render_template_xlsx(form, list));
  CHECK(elsewhere == usual);
}

TEST_CASE("a form's bytes depend on the form only") {
  const TaskList list = sample_list();
  ReportForm form = sample_form(list);
  const std::string a = render_template_xlsx(form, list);
  CHECK(a.substr(0, 4) == std::string("PK\x03\x04", 4));
  CHECK(render_template_xlsx(form, list) == a);
  form.rows[0].percent = 50;
  CHECK(render_template_xlsx(form, list) != a);
}

TEST_CASE("a form has its two sheets, its title, its author and the round's day") {
  const TaskList list = sample_list();
  const std::string xlsx = render_template_xlsx(sample_form(list), list);
  const std::string book = xlsx_part(xlsx, "xl/workbook.xml");
  CHECK(holds(book,
              R"(<sheet name="填报" sheetId="1" r:id="rId1"/><sheet name="说明" sheetId="2" r:id="rId2"/>)"));
  const std::string core = xlsx_part(xlsx, "docProps/core.xml");
  CHECK(holds(core, "<dc:title>江洋社区 2024-06 进度报送表</dc:title>"));
  CHECK(holds(core, "<dc:creator>党政综合办公室</dc:creator>"));
  CHECK(holds(core, R"(<dcterms:created xsi:type="dcterms:W3CDTF">2024-06-10T00:00:00Z</dcterms:created>)"));
}

TEST_CASE("a form's sheet is protected, frozen, checked and printed as the clerks know it") {
  const TaskList list = sample_list();
  const std::string sheet =
      xlsx_part(render_template_xlsx(sample_form(list), list), "xl/worksheets/sheet1.xml");
  CHECK(holds(sheet,
              R"(<pane xSplit="2" ySplit="7" topLeftCell="C8" activePane="bottomRight" state="frozen"/>)"));
  CHECK(holds(sheet,
              R"(<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0" )"
              R"(deleteRows="0"/>)"));
  CHECK(holds(sheet, R"(sqref="B5"><formula1>45352</formula1><formula2>401768</formula2>)"));
  CHECK(holds(sheet, R"(error="请从下拉列表中选择：未启动、推进中、已完成" sqref="F8:F9">)"
                     R"(<formula1>"未启动,推进中,已完成"</formula1>)"));
  CHECK(holds(
      sheet,
      R"(error="进度应为 0 到 100 的整数，如 80（不带 %）" prompt="0 到 100 的整数，如 80" sqref="G8:G9">)"
      "<formula1>0</formula1><formula2>100</formula2>"));
  CHECK(holds(sheet, R"(<row r="7" spans="1:13" ht="36" customHeight="1">)"));
  CHECK(holds(sheet, R"(<row r="8" spans="1:13" ht="48" customHeight="1">)"));
  CHECK(holds(sheet, R"(<pageSetUpPr fitToPage="1"/>)"));
  CHECK(holds(sheet, R"(<pageSetup paperSize="9" fitToHeight="0" orientation="landscape"/>)"));
  const std::string rules =
      xlsx_part(render_template_xlsx(sample_form(list), list), "xl/worksheets/sheet2.xml");
  CHECK(holds(rules, R"(<pageSetup paperSize="9" orientation="landscape"/>)"));
  CHECK_FALSE(holds(rules, "fitToPage"));
}

}  // namespace duban
