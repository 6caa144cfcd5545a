#include "render/template_xlsx.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

#include "model/form_layout.h"
#include "model/text.h"
#include "render/labels.h"

namespace duban {
namespace {

constexpr lxw_row_t kHeaderRow = 6;  // the column headers; the block above it
constexpr int kFixedColumns = 10;    // 序号 ... 下步计划

// libxlsxwriter takes `char*` where it only reads.
char* c_text(const std::string& s) { return const_cast<char*>(s.c_str()); }

lxw_datetime datetime_of(Date d) { return {d.year(), d.month(), d.day(), 0, 0, 0}; }

// A column `width` characters of Chinese text wide, in Excel's units.
double chinese_width(int chars) { return chars * 2.2 + 1; }

// Where each goal column is, and what it is for.
struct GoalColumn {
  std::string header;
  lxw_col_t column;
};

class TemplateWriter {
 public:
  TemplateWriter(const ReportForm& form, const TaskList& list, const std::string& path)
      : form_(form), list_(list), book_(workbook_new(path.c_str())) {
    if (book_ == nullptr) throw std::runtime_error("无法创建报送表的临时文件");
  }

  void write() {
    properties();
    formats();
    form_sheet();
    rules_sheet();
    const lxw_error err = workbook_close(book_);
    if (err != LXW_NO_ERROR) throw std::runtime_error(fmt::format("无法写出报送表：{}", lxw_strerror(err)));
  }

 private:
  void properties() {
    lxw_doc_properties p{};
    std::string title = fmt::format("{} {} 进度报送表", form_.unit, form_.round.month.iso());
    p.title = c_text(title);
    p.author = c_text(list_.reporting.office);
    // Fixed document and zip entry times: the same form, the same bytes.
    p.created = static_cast<time_t>(form_.round.report_date.days()) * 86400;
    workbook_set_properties(book_, &p);
  }

  lxw_format* format(bool locked, bool wrap = true) {
    lxw_format* f = workbook_add_format(book_);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (wrap) format_set_text_wrap(f);
    if (locked) {
      format_set_bg_color(f, 0xF2F2F2);
    } else {
      format_set_unlocked(f);
      format_set_bg_color(f, 0xFFF9E5);
    }
    return f;
  }

  void formats() {
    title_ = workbook_add_format(book_);
    format_set_bold(title_);
    format_set_font_size(title_, 16);
    label_ = workbook_add_format(book_);
    format_set_bold(label_);
    header_ = format(true);
    format_set_bold(header_);
    format_set_align(header_, LXW_ALIGN_CENTER);
    format_set_align(header_, LXW_ALIGN_VERTICAL_CENTER);
    locked_ = format(true);
    open_ = format(false);
    open_int_ = format(false);
    format_set_num_format(open_int_, "0");
    open_date_ = format(false);
    format_set_num_format(open_date_, "yyyy-mm-dd");
    format_set_align(open_date_, LXW_ALIGN_LEFT);
    note_ = workbook_add_format(book_);
    format_set_italic(note_);
    format_set_font_color(note_, 0x595959);
  }

  void header_block(lxw_worksheet* ws) {
    worksheet_write_string(ws, 0, 0, fmt::format("{} 进度报送表", form_.unit).c_str(), title_);
    const auto pair = [&](lxw_row_t row, const char* label, const std::string& value) {
      worksheet_write_string(ws, row, 0, label, label_);
      worksheet_write_string(ws, row, 1, value.c_str(), nullptr);
    };
    pair(1, kFormUnit, form_.unit);
    pair(2, kFormMonth, form_.round.month.iso());
    pair(3, kFormReportDay, form_.round.report_date.iso());
    worksheet_write_string(ws, 4, 0, kFormFillDate, label_);
    worksheet_write_blank(ws, 4, 1, open_date_);
    worksheet_write_string(
        ws, 4, 2,
        fmt::format("← 填写本表的日期，如 {}；空着则按今天（不在本轮 {} 至 {} 之内时按报送日）",
                    form_.round.report_date.iso(), form_.round.window_start.iso(),
                    form_.round.report_date.iso())
            .c_str(),
        note_);
    lxw_data_validation dv{};
    dv.validate = LXW_VALIDATION_TYPE_DATE;
    dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    dv.minimum_datetime = datetime_of(list_.issued);
    dv.maximum_datetime = datetime_of(*Date::from_ymd(kMaxYear, 12, 31));
    std::string error = "请填写日期，如 " + form_.round.report_date.iso();
    dv.error_message = c_text(error);
    worksheet_data_validation_cell(ws, 4, 1, &dv);
  }

