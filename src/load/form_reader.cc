#include "load/form_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "load/yaml_tree.h"
#include "model/form_layout.h"
#include "model/text.h"

namespace duban {
namespace {

// How far down the header row of the form may be.
constexpr int kHeaderSearchRows = 60;

constexpr const char* kTextTooLong =
    "报送表中填写的文字合计超过进度文件的上限 1 MiB，从这一格起未能导入：请把各格的文字写得简短些";

std::string trimmed(std::string_view s) {
  auto space = [](std::string_view t) -> size_t {
    if (!t.empty() && (t[0] == ' ' || t[0] == '\t' || t[0] == '\n' || t[0] == '\r')) return 1;
    if (t.substr(0, 3) == "\u3000") return 3;  // full-width space
    return 0;
  };
  while (size_t n = space(s)) s.remove_prefix(n);
  for (;;) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
      s.remove_suffix(1);
    } else if (s.size() >= 3 && s.substr(s.size() - 3) == "\u3000") {
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  return std::string(s);
}

std::optional<double> parse_number(std::string text) {
  text = trimmed(ascii_digits(text));
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty() || !std::isfinite(v)) {
    return std::nullopt;
  }
  return v;
}

// Digits at `pos`, at most `max` of them, as a number.
std::optional<int> digits_at(const std::string& s, size_t& pos, size_t max) {
  const size_t start = pos;
  int v = 0;
  while (pos < s.size() && pos - start < max && s[pos] >= '0' && s[pos] <= '9') v = v * 10 + (s[pos++] - '0');
  if (pos == start) return std::nullopt;
  return v;
}

bool skip(const std::string& s, size_t& pos, std::string_view what) {
  if (s.compare(pos, what.size(), what) != 0) return false;
  pos += what.size();
  return true;
}

// A number as a cell shows it: 9, 98.5.
std::string number_text(double v) { return fmt::format("{}", v); }

// What a cell holds, as text: numbers as they read.
std::string text_of(const SheetCell& c) { return c.is_number ? number_text(c.number) : trimmed(c.text); }

// The most characters of a cell a message quotes: a cell may hold megabytes.
constexpr int kEchoedChars = 50;

// `text` as a message quotes it: cut after kEchoedChars characters.
std::string echoed(std::string_view text) {
  size_t end = 0;
  for (int n = 0; end < text.size() && n < kEchoedChars; ++n) {
    ++end;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  }
  return end < text.size() ? std::string(text.substr(0, end)) + "…" : std::string(text);
}

// What a cell holds as a message quotes it, without copying all of a long text.
std::string echoed(const SheetCell& c) {
  if (c.is_number) return number_text(c.number);
  size_t keep = 4 * (kEchoedChars + 1);  // bytes enough for one character more than is quoted
  if (c.text.size() <= keep) return echoed(trimmed(c.text));
  while (keep > 0 && (static_cast<unsigned char>(c.text[keep]) & 0xC0) == 0x80) --keep;
  std::string text = trimmed(std::string_view(c.text).substr(0, keep));
  if (count_chars(text) <= kEchoedChars) text += "…";
  return echoed(text);
}

// Text without its line ends changed to \n and surrounding spaces.
std::string cell_text(const SheetCell& c) {
  std::string out;
  const std::string text = text_of(c);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') continue;
      out += '\n';
    } else {
      out += text[i];
    }
  }
  return out;
}

// What the form's columns are: fixed ones by name, goals by header.
struct Columns {
  int id = 0, status = 0, percent = 0, progress = 0, problems = 0, next = 0;
  std::map<int, std::string> goals;  // column -> header
};

class FormReader {
 public:
  FormReader(const Workbook& book, bool sheet_names, const TaskList& list)
      : book_(book), sheet_names_(sheet_names), list_(list) {}

