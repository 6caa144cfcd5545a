#include "render/xlsx_writer.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "model/text.h"

namespace duban {
namespace {

// Excel's limit on a cell's text, in characters.
constexpr size_t kMaxCellChars = 32767;
// A page header holds at most 255 characters with its codes (&C ...).
constexpr int kMaxTitleChars = 80;

// `text` when it has at most `max` code points, else its first max - 1 and …
std::string cut(std::string_view text, size_t max) {
  std::vector<size_t> starts;  // of each code point
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  if (starts.size() <= max) return std::string(text);
  return std::string(text.substr(0, starts[max - 1])) + "…";
}

// A page header's text with no `&` of the input's: there `&` starts a code
// (&P the page, &G a picture ...). Doubling it (Excel's `&&`) is not enough:
// libxlsxwriter 1.1.4 counts `&G` and `&[Picture]` inside `&&G` as picture
// placeholders, refuses the header and then frees it twice. The full-width
// ＆ prints the same to a reader of the title and is no code to anyone.
std::string header_text(std::string_view text) {
  std::string out;
  for (const char c : cut(text, kMaxTitleChars)) {
    if (c == '&') {
      out += "＆";
    } else {
      out += c;
    }
  }
  return out;
}

lxw_color_t fill_color(XlsxStyle::Fill fill) {
  switch (fill) {
    case XlsxStyle::Fill::kHeader:
      return 0xD9D9D9;
    case XlsxStyle::Fill::kRed:
      return 0xFFC7CE;  // Excel's "Bad", "Neutral" and "Good" cell styles
    case XlsxStyle::Fill::kYellow:
      return 0xFFEB9C;
    case XlsxStyle::Fill::kGreen:
      return 0xC6EFCE;
    case XlsxStyle::Fill::kLocked:
      return 0xF2F2F2;
    case XlsxStyle::Fill::kInput:
      return 0xFFF9E5;
    case XlsxStyle::Fill::kNone:
      break;
  }
  return 0;
}

lxw_color_t font_color(XlsxStyle::Fill fill) {
  switch (fill) {
    case XlsxStyle::Fill::kRed:
      return 0x9C0006;
    case XlsxStyle::Fill::kYellow:
      return 0x9C5700;
    case XlsxStyle::Fill::kGreen:
      return 0x006100;
    case XlsxStyle::Fill::kHeader:
    case XlsxStyle::Fill::kLocked:
    case XlsxStyle::Fill::kInput:
    case XlsxStyle::Fill::kNone:
      break;
  }
  return 0;
}

// The font's size, weight, slant and colour.
void set_font(lxw_format* f, XlsxStyle::Font font) {
  switch (font) {
    case XlsxStyle::Font::kTitle:
      format_set_bold(f);
      format_set_font_size(f, 16);
      return;
    case XlsxStyle::Font::kNote:
      format_set_italic(f);
      format_set_font_color(f, 0x595959);
      return;
    case XlsxStyle::Font::kBody:
      return;
  }
}

void set_alignment(lxw_format* f, XlsxStyle::Horizontal horizontal, XlsxStyle::Vertical vertical) {
  if (horizontal == XlsxStyle::Horizontal::kLeft) format_set_align(f, LXW_ALIGN_LEFT);
  if (horizontal == XlsxStyle::Horizontal::kCenter) format_set_align(f, LXW_ALIGN_CENTER);
  // Bottom is Excel's own and left unset: set, it would add applyAlignment="1" and nothing else.
  if (vertical == XlsxStyle::Vertical::kTop) format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
  if (vertical == XlsxStyle::Vertical::kCenter) format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
}

const char* number_format(XlsxStyle::Number number) {
  switch (number) {
    case XlsxStyle::Number::kInteger:
      return "0";
    case XlsxStyle::Number::kDecimal:
      return "0.0";
    case XlsxStyle::Number::kPercent:
      return "0%";
    case XlsxStyle::Number::kPercentDecimal:
      return "0.0%";
    case XlsxStyle::Number::kDate:
      return "yyyy-mm-dd";
    case XlsxStyle::Number::kGeneral:
      break;
  }
  return nullptr;
}

// Reads all of the file `fd` from its start.
std::string read_all(int fd) {
  std::string bytes;
  char buffer[1 << 16];
  for (off_t at = 0;;) {
    const ssize_t n = ::pread(fd, buffer, sizeof buffer, at);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw XlsxError(fmt::format("无法生成 Excel 文件：{}", std::strerror(errno)));
    if (n == 0) return bytes;
    bytes.append(buffer, static_cast<size_t>(n));
    at += n;
  }
}

}  // namespace

void XlsxSheet::text(int row, int col, std::string_view text, const XlsxStyle& style) {
  const std::string cell = cut(text, kMaxCellChars);
  book_->check(worksheet_write_string(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                      cell.c_str(), book_->format(style)),
               "单元格");
}

void XlsxSheet::number(int row, int col, double value, const XlsxStyle& style) {
  book_->check(worksheet_write_number(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), value,
                                      book_->format(style)),
               "单元格");
}