  void columns(lxw_worksheet* ws) {
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
    for (lxw_col_t c = 0; c < kFixedColumns; ++c) {
      worksheet_set_column(ws, c, c, fixed[c].second, nullptr);
      worksheet_write_string(ws, kHeaderRow, c, fixed[c].first, header_);
    }
    // One column per distinct goal, in the order the rows first name them.
    auto add = [&](const std::string& header) {
      for (const GoalColumn& g : goals_) {
        if (g.header == header) return;
      }
      goals_.push_back({header, static_cast<lxw_col_t>(kFixedColumns + goals_.size())});
    };
    for (const FormRow& row : form_.rows) {
      for (const Target* t : row.targets) add(target_column(*t));
      for (const Milestone* m : row.milestones) add(milestone_column(*m));
      for (const Duty* d : row.duties) add(duty_column(*d));
    }
    for (const GoalColumn& g : goals_) {
      worksheet_set_column(ws, g.column, g.column, chinese_width(std::max(8, count_chars(g.header) / 2)),
                           nullptr);
      worksheet_write_string(ws, kHeaderRow, g.column, g.header.c_str(), header_);
    }
    worksheet_set_row(ws, kHeaderRow, 36, nullptr);
  }

  lxw_col_t goal_column(const std::string& header) const {
    for (const GoalColumn& g : goals_) {
      if (g.header == header) return g.column;
    }
    return 0;  // not reached: every goal of a row has its column
  }

  void row(lxw_worksheet* ws, lxw_row_t r, const FormRow& row) {
    const Task& task = *row.task;
    worksheet_write_string(ws, r, 0, task.id.c_str(), locked_);
    worksheet_write_string(ws, r, 1, task.title.c_str(), locked_);
    worksheet_write_string(ws, r, 2, task.due.text.c_str(), locked_);
    worksheet_write_string(ws, r, 3, share_state_label(row.state), locked_);
    if (row.percent) {
      worksheet_write_number(ws, r, 4, *row.percent, locked_);
    } else {
      worksheet_write_blank(ws, r, 4, locked_);
    }
    if (row.state == ShareState::kNone) {
      worksheet_write_blank(ws, r, 5, open_);
    } else {
      const EntryStatus s = row.state == ShareState::kDone         ? EntryStatus::kDone
                            : row.state == ShareState::kInProgress ? EntryStatus::kInProgress
                                                                   : EntryStatus::kNotStarted;
      worksheet_write_string(ws, r, 5, entry_status_label(s), open_);
    }
    if (row.percent) {
      worksheet_write_number(ws, r, 6, *row.percent, open_int_);
    } else {
      worksheet_write_blank(ws, r, 6, open_int_);
    }
    for (lxw_col_t c = 7; c < kFixedColumns; ++c) worksheet_write_blank(ws, r, c, open_);
    for (const GoalColumn& g : goals_) worksheet_write_blank(ws, r, g.column, locked_);
    for (const Target* t : row.targets) worksheet_write_blank(ws, r, goal_column(target_column(*t)), open_);
    for (const Milestone* m : row.milestones) {
      worksheet_write_blank(ws, r, goal_column(milestone_column(*m)), open_date_);
    }
    for (const Duty* d : row.duties) worksheet_write_blank(ws, r, goal_column(duty_column(*d)), open_);
    worksheet_set_row(ws, r, 48, nullptr);
  }