  FilledForm read() {
    for (const Sheet& s : book_.sheets) {
      if (find_header(s)) {
        sheet_ = &s;
        break;
      }
    }
    if (sheet_ == nullptr) {
      error("", fmt::format("这不是 duban 生成的进度报送表：找不到“{}”“{}”这一行表头；请用 duban template "
                            "生成的报送表填写",
                            kColumnId, kColumnStatus));
      return std::move(form_);
    }
    // A cell that cannot be read as it was written is named, not read as
    // what is left of it.
    for (const auto& [position, cell] : sheet_->cells) {
      if (!cell.unreadable.empty()) error(where(position.first, position.second), cell.unreadable);
    }
    if (!form_.problems.empty()) return std::move(form_);
    header_block();
    // Only rows with cells: the work follows the cells, not the size of the sheet.
    for (auto it = sheet_->cells.lower_bound({header_row_ + 1, 0}); it != sheet_->cells.end();
         it = sheet_->cells.lower_bound({it->first.first + 1, 0})) {
      read_row(it->first.first);
    }
    std::stable_sort(
        form_.draft.entries.begin(), form_.draft.entries.end(),
        [](const DraftEntry& a, const DraftEntry& b) { return task_id_less(a.task.value, b.task.value); });
    return std::move(form_);
  }

 private:
  std::string where(int row, int column) const {
    return sheet_names_ ? sheet_->name + "!" + cell_name(row, column) : cell_name(row, column);
  }
  void error(const std::string& cell, std::string message) {
    form_.problems.push_back({cell, Severity::kError, std::move(message)});
  }
  const SheetCell* at(int row, int column) const { return column > 0 ? sheet_->at(row, column) : nullptr; }

  // The row with 序号 and 状态, and where each column is.
  bool find_header(const Sheet& s) {
    for (int row = 1; row <= kHeaderSearchRows; ++row) {
      Columns c;
      for (auto it = s.cells.lower_bound({row, 0}); it != s.cells.end() && it->first.first == row; ++it) {
        const std::string h = text_of(it->second);
        const int col = it->first.second;
        if (h == kColumnId) c.id = col;
        if (h == kColumnStatus) c.status = col;
        if (h == kColumnPercent) c.percent = col;
        if (h == kColumnProgress) c.progress = col;
        if (h == kColumnProblems) c.problems = col;
        if (h == kColumnNext) c.next = col;
        if (h.rfind("目标：", 0) == 0 || h.rfind("节点：", 0) == 0 || h.rfind("常态化：", 0) == 0) {
          c.goals.emplace(col, h);
        }
      }
      if (c.id > 0 && c.status > 0) {
        columns_ = std::move(c);
        header_row_ = row;
        return true;
      }
    }
    return false;
  }

  // The cell right of the label `label` in the header block, and where it is.
  std::optional<std::pair<const SheetCell*, std::string>> labelled(const char* label) {
    for (auto it = sheet_->cells.begin(); it != sheet_->cells.end() && it->first.first < header_row_; ++it) {
      std::string text = text_of(it->second);
      for (const char* colon : {"：", ":"}) {
        if (text.size() > std::string_view(colon).size() && text.ends_with(colon)) {
          text.resize(text.size() - std::string_view(colon).size());
        }
      }
      if (text != label) continue;
      // The value is the next cell: an empty one is not skipped for a note after it.
      const auto [row, column] = it->first;
      return std::pair{sheet_->at(row, column + 1), where(row, column + 1)};
    }
    return std::nullopt;
  }

