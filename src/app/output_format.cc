#include "app/output_format.h"

#include <string>

#include <fmt/format.h>

#include "io/failure.h"
#include "io/output.h"

namespace duban::app {

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

std::string lower_extension(const std::string& file) {
  std::string ext = std::filesystem::path(file).extension().string();
  for (char& c : ext) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  return ext;
}

Format format_for_file(const std::vector<Format>& offered, std::optional<Format> given,
                       const std::filesystem::path& path) {
  const std::string ext = path.extension().string();
  const std::string lower = lower_extension(path.string());
  std::vector<std::string> known;
  for (const Format f : offered) {
    if (lower != format_extension(f)) {
      known.push_back(format_extension(f));
    } else if (given && *given != f) {
      std::filesystem::path renamed = path;
      renamed.replace_extension(format_extension(*given));
      const char* name = format_name(*given);
      throw CommandFailure{kExitUsage,
                           fmt::format("duban: -o {} 的扩展名是 {}，与 --format {} 不符：请去掉 --format {}，"
                                       "或把文件名改为 {}",
                                       shown_path(path), ext, name, name, shown_path(renamed))};
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

}  // namespace duban::app