  void validations(lxw_worksheet* ws) {
    if (form_.rows.empty()) return;
    const lxw_row_t first = kHeaderRow + 1;
    const lxw_row_t last = kHeaderRow + static_cast<lxw_row_t>(form_.rows.size());
    std::vector<char*> statuses;
    for (const EntryStatus s : form_.statuses) statuses.push_back(const_cast<char*>(entry_status_label(s)));
    statuses.push_back(nullptr);
    lxw_data_validation list{};
    list.validate = LXW_VALIDATION_TYPE_LIST;
    list.value_list = statuses.data();
    std::string list_error = "请从下拉列表中选择：";
    for (size_t i = 0; i + 1 < statuses.size(); ++i) list_error += (i ? "、" : "") + std::string(statuses[i]);
    list.error_message = c_text(list_error);
    worksheet_data_validation_range(ws, first, 5, last, 5, &list);
    lxw_data_validation percent{};
    percent.validate = LXW_VALIDATION_TYPE_INTEGER;
    percent.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    percent.minimum_number = 0;
    percent.maximum_number = 100;
    std::string percent_input = "0 到 100 的整数，如 80";
    percent.input_message = c_text(percent_input);
    std::string percent_error = "进度应为 0 到 100 的整数，如 80（不带 %）";
    percent.error_message = c_text(percent_error);
    worksheet_data_validation_range(ws, first, 6, last, 6, &percent);
  }

  void form_sheet() {
    lxw_worksheet* ws = workbook_add_worksheet(book_, kFormSheet);
    header_block(ws);
    columns(ws);
    lxw_row_t r = kHeaderRow + 1;
    for (const FormRow& fr : form_.rows) row(ws, r++, fr);
    if (form_.rows.empty()) worksheet_write_string(ws, r, 0, "本轮没有需要报送的任务。", note_);
    validations(ws);
    worksheet_freeze_panes(ws, kHeaderRow + 1, 2);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);  // A4
    worksheet_repeat_rows(ws, kHeaderRow, kHeaderRow);
    worksheet_fit_to_pages(ws, 1, 0);
    lxw_protection protection{};
    protection.format_columns = 1;
    protection.format_rows = 1;
    protection.delete_rows = 1;
    worksheet_protect(ws, nullptr, &protection);
  }

  void rules_sheet() {
    lxw_worksheet* ws = workbook_add_worksheet(book_, kRulesSheet);
    worksheet_set_column(ws, 0, 0, chinese_width(45), nullptr);
    lxw_format* wrap = workbook_add_format(book_);
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
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
    for (size_t i = 0; i < lines.size(); ++i) {
      worksheet_write_string(ws, static_cast<lxw_row_t>(i), 0, lines[i].c_str(), i == 0 ? title_ : wrap);
    }
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
  }

  const ReportForm& form_;
  const TaskList& list_;
  lxw_workbook* book_;
  lxw_format* title_ = nullptr;
  lxw_format* label_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* locked_ = nullptr;
  lxw_format* open_ = nullptr;
  lxw_format* open_int_ = nullptr;
  lxw_format* open_date_ = nullptr;
  lxw_format* note_ = nullptr;
  std::vector<GoalColumn> goals_;
};

// A temporary file that is removed when it goes out of scope.
class TempFile {
 public:
  TempFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "duban-template-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw std::runtime_error("无法创建报送表的临时文件");
    ::close(fd);
    path_ = pattern;
  }
  ~TempFile() { ::unlink(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

std::string render_template_xlsx(const ReportForm& form, const TaskList& list) {
  // libxlsxwriter 1.1 writes to a file only.
  TempFile temp;
  TemplateWriter(form, list, temp.path()).write();
  std::ifstream in(temp.path(), std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) throw std::runtime_error("无法读回报送表的临时文件");
  return bytes.str();
}

}  // namespace duban