  void header_block() {
    const auto unit = labelled(kFormUnit);
    if (!unit || unit->first == nullptr) {
      error(unit ? unit->second : "",
            fmt::format("报送表的表头中找不到“{}”：请用 duban template 生成的报送表填写", kFormUnit));
    } else if (auto name = list_.canonical_unit(text_of(*unit->first))) {
      form_.draft.unit = {*name, unit->second};
    } else {
      error(unit->second,
            fmt::format("未定义的单位“{}”：请不要修改报送表中“{}”一格", echoed(*unit->first), kFormUnit));
    }
    const auto month = labelled(kFormMonth);
    std::optional<Month> m;
    if (month && month->first != nullptr) m = month_of(*month->first);
    if (!m) {
      error(month ? month->second : "",
            month && month->first != nullptr
                ? fmt::format("报送月份应为月份，如 2024-06，这里是“{}”：请不要修改这一格",
                              echoed(*month->first))
                : fmt::format("报送表的表头中找不到“{}”：请用 duban template 生成的报送表填写", kFormMonth));
    } else {
      form_.month = *m;
      form_.month_cell = month->second;
    }
    const auto date = labelled(kFormFillDate);
    if (date && date->first != nullptr) {
      if (auto d = date_of(*date->first)) {
        form_.draft.date = {*d, date->second};
        form_.dated = true;
      } else {
        error(date->second,
              fmt::format("填报日期应为日期，如 {}，这里是“{}”", example_date(), echoed(*date->first)));
      }
    } else if (date) {
      form_.draft.date.cell = date->second;
    }
  }

  std::string example_date() const {
    return form_.month_cell.empty() ? "2024-06-08" : form_.month.day_clamped(8).iso();
  }

  std::optional<Month> month_of(const SheetCell& c) const {
    if (c.is_number) {
      if (auto d = date_of_serial(c.number, book_.date1904)) return Month::containing(*d);
      return std::nullopt;
    }
    std::string t = trimmed(ascii_digits(c.text));
    if (auto m = parse_iso_month(t)) return m;
    size_t pos = 0;
    const auto y = digits_at(t, pos, 4);
    if (!y || !(skip(t, pos, "年") || skip(t, pos, "/") || skip(t, pos, "."))) return std::nullopt;
    const auto mo = digits_at(t, pos, 2);
    skip(t, pos, "月");
    if (!mo || pos != t.size() || *mo < 1 || *mo > 12 || *y < kMinYear || *y > kMaxYear) {
      if (auto d = parse_typed_date(t, 0)) return Month::containing(*d);
      return std::nullopt;
    }
    return Month::of(*y, *mo);
  }

  std::optional<Date> date_of(const SheetCell& c) const {
    if (c.is_number) return date_of_serial(c.number, book_.date1904);
    const int year = form_.month_cell.empty() ? 0 : form_.month.year();
    return parse_typed_date(c.text, year);
  }

  // 80, 80%, 0.8 or a cell shown as a percentage -> 80.
  std::optional<int> percent_of(const SheetCell& c) const {
    std::optional<double> v;
    bool fraction = false;
    if (c.is_number) {
      v = c.number;
      fraction = c.percent;
    } else {
      std::string t = trimmed(ascii_digits(c.text));
      if (t.ends_with("%")) {
        t.pop_back();
        v = parse_number(t);
      } else {
        v = parse_number(t);
      }
    }
    if (!v) return std::nullopt;
    if (fraction || (*v > 0 && *v < 1)) *v *= 100;
    const double r = std::round(*v);
    if (std::fabs(*v - r) > 1e-6 || r < 0 || r > 100) return std::nullopt;
    return static_cast<int>(r);
  }