void XlsxSheet::date(int row, int col, Date day, const XlsxStyle& style) {
  lxw_datetime when{day.year(), day.month(), day.day(), 0, 0, 0.0};
  book_->check(worksheet_write_datetime(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                        &when, book_->format(style)),
               "单元格");
}

void XlsxSheet::blank(int row, int col, const XlsxStyle& style) {
  book_->check(worksheet_write_blank(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                     book_->format(style)),
               "单元格");
}

void XlsxSheet::plain_text(int row, int col, std::string_view text) {
  const std::string cell = cut(text, kMaxCellChars);
  book_->check(worksheet_write_string(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                      cell.c_str(), nullptr),
               "单元格");
}

void XlsxSheet::fit_column(int col, double width) {
  const auto c = static_cast<size_t>(col);
  if (widths_.size() <= c) widths_.resize(c + 1, 0);
  if (width <= widths_[c]) return;
  widths_[c] = width;
  book_->check(
      worksheet_set_column(sheet_, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col), width, nullptr),
      "列宽");
}

void XlsxSheet::row_height(int row, double points) {
  book_->check(worksheet_set_row(sheet_, static_cast<lxw_row_t>(row), points, nullptr), "行高");
}

void XlsxSheet::freeze_rows(int rows) { freeze(rows, 0); }

void XlsxSheet::freeze(int rows, int cols) {
  worksheet_freeze_panes(sheet_, static_cast<lxw_row_t>(rows), static_cast<lxw_col_t>(cols));
}

void XlsxSheet::autofilter(int row, int last_row, int last_col) {
  book_->check(worksheet_autofilter(sheet_, static_cast<lxw_row_t>(row), 0, static_cast<lxw_row_t>(last_row),
                                    static_cast<lxw_col_t>(last_col)),
               "筛选");
}

void XlsxSheet::repeat_rows(int first, int last) {
  book_->check(worksheet_repeat_rows(sheet_, static_cast<lxw_row_t>(first), static_cast<lxw_row_t>(last)),
               "打印标题行");
}

void XlsxSheet::print_a4(bool landscape, std::string_view title) {
  print_a4(landscape);
  print_one_page_wide();
  book_->check(worksheet_set_header(sheet_, ("&C" + header_text(title)).c_str()), "页眉");
  book_->check(worksheet_set_footer(sheet_, "&C第 &P 页，共 &N 页"), "页脚");
}

void XlsxSheet::print_a4(bool landscape) {
  worksheet_set_paper(sheet_, 9);  // A4
  if (landscape) worksheet_set_landscape(sheet_);
}

void XlsxSheet::print_one_page_wide() { worksheet_fit_to_pages(sheet_, 1, 0); }

void XlsxSheet::allow_dates(const XlsxColumnCells& cells, Date first, Date last, const XlsxPrompt& prompt) {
  lxw_data_validation rule{};
  rule.validate = LXW_VALIDATION_TYPE_DATE;
  rule.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
  rule.minimum_datetime = {first.year(), first.month(), first.day(), 0, 0, 0.0};
  rule.maximum_datetime = {last.year(), last.month(), last.day(), 0, 0, 0.0};
  validate(cells, rule, prompt);
}

void XlsxSheet::allow_list(const XlsxColumnCells& cells, const std::vector<std::string>& choices,
                           const XlsxPrompt& prompt) {
  // Excel keeps the choices as one text, separated by commas.
  for (const std::string& choice : choices) {
    if (choice.find(',') != std::string::npos) {
      book_->fail(fmt::format("无法生成 Excel 文件：下拉列表的选项“{}”含逗号，Excel 会把它拆成两项", choice));
      return;
    }
  }
  std::vector<char*> items;
  for (const std::string& choice : choices) items.push_back(const_cast<char*>(choice.c_str()));
  items.push_back(nullptr);
  lxw_data_validation rule{};
  rule.validate = LXW_VALIDATION_TYPE_LIST;
  rule.value_list = items.data();  // libxlsxwriter copies the list, reading only
  validate(cells, rule, prompt);
}

