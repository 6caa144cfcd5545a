#include "render/template_xlsx.h"

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "model/form_layout.h"
#include "model/text.h"
#include "render/labels.h"
#include "render/xlsx_writer.h"

namespace duban {
namespace {

constexpr int kHeaderRow = 6;      // the column headers; the block above it
constexpr int kFixedColumns = 10;  // 序号 ... 下步计划
constexpr double kHeaderHeight = 36;
constexpr double kRowHeight = 48;

using Fill = XlsxStyle::Fill;
using Font = XlsxStyle::Font;

// A cell of the form: grey where duban fills in, light yellow and unlocked
// where the unit writes; bordered, wrapped, at the top.
constexpr XlsxStyle form_cell(bool locked, XlsxStyle::Number number = XlsxStyle::Number::kGeneral) {
  XlsxStyle s;
  s.number = number;
  s.fill = locked ? Fill::kLocked : Fill::kInput;
  s.wrap = true;
  s.locked = locked;
  return s;
}

// Text on its own, outside the table: no border, at the bottom as Excel puts it.
constexpr XlsxStyle loose_text(Font font, bool bold = false) {
  XlsxStyle s;
  s.font = font;
  s.bold = bold;
  s.border = false;
  s.vertical = XlsxStyle::Vertical::kBottom;
  return s;
}

// The column headers: bold, centred both ways.
constexpr XlsxStyle header_style() {
  XlsxStyle s = form_cell(true);
  s.bold = true;
  s.horizontal = XlsxStyle::Horizontal::kCenter;
  s.vertical = XlsxStyle::Vertical::kCenter;
  return s;
}

// A line of the rules: wrapped, at the top, no border.
constexpr XlsxStyle rule_style() {
  XlsxStyle s;
  s.wrap = true;
  s.border = false;
  return s;
}

// A date the unit writes, on the left like the texts around it.
constexpr XlsxStyle open_date_style() {
  XlsxStyle s = form_cell(false, XlsxStyle::Number::kDate);
  s.horizontal = XlsxStyle::Horizontal::kLeft;
  return s;
}

constexpr XlsxStyle kTitle = loose_text(Font::kTitle);
constexpr XlsxStyle kLabel = loose_text(Font::kBody, true);
constexpr XlsxStyle kNote = loose_text(Font::kNote);
constexpr XlsxStyle kHeader = header_style();
constexpr XlsxStyle kLocked = form_cell(true);
constexpr XlsxStyle kOpen = form_cell(false);
constexpr XlsxStyle kOpenInteger = form_cell(false, XlsxStyle::Number::kInteger);
constexpr XlsxStyle kOpenDate = open_date_style();
constexpr XlsxStyle kRule = rule_style();

// A column `width` characters of Chinese text wide, in Excel's units.
double chinese_width(int chars) { return chars * 2.2 + 1; }

// Where each goal column is, and what it is for.
struct GoalColumn {
  std::string header;
  int column;
};

class TemplateWriter {
 public:
  TemplateWriter(const ReportForm& form, const TaskList& list)
      : form_(form),
        list_(list),
        book_({fmt::format("{} {} 进度报送表", form.unit, form.round.month.iso()), list.reporting.office,
               form.round.report_date}) {}

  std::string write() {
    form_sheet();
    rules_sheet();
    return book_.finish();
  }

 private:
  void header_block(XlsxSheet& ws) {
    ws.text(0, 0, fmt::format("{} 进度报送表", form_.unit), kTitle);
    const auto pair = [&](int row, const char* label, const std::string& value) {
      ws.text(row, 0, label, kLabel);
      ws.plain_text(row, 1, value);
    };
    pair(1, kFormUnit, form_.unit);
    pair(2, kFormMonth, form_.round.month.iso());
    pair(3, kFormReportDay, form_.round.report_date.iso());
    ws.text(4, 0, kFormFillDate, kLabel);
    ws.blank(4, 1, kOpenDate);
    ws.text(4, 2,
            fmt::format("← 填写本表的日期，如 {}；空着则按今天（不在本轮 {} 至 {} 之内时按报送日）",
                        form_.round.report_date.iso(), form_.round.window_start.iso(),
                        form_.round.report_date.iso()),
            kNote);
    ws.allow_dates({.col = 1, .first_row = 4, .last_row = 4}, list_.issued, *Date::from_ymd(kMaxYear, 12, 31),
                   {.input = "", .error = "请填写日期，如 " + form_.round.report_date.iso()});
  }