  void read_row(int row) {
    const Columns& c = columns_;
    const SheetCell* status = at(row, c.status);
    bool content = status != nullptr;
    for (const int col : {c.progress, c.problems, c.next}) content = content || at(row, col) != nullptr;
    const auto first = sheet_->cells.lower_bound({row, 0});
    const auto last = sheet_->cells.lower_bound({row + 1, 0});
    for (auto it = first; it != last; ++it) content = content || c.goals.count(it->first.second) > 0;
    if (!content) return;  // a row left empty: the percent alone is only the form's prefill
    const SheetCell* id_cell = at(row, c.id);
    DraftEntry e;
    e.row = where(row, c.id);
    const Task* task = nullptr;
    if (id_cell == nullptr) {
      error(e.row, fmt::format("这一行没有{}，不知道是哪项任务：请不要删改“{}”一列", kColumnId, kColumnId));
      return;
    }
    const std::string id = text_of(*id_cell);
    const auto normalized = normalize_task_id(id);
    task = normalized ? list_.find_task(*normalized) : nullptr;
    if (task == nullptr) {
      error(e.row, fmt::format("清单中没有编号为“{}”的任务：请不要修改“{}”一列", echoed(id), kColumnId));
      return;
    }
    e.task = {task->id, e.row};
    bool ok = true;
    const std::string status_cell = where(row, c.status);
    if (status == nullptr) {
      error(status_cell, "状态为空：请从下拉列表中选择 未启动、推进中 或 已完成");
      ok = false;
    } else if (auto s = parse_entry_status(text_of(*status))) {
      e.status = {*s, status_cell};
    } else {
      error(status_cell, fmt::format("状态应为 未启动、推进中、已完成 之一，这里是“{}”", echoed(*status)));
      ok = false;
    }
    if (const SheetCell* p = at(row, c.percent)) {
      if (auto v = percent_of(*p)) {
        e.percent = FromCell<int>{*v, where(row, c.percent)};
      } else {
        error(where(row, c.percent), fmt::format("进度应为 0 到 100 的整数，这里是“{}”", echoed(*p)));
        ok = false;
      }
    }
    for (auto [col, field] : {std::pair{c.progress, &e.progress}, std::pair{c.problems, &e.problems},
                              std::pair{c.next, &e.next}}) {
      const SheetCell* t = at(row, col);
      if (t == nullptr) continue;
      // What becomes the progress file is held to its size cap before it is
      // copied: the cells of a workbook may hold 64 MiB.
      text_bytes_ += t->text.size();
      if (text_bytes_ > kMaxFileBytes) {
        if (!text_too_long_) {
          error(where(row, col), kTextTooLong);
        }
        text_too_long_ = true;
        ok = false;
        continue;
      }
      *field = {cell_text(*t), where(row, col)};
    }
    for (auto it = first; it != last; ++it) {
      const auto goal_column = c.goals.find(it->first.second);
      if (goal_column != c.goals.end()) {
        ok = goal(*task, goal_column->second, it->second, where(row, it->first.second), e) && ok;
      }
    }
    if (ok) form_.draft.entries.push_back(std::move(e));
  }

  bool goal(const Task& task, const std::string& header, const SheetCell& c, const std::string& cell,
            DraftEntry& e) {
    for (const Target& t : task.targets) {
      if (target_column(t) != header) continue;
      std::string text = trimmed(ascii_digits(text_of(c)));
      if (!t.unit.empty() && text.ends_with(t.unit))
        text = trimmed(text.substr(0, text.size() - t.unit.size()));
      const auto v = c.is_number ? std::optional<double>(c.number) : parse_number(text);
      if (!v) {
        error(cell, fmt::format("“{}”应填数字（累计完成数），如 9，这里是“{}”", echoed(header), echoed(c)));
        return false;
      }
      e.metrics.push_back({{t.name, *v}, cell});
      return true;
    }
    for (const Milestone& m : task.milestones) {
      if (milestone_column(m) != header) continue;
      const std::string text = text_of(c);
      static const std::vector<std::string> kYes = {"是", "已达成", "达成", "已完成", "完成", "√", "✓", "✔"};
      if (std::find(kYes.begin(), kYes.end(), text) == kYes.end() && !date_of(c)) {
        error(cell, fmt::format("节点达成后填达成日期，如 {}，未达成的空着；这里是“{}”", example_date(),
                                echoed(text)));
        return false;
      }
      e.milestones.push_back({m.name, cell});
      return true;
    }
    for (const Duty& d : task.duties) {
      if (duty_column(d) != header) continue;
      std::vector<Date> dates;
      if (c.is_number) {
        if (auto date = date_of(c)) dates.push_back(*date);
      }
      for (const std::string& piece : c.is_number ? std::vector<std::string>{} : split_dates(c.text)) {
        const auto date = parse_typed_date(piece, form_.month_cell.empty() ? 0 : form_.month.year());
        if (!date) {
          error(cell, fmt::format("常态化工作填开展日期，多个日期用顿号隔开，如 {}、{}；这里有“{}”",
                                  form_.month.day_clamped(3).iso(), form_.month.day_clamped(8).iso(),
                                  echoed(piece)));
          return false;
        }
        dates.push_back(*date);
      }
      if (dates.empty()) {
        error(cell, fmt::format("常态化工作填开展日期，如 {}；这里是“{}”", example_date(), echoed(c)));
        return false;
      }
      e.held.push_back({{d.name, dates}, cell});
      return true;
    }
    error(cell, fmt::format("任务 {} 没有“{}”这一项：这一格应空着", task.id, echoed(header)));
    return false;
  }

