#include "render/table.h"

#include <doctest/doctest.h>

#include "model/text.h"

namespace duban {

TEST_CASE("text tables align by display width") {
  const Table t{{"单位", "n"}, {{"江洋社区", "1"}, {"ab", "22"}}};
  CHECK(render_text_table(t) ==
        "单位      n\n"
        "江洋社区  1\n"
        "ab        22\n");
}

TEST_CASE("cut_to_width ends a cut text in … within the width") {
  CHECK(cut_to_width("江洋社区", 8) == "江洋社区");
  CHECK(cut_to_width("江洋社区", 7) == "江洋社…");
  CHECK(cut_to_width("江洋社区", 6) == "江洋…");
  CHECK(cut_to_width("abcdef", 4) == "abc…");
  CHECK(cut_to_width("\x1b[31m● 逾期 10 天\x1b[0m", 7) == "\x1b[31m● 逾期…\x1b[0m");
}

TEST_CASE("a fitted text table cuts the widest cuttable column first") {
  const Table t{{"n", "任务", "单位"}, {{"1", "完成两委班子运行情况分析", "江洋社区"}}};
  CHECK(render_text_table(t, TableFit{0, {1, 2}}) == render_text_table(t));
  CHECK(render_text_table(t, TableFit{100, {1, 2}}) == render_text_table(t));
  CHECK(render_text_table(t, TableFit{30, {1, 2}}) ==
        "n  任务               单位\n"
        "1  完成两委班子运行…  江洋社区\n");
  // Never narrower than 8 columns: the table may stay wider than asked.
  CHECK(render_text_table(t, TableFit{10, {1}}) ==
        "n  任务      单位\n"
        "1  完成两…   江洋社区\n");
}

TEST_CASE("markdown cells escape pipes and line breaks") {
  CHECK(markdown_cell("a|b") == "a\\|b");
  CHECK(markdown_cell("一\n二\n") == "一<br>二");
  CHECK(markdown_cell("a\r\nb") == "a<br>b");
  const Table t{{"a", "b"}, {{"x|y", "1"}}};
  CHECK(render_markdown_table(t) == "| a | b |\n| --- | --- |\n| x\\|y | 1 |\n");
}

TEST_CASE("markdown cells and texts are inert") {
  struct Case {
    const char* input;
    const char* cell;
    const char* text;
  };
  const Case cases[] = {
      {"<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;",
       "&lt;img src=x onerror=alert(1)&gt;"},
      {"A&B &amp;", "A&amp;B &amp;amp;", "A&amp;B &amp;amp;"},
      {"[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))", "\\[x\\](javascript:alert(1))"},
      {"![i](http://t/p.png)", "!\\[i\\](http\\://t/p.png)", "!\\[i\\](http\\://t/p.png)"},
      {"<http://evil>", "&lt;http\\://evil&gt;", "&lt;http\\://evil&gt;"},
      {"见 www.evil.cn 和 WWW.x.cn", "见 www\\.evil.cn 和 WWW\\.x.cn", "见 www\\.evil.cn 和 WWW\\.x.cn"},
      {"a@b.cn",
       "a@\xE2\x81\xA0"
       "b.cn",
       "a@\xE2\x81\xA0"
       "b.cn"},
      {"`code` a\\b", "\\`code\\` a\\\\b", "\\`code\\` a\\\\b"},
      {"a|b", "a\\|b", "a\\|b"},
      {"一\n# 二\n", "一<br># 二", "一 # 二"},
      {"14:30 比例 1:2", "14:30 比例 1:2", "14:30 比例 1:2"},
      {"# 标题", "# 标题", "\\# 标题"},
      {"- 项", "- 项", "\\- 项"},
      {"12. 项", "12. 项", "12\\. 项"},
      {"3#楼", "3#楼", "3#楼"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.input);
    CHECK(markdown_cell(c.input) == c.cell);
    CHECK(markdown_text(c.input) == c.text);
  }
}

TEST_CASE("csv quotes, uses CRLF and neutralises formulas") {
  const Table t{{"a", "b"}, {{"=SUM(A1)", "x,y"}, {"-5", "say \"hi\""}, {"@x", "多\n行"}}};
  CHECK(render_csv(t) ==
        "\xEF\xBB\xBF"
        "a,b\r\n"
        "'=SUM(A1),\"x,y\"\r\n"
        "'-5,\"say \"\"hi\"\"\"\r\n"
        "'@x,\"多\n行\"\r\n");
}

TEST_CASE("csv full-width equals sign at the start of a cell is prefixed") {
  // Every character whose compatibility form is = + - or @: Excel in Chinese
  // and Japanese takes full-width ones for their ASCII forms as it reads.
  for (const char* start : {"＝", "＋", "－", "＠", "﹦", "﹢", "﹣", "﹫", "⁼", "₌", "⁺", "₊", "﬩"}) {
    CAPTURE(start);
    const std::string cell = std::string(start) + "SUM(A1)";
    CHECK(render_csv_rows(Table{{"a"}, {{cell}}}) == "a\r\n'" + cell + "\r\n");
  }
  // Look-alikes that no spreadsheet reads as a formula stay as they are.
  for (const std::string cell : {"−1", "–1", "\u3000＝1", "中＝1", "＂＝1"}) {
    CAPTURE(cell);
    CHECK(render_csv_rows(Table{{"a"}, {{cell}}}) == "a\r\n" + cell + "\r\n");
  }
}

}  // namespace duban

TEST_CASE("wrap_to_width: lines within the width, dates whole, no line starting with closing punctuation") {
  using duban::wrap_to_width;
  CHECK(wrap_to_width("短句。\n", 80) == "短句。\n");
  CHECK(wrap_to_width("一二三四五六", 0) == "一二三四五六");
  CHECK(wrap_to_width("一二三四五六", 6) == "一二三\n四五六");
  // 2024-06-10 is not split: the line breaks before it.
  CHECK(wrap_to_width("请于甲 2024-06-10 前", 12) == "请于甲\n2024-06-10\n前");
  // ，may not start a line: the character before it goes down with it.
  CHECK(wrap_to_width("一二三，四五", 6) == "一二\n三，四\n五");
  for (const std::string& line :
       {std::string("根据《老下陆街道2024年度党建引领基层治理重点项目清单》每月对账销号安排，"
                    "经对 2024-06 报送轮次（截至 2024年6月10日）进行对账：")}) {
    const std::string wrapped = wrap_to_width(line, 40);
    size_t start = 0;
    while (start < wrapped.size()) {
      const size_t nl = wrapped.find('\n', start);
      CHECK(duban::display_width(std::string_view(wrapped).substr(start, nl - start)) <= 40);
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
  }
}
