#include "cli/format_option.h"

#include <fmt/format.h>

#include "cli/failure.h"
#include "cli/output.h"
#include "cli/usage_error.h"

namespace duban {

const char* format_extension(Format format) {
  switch (format) {
    case Format::kText:
      return ".txt";
    case Format::kMarkdown:
      return ".md";
    case Format::kCsv:
      return ".csv";
    case Format::kJson:
      return ".json";
    case Format::kXlsx:
      return ".xlsx";
  }
  return "";
}

void FormatOption::add_to(CLI::App* sub) {
  std::vector<std::string> names;
  std::string help = "输出格式：";
  for (size_t i = 0; i < offered_.size(); ++i) {
    names.push_back(format_name(offered_[i]));
    if (i > 0 && i + 1 < offered_.size()) help += "、";
    // No space after a full-width bracket: md（默认）或 json, but csv 或 json.
    if (i > 0 && i + 1 == offered_.size()) help += help.ends_with("）") ? "或 " : " 或 ";
    help += names.back();
    if (i == 0 && help_ == Help::kMarkDefault) help += "（默认）";
  }
  sub->add_option("--format", text_, help)->type_name("格式")->check(one_of(names));
}

Format FormatOption::value() const {
  if (text_.empty()) return offered_.front();
  for (const Format f : offered_) {
    if (text_ == format_name(f)) return f;
  }
  // CLI11 has checked the name already.
  throw CommandFailure{kExitUsage, fmt::format("duban: 不认识的格式“{}”", text_)};
}

Format FormatOption::for_file(const std::filesystem::path& path) const {
  const std::string ext = path.extension().string();
  // R.XLSX as Windows may name it is an xlsx too.
  std::string lower = ext;
  for (char& c : lower) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  std::vector<std::string> known;
  for (const Format f : offered_) {
    if (lower != format_extension(f)) {
      known.push_back(format_extension(f));
    } else if (given() && value() != f) {
      std::filesystem::path renamed = path;
      renamed.replace_extension(format_extension(value()));
      throw CommandFailure{kExitUsage,
                           fmt::format("duban: -o {} 的扩展名是 {}，与 --format {} 不符：请去掉 --format {}，"
                                       "或把文件名改为 {}",
                                       shown_path(path), ext, text_, text_, shown_path(renamed))};
    } else {
      return f;
    }
  }
  const std::string last = known.back();
  known.pop_back();
  throw CommandFailure{kExitUsage,
                       fmt::format("duban: -o {}：这个命令不写扩展名为“{}”的文件，能写的是 {} 或 {}；"
                                   "要写入文件夹，请在末尾加 /，如 -o reports/",
                                   shown_path(path), shown_path(ext), fmt::join(known, "、"), last)};
}

}  // namespace duban
