#include "load/form_reader.h"

#include <doctest/doctest.h>

#include "load/csv_reader.h"

namespace duban {
namespace {

TaskList form_list() {
  TaskList list;
  list.issued = *Date::from_ymd(2024, 4, 8);
  list.units = {{"党政综合办公室", {"党政办"}}, {"江洋社区", {}}};
  Task t;
  t.id = "12.10";
  t.title = "推进加装电梯";
  t.owners = {"江洋社区"};
  t.shares = {"江洋社区"};
  t.targets = {{"加装电梯", 15, "部", {}, std::nullopt}};
  list.tasks = {t};
  return list;
}

Workbook csv_book(const std::string& text) {
  CsvRead read = read_csv(text);
  REQUIRE(read.error.empty());
  Workbook book;
  book.sheets.push_back(std::move(read.sheet));
  return book;
}

constexpr const char* kHeader =
    "单位,党政办\n报送月份,2024年6月\n填报日期,2024年6月8日\n序号,状态,进度（%）,本月进展,"
    "目标：加装电梯（部）\n";

}  // namespace

TEST_CASE("dates as clerks type them") {
  const struct {
    const char* text;
    const char* date;  // nullptr: not a date
  } cases[] = {
      {"2025-02-08", "2025-02-08"},
      {"2025/2/8", "2025-02-08"},
      {"2025.2.8", "2025-02-08"},
      {"2025年2月8日", "2025-02-08"},
      {"２０２５年２月８日", "2025-02-08"},
      {"2月8日", "2024-02-08"},
      {"2025-02-08T00:00:00", "2025-02-08"},
      {"2025-02-30", nullptr},
      {"二月八日", nullptr},
      {"2025-02", nullptr},
      {"8", nullptr},
      {"3000-01-01", nullptr},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto d = parse_typed_date(c.text, 2024);
    CHECK(d.has_value() == (c.date != nullptr));
    if (d && c.date) CHECK(d->iso() == c.date);
  }
}

TEST_CASE("Excel's date serials, with its 1900-02-29, and the 1904 system") {
  CHECK(date_of_serial(1, false)->iso() == "1900-01-01");
  CHECK(date_of_serial(59, false)->iso() == "1900-02-28");
  CHECK_FALSE(date_of_serial(60, false).has_value());
  CHECK(date_of_serial(61, false)->iso() == "1900-03-01");
  CHECK(date_of_serial(45330, false)->iso() == "2024-02-08");
  CHECK(date_of_serial(45330.75, false)->iso() == "2024-02-08");
  CHECK(date_of_serial(43868, true)->iso() == "2024-02-08");
  CHECK_FALSE(date_of_serial(0, false).has_value());
}

TEST_CASE("a filled form: the unit by its alias, percentages typed three ways, an empty row skipped") {
  const std::string text = std::string(kHeader) +
                           "12.10,推进中,80%,\"第一行\r\n第二行\",9部\n"
                           ",,,,\n"
                           "12.1,推进中,0.5,,\n"
                           "12.10,已完成,１００,,\n";
  const FilledForm form = read_filled_form(csv_book(text), false, form_list());
  REQUIRE(form.problems.size() == 1);
  CHECK(form.problems[0].cell == "A7");
  CHECK(form.problems[0].message == "清单中没有编号为“12.1”的任务：请不要修改“序号”一列");
  CHECK(form.draft.unit.value == "党政综合办公室");
  CHECK(form.draft.unit.cell == "B1");
  CHECK(form.month.iso() == "2024-06");
  CHECK(form.dated);
  CHECK(form.draft.date.value.iso() == "2024-06-08");
  REQUIRE(form.draft.entries.size() == 2);
  const DraftEntry& first = form.draft.entries[0];
  CHECK(first.task.value == "12.10");
  CHECK(first.percent->value == 80);
  CHECK(first.percent->cell == "C5");
  CHECK(first.progress.value == "第一行\n第二行");
  REQUIRE(first.metrics.size() == 1);
  CHECK(first.metrics[0].value.second == 9);
  CHECK(form.draft.entries[1].percent->value == 100);
}

TEST_CASE("what is wrong in a form is named at its cell") {
  const std::string text = std::string(kHeader) + "12.10,进行中,百分之八十,,很多\n12.10,,120,有进展,\n";
  const FilledForm form = read_filled_form(csv_book(text), false, form_list());
  std::vector<std::string> got;
  for (const CellProblem& p : form.problems) got.push_back(p.cell + " " + p.message);
  const std::vector<std::string> expected = {
      "B5 状态应为 未启动、推进中、已完成 之一，这里是“进行中”",
      "C5 进度应为 0 到 100 的整数，这里是“百分之八十”",
      "E5 “目标：加装电梯（部）”应填数字（累计完成数），如 9，这里是“很多”",
      "B6 状态为空：请从下拉列表中选择 未启动、推进中 或 已完成",
      "C6 进度应为 0 到 100 的整数，这里是“120”",
  };
  REQUIRE(got.size() == expected.size());
  for (size_t i = 0; i < got.size(); ++i) CHECK(got[i] == expected[i]);
  CHECK(form.draft.entries.empty());
}

TEST_CASE("a cell that cannot be read as written is named, and nothing is read") {
  Workbook book = csv_book(std::string(kHeader) + "12.10,推进中,80,前半\n");
  book.sheets[0].cells[{5, 4}] = SheetCell{};
  book.sheets[0].cells[{5, 4}].unreadable = "这一格含有字符引用“&#0;”";
  const FilledForm form = read_filled_form(book, false, form_list());
  REQUIRE(form.problems.size() == 1);
  CHECK(form.problems[0].cell == "D5");
  CHECK(form.problems[0].message == "这一格含有字符引用“&#0;”");
  CHECK(form.draft.entries.empty());
}

TEST_CASE("a long value is quoted cut after 50 characters") {
  const std::string status = std::string(60, 'x');
  const FilledForm form =
      read_filled_form(csv_book(std::string(kHeader) + "12.10," + status + ",80\n"), false, form_list());
  REQUIRE(form.problems.size() == 1);
  CHECK(form.problems[0].message ==
        "状态应为 未启动、推进中、已完成 之一，这里是“" + std::string(50, 'x') + "…”");
}

TEST_CASE("texts beyond the progress file's 1 MiB are refused at the cell that passes it") {
  const std::string half(600 * 1024, 'x');
  const FilledForm form = read_filled_form(
      csv_book(std::string(kHeader) + "12.10,推进中,80," + half + "\n12.10,推进中,80," + half + "\n"), false,
      form_list());
  REQUIRE(form.problems.size() == 1);
  CHECK(form.problems[0].cell == "D6");
  CHECK(form.problems[0].message.starts_with("报送表中填写的文字合计超过进度文件的上限 1 MiB"));
}

TEST_CASE("a file that is not a form says so") {
  const FilledForm form = read_filled_form(csv_book("姓名,电话\n张三,123\n"), false, form_list());
  REQUIRE(form.problems.size() == 1);
  CHECK(form.problems[0].cell.empty());
}

TEST_CASE("CSV: quotes, BOM, CRLF and GBK") {
  CsvRead utf8 = read_csv(
      "\xEF\xBB\xBF"
      "a,\"b,\"\"c\"\"\"\r\n\"x\r\ny\",z\r\n");
  REQUIRE(utf8.error.empty());
  CHECK(utf8.sheet.at(1, 1)->text == "a");
  CHECK(utf8.sheet.at(1, 2)->text == "b,\"c\"");
  CHECK(utf8.sheet.at(2, 1)->text == "x\ny");
  CHECK(utf8.sheet.at(2, 2)->text == "z");
  // 单位,江洋社区 in GBK.
  CsvRead gbk = read_csv("\xB5\xA5\xCE\xBB,\xBD\xAD\xD1\xF3\xC9\xE7\xC7\xF8\n");
  REQUIRE(gbk.error.empty());
  CHECK(gbk.sheet.at(1, 1)->text == "单位");
  CHECK(gbk.sheet.at(1, 2)->text == "江洋社区");
  CHECK_FALSE(read_csv("\xFF\xFF\xFF\x80").error.empty());
}

}  // namespace duban