  // The pieces of a list of dates: split at commas, 、, semicolons and spaces.
  static std::vector<std::string> split_dates(const std::string& text) {
    std::string t = text;
    for (const char* sep : {"、", "，", "；", "\u3000"}) {
      for (size_t pos; (pos = t.find(sep)) != std::string::npos;)
        t.replace(pos, std::string_view(sep).size(), " ");
    }
    std::vector<std::string> pieces;
    std::string piece;
    for (const char ch : t + " ") {
      if (ch == ',' || ch == ';' || ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t') {
        if (!piece.empty()) pieces.push_back(piece);
        piece.clear();
      } else {
        piece += ch;
      }
    }
    return pieces;
  }

  const Workbook& book_;
  bool sheet_names_;
  const TaskList& list_;
  const Sheet* sheet_ = nullptr;
  int header_row_ = 0;
  Columns columns_;
  FilledForm form_;
  size_t text_bytes_ = 0;  // of the texts read into entries
  bool text_too_long_ = false;
};

}  // namespace

std::optional<Date> parse_typed_date(std::string text, int default_year) {
  text = trimmed(ascii_digits(text));
  // 2025-02-08T00:00:00 and 2025-02-08 00:00:00, as some programs write dates.
  if (const size_t t = text.find_first_of("T "); t != std::string::npos && t >= 8) text.resize(t);
  size_t pos = 0;
  const auto first = digits_at(text, pos, 4);
  if (!first) return std::nullopt;
  int year = default_year;
  std::optional<int> month;
  if (pos == 4 || skip(text, pos, "年")) {
    if (pos == 4 &&
        !(skip(text, pos, "-") || skip(text, pos, "/") || skip(text, pos, ".") || skip(text, pos, "年"))) {
      return std::nullopt;
    }
    year = *first;
    month = digits_at(text, pos, 2);
    if (!month ||
        !(skip(text, pos, "-") || skip(text, pos, "/") || skip(text, pos, ".") || skip(text, pos, "月"))) {
      return std::nullopt;
    }
  } else if (skip(text, pos, "月")) {
    month = first;  // 2月8日: the year of the round
    if (default_year == 0) return std::nullopt;
  } else {
    return std::nullopt;
  }
  const auto day = digits_at(text, pos, 2);
  if (!day) return std::nullopt;
  if (!skip(text, pos, "日")) skip(text, pos, "号");
  if (pos != text.size()) return std::nullopt;
  return Date::from_ymd(year, *month, *day);
}

std::optional<Date> date_of_serial(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 1 || serial > 2000000) return std::nullopt;
  const int n = static_cast<int>(std::floor(serial));
  Date d;
  if (date1904) {
    d = *Date::from_ymd(1904, 1, 1) + n;
  } else if (n == 60) {
    return std::nullopt;  // 1900-02-29, which Excel counts and the calendar does not
  } else {
    d = *Date::from_ymd(1900, 1, 1) + (n < 60 ? n - 1 : n - 2);
  }
  if (d.year() < kMinYear || d.year() > kMaxYear) return std::nullopt;
  return d;
}

FilledForm read_filled_form(const Workbook& book, bool sheet_names, const TaskList& list) {
  return FormReader(book, sheet_names, list).read();
}

}  // namespace duban