  void columns(XlsxSheet& ws) {
    const std::pair<const char*, double> fixed[kFixedColumns] = {{kColumnId, 10},
                                                                 {kColumnTask, chinese_width(14)},
                                                                 {kColumnDue, chinese_width(7)},
                                                                 {kColumnLastStatus, chinese_width(4)},
                                                                 {kColumnLastPercent, chinese_width(4)},
                                                                 {kColumnStatus, chinese_width(5)},
                                                                 {kColumnPercent, chinese_width(5)},
                                                                 {kColumnProgress, chinese_width(18)},
                                                                 {kColumnProblems, chinese_width(12)},
                                                                 {kColumnNext, chinese_width(12)}};
    for (int c = 0; c < kFixedColumns; ++c) {
      ws.fit_column(c, fixed[c].second);
      ws.text(kHeaderRow, c, fixed[c].first, kHeader);
    }
    // One column per distinct goal, in the order the rows first name them.
    auto add = [&](const std::string& header) {
      for (const GoalColumn& g : goals_) {
        if (g.header == header) return;
      }
      goals_.push_back({header, kFixedColumns + static_cast<int>(goals_.size())});
    };
    for (const FormRow& row : form_.rows) {
      for (const Target* t : row.targets) add(target_column(*t));
      for (const Milestone* m : row.milestones) add(milestone_column(*m));
      for (const Duty* d : row.duties) add(duty_column(*d));
    }
    for (const GoalColumn& g : goals_) {
      ws.fit_column(g.column, chinese_width(std::max(8, count_chars(g.header) / 2)));
      ws.text(kHeaderRow, g.column, g.header, kHeader);
    }
    ws.row_height(kHeaderRow, kHeaderHeight);
  }

  int goal_column(const std::string& header) const {
    for (const GoalColumn& g : goals_) {
      if (g.header == header) return g.column;
    }
    return 0;  // not reached: every goal of a row has its column
  }

  void row(XlsxSheet& ws, int r, const FormRow& row) {
    const Task& task = *row.task;
    ws.text(r, 0, task.id, kLocked);
    ws.text(r, 1, task.title, kLocked);
    ws.text(r, 2, task.due.text, kLocked);
    ws.text(r, 3, share_state_label(row.state), kLocked);
    if (row.percent) {
      ws.number(r, 4, *row.percent, kLocked);
    } else {
      ws.blank(r, 4, kLocked);
    }
    if (row.state == ShareState::kNone) {
      ws.blank(r, 5, kOpen);
    } else {
      const EntryStatus s = row.state == ShareState::kDone         ? EntryStatus::kDone
                            : row.state == ShareState::kInProgress ? EntryStatus::kInProgress
                                                                   : EntryStatus::kNotStarted;
      ws.text(r, 5, entry_status_label(s), kOpen);
    }
    if (row.percent) {
      ws.number(r, 6, *row.percent, kOpenInteger);
    } else {
      ws.blank(r, 6, kOpenInteger);
    }
    for (int c = 7; c < kFixedColumns; ++c) ws.blank(r, c, kOpen);
    for (const GoalColumn& g : goals_) ws.blank(r, g.column, kLocked);
    for (const Target* t : row.targets) ws.blank(r, goal_column(target_column(*t)), kOpen);
    for (const Milestone* m : row.milestones) ws.blank(r, goal_column(milestone_column(*m)), kOpenDate);
    for (const Duty* d : row.duties) ws.blank(r, goal_column(duty_column(*d)), kOpen);
    ws.row_height(r, kRowHeight);
  }

