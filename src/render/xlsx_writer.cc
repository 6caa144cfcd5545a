#include "render/xlsx_writer.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
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
    case XlsxStyle::Fill::kNone:
      break;
  }
  return 0;
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

void XlsxSheet::fit_column(int col, double width) {
  const auto c = static_cast<size_t>(col);
  if (widths_.size() <= c) widths_.resize(c + 1, 0);
  if (width <= widths_[c]) return;
  widths_[c] = width;
  book_->check(
      worksheet_set_column(sheet_, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col), width, nullptr),
      "列宽");
}

void XlsxSheet::freeze_rows(int rows) { worksheet_freeze_panes(sheet_, static_cast<lxw_row_t>(rows), 0); }

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
  worksheet_set_paper(sheet_, 9);  // A4
  if (landscape) worksheet_set_landscape(sheet_);
  worksheet_fit_to_pages(sheet_, 1, 0);  // one page wide, as many long as it takes
  book_->check(worksheet_set_header(sheet_, ("&C" + header_text(title)).c_str()), "页眉");
  book_->check(worksheet_set_footer(sheet_, "&C第 &P 页，共 &N 页"), "页脚");
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
  if (style.bold) format_set_bold(f);
  if (style.wrap) format_set_text_wrap(f);
  if (style.border) format_set_border(f, LXW_BORDER_THIN);
  if (style.centered) format_set_align(f, LXW_ALIGN_CENTER);
  format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
  if (!style.locked) format_set_unlocked(f);
  formats_.emplace(style, f);
  return f;
}

void XlsxWorkbook::check(int error, std::string_view what) {
  if (error == LXW_NO_ERROR || !failure_.empty()) return;
  failure_ =
      fmt::format("无法生成 Excel 文件：{}出错（{}）", what, lxw_strerror(static_cast<lxw_error>(error)));
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