void XlsxSheet::allow_integers(const XlsxColumnCells& cells, int min, int max, const XlsxPrompt& prompt) {
  lxw_data_validation rule{};
  rule.validate = LXW_VALIDATION_TYPE_INTEGER;
  rule.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
  rule.minimum_number = min;
  rule.maximum_number = max;
  validate(cells, rule, prompt);
}

void XlsxSheet::validate(const XlsxColumnCells& cells, lxw_data_validation& rule, const XlsxPrompt& prompt) {
  // libxlsxwriter copies the messages; it only reads them.
  if (!prompt.input.empty()) rule.input_message = const_cast<char*>(prompt.input.c_str());
  if (!prompt.error.empty()) rule.error_message = const_cast<char*>(prompt.error.c_str());
  const auto col = static_cast<lxw_col_t>(cells.col);
  book_->check(worksheet_data_validation_range(sheet_, static_cast<lxw_row_t>(cells.first_row), col,
                                               static_cast<lxw_row_t>(cells.last_row), col, &rule),
               "数据有效性");
}

void XlsxSheet::protect(const XlsxProtection& allowed) {
  lxw_protection options{};
  options.format_columns = allowed.format_columns;
  options.format_rows = allowed.format_rows;
  options.delete_rows = allowed.delete_rows;
  worksheet_protect(sheet_, nullptr, &options);
}

XlsxWorkbook::XlsxWorkbook(const XlsxProperties& properties)
    : title_(properties.title), author_(properties.author) {
  fd_ = ::memfd_create("duban.xlsx", MFD_CLOEXEC);
  if (fd_ < 0) throw XlsxError(fmt::format("无法生成 Excel 文件：{}", std::strerror(errno)));
  const std::string path = fmt::format("/proc/self/fd/{}", fd_);
  lxw_workbook_options options{};  // worksheets in memory, libxlsxwriter's own temporaries in TMPDIR
  book_ = workbook_new_opt(path.c_str(), &options);
  if (book_ == nullptr) {
    ::close(fd_);
    throw XlsxError("无法生成 Excel 文件：内存不足");
  }
  lxw_doc_properties doc{};
  doc.title = title_.data();
  doc.author = author_.data();
  doc.created = static_cast<time_t>(properties.created.days()) * 86400;
  check(workbook_set_properties(book_, &doc), "文档属性");
}

XlsxWorkbook::~XlsxWorkbook() {
  if (book_ != nullptr) lxw_workbook_free(book_);
  if (fd_ >= 0) ::close(fd_);
}

XlsxSheet XlsxWorkbook::add_sheet(const std::string& name) {
  lxw_worksheet* sheet = workbook_add_worksheet(book_, name.c_str());
  if (sheet == nullptr) throw XlsxError(fmt::format("无法生成 Excel 文件：工作表名“{}”无效", name));
  return XlsxSheet(this, sheet);
}

lxw_format* XlsxWorkbook::format(const XlsxStyle& style) {
  if (const auto known = formats_.find(style); known != formats_.end()) return known->second;
  lxw_format* f = workbook_add_format(book_);
  if (style.number != XlsxStyle::Number::kGeneral) format_set_num_format(f, number_format(style.number));
  if (style.fill != XlsxStyle::Fill::kNone) {
    format_set_pattern(f, LXW_PATTERN_SOLID);
    format_set_bg_color(f, fill_color(style.fill));
    if (font_color(style.fill) != 0) format_set_font_color(f, font_color(style.fill));
  }
  set_font(f, style.font);
  if (style.bold) format_set_bold(f);
  if (style.wrap) format_set_text_wrap(f);
  if (style.border) format_set_border(f, LXW_BORDER_THIN);
  set_alignment(f, style.horizontal, style.vertical);
  if (!style.locked) format_set_unlocked(f);
  formats_.emplace(style, f);
  return f;
}

void XlsxWorkbook::check(int error, std::string_view what) {
  if (error == LXW_NO_ERROR) return;
  fail(fmt::format("无法生成 Excel 文件：{}出错（{}）", what, lxw_strerror(static_cast<lxw_error>(error))));
}

void XlsxWorkbook::fail(std::string message) {
  if (failure_.empty()) failure_ = std::move(message);
}

std::string XlsxWorkbook::finish() {
  if (!failure_.empty()) throw XlsxError(failure_);
  lxw_workbook* book = book_;
  book_ = nullptr;  // workbook_close frees it, whatever it returns
  const lxw_error error = workbook_close(book);
  if (error != LXW_NO_ERROR) {
    throw XlsxError(fmt::format("无法生成 Excel 文件：{}", lxw_strerror(error)));
  }
  return read_all(fd_);
}

double fitting_width(int display_columns, double min, double max) {
  return std::clamp(display_columns + 2.0, min, max);
}

}  // namespace duban