  void validations(XlsxSheet& ws) {
    if (form_.rows.empty()) return;
    const int first = kHeaderRow + 1;
    const int last = kHeaderRow + static_cast<int>(form_.rows.size());
    std::vector<std::string> statuses;
    for (const EntryStatus s : form_.statuses) statuses.push_back(entry_status_label(s));
    ws.allow_list({.col = 5, .first_row = first, .last_row = last}, statuses,
                  {.input = "", .error = fmt::format("请从下拉列表中选择：{}", fmt::join(statuses, "、"))});
    ws.allow_integers(
        {.col = 6, .first_row = first, .last_row = last}, 0, 100,
        {.input = "0 到 100 的整数，如 80", .error = "进度应为 0 到 100 的整数，如 80（不带 %）"});
  }

  void form_sheet() {
    XlsxSheet ws = book_.add_sheet(kFormSheet);
    header_block(ws);
    columns(ws);
    int r = kHeaderRow + 1;
    for (const FormRow& fr : form_.rows) row(ws, r++, fr);
    if (form_.rows.empty()) ws.text(r, 0, "本轮没有需要报送的任务。", kNote);
    validations(ws);
    ws.freeze(kHeaderRow + 1, 2);
    ws.print_a4(true);
    ws.print_one_page_wide();
    ws.repeat_rows(kHeaderRow, kHeaderRow);
    ws.protect({.format_columns = true, .format_rows = true, .delete_rows = true});
  }

  void rules_sheet() {
    XlsxSheet ws = book_.add_sheet(kRulesSheet);
    ws.fit_column(0, chinese_width(45));
    std::vector<std::string> statuses;
    for (const EntryStatus s : form_.statuses) statuses.push_back(entry_status_label(s));
    const std::vector<std::string> lines = {
        fmt::format("{} {}年{}月进度报送表 填写说明", form_.unit, form_.round.month.year(),
                    form_.round.month.month()),
        fmt::format("1. 本表在“{}”工作表中填写，{} 前报送（报送日 {}）。", kFormSheet,
                    form_.round.report_date.iso(), form_.round.report_date.iso()),
        "2. 灰色格子由系统填好，不能修改；浅黄色格子由本单位填写。",
        fmt::format("3. 填报日期：填写本表的日期，如 {}。空着时按今天计算；今天不在本轮（{} 至 "
                    "{}）之内时，按报送日计算。",
                    form_.round.report_date.iso(), form_.round.window_start.iso(),
                    form_.round.report_date.iso()),
        fmt::format("4. 状态：从下拉列表中选择 {}。已按上次报送填好，有变化时改选。",
                    fmt::join(statuses, "、")),
        "5. 进度（%）：填 0 到 100 的整数，如 80，不要写“%”或文字。",
        "6. 本月进展、存在问题、下步计划：写文字，可以从别处复制粘贴；没有的空着。",
        "7. 目标：填累计完成数（到目前为止一共完成了多少），只填数字，单位见列名括号。",
        "8. 节点：达成时填写达成日期，如 2024-06-08；未达成的空着。",
        "9. 常态化工作：填本期开展的日期，多个日期用顿号或逗号隔开，如 2024-06-03、2024-06-10。",
        "10. 本轮不需要报送的任务可以整行删除；状态和内容都空着的行不导入。",
        "11. 不要修改“单位”“报送月份”和表头（第 7 行）的文字，工作表可以改名。",
        "12. 填好后保存为 .xlsx（也可以另存为 CSV），发回党政办；导入时发现的问题会指出是哪一格。",
    };
    for (size_t i = 0; i < lines.size(); ++i)
      ws.text(static_cast<int>(i), 0, lines[i], i == 0 ? kTitle : kRule);
    ws.print_a4(true);
  }

  const ReportForm& form_;
  const TaskList& list_;
  XlsxWorkbook book_;
  std::vector<GoalColumn> goals_;
};

}  // namespace

std::string render_template_xlsx(const ReportForm& form, const TaskList& list) {
  return TemplateWriter(form, list).write();
}

}  // namespace duban
