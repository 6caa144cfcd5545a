#include "load/progress_paths.h"

#include <algorithm>
#include <array>
#include <regex>

#include <fmt/format.h>

#include "model/text.h"

namespace duban {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// The name without its last extension (江洋社区.yaml.txt -> 江洋社区.yaml).
std::string_view stem_of(std::string_view name) {
  const size_t dot = name.rfind('.');
  return dot == std::string_view::npos || dot == 0 ? name : name.substr(0, dot);
}

// The name without a trailing .yaml or .yml in any case (江洋社区.YAML -> 江洋社区).
std::string_view yaml_stem(std::string_view name) {
  const std::string l = lower(name);
  for (std::string_view ext : {".yaml", ".yml"}) {
    if (ends_with(l, ext)) return name.substr(0, name.size() - ext.size());
  }
  return name;
}

constexpr std::array kSpreadsheets = {".xlsx", ".xls", ".xlsm", ".et", ".ett", ".csv", ".ods"};
constexpr std::array kDocuments = {".doc", ".docx", ".wps", ".wpt", ".pdf", ".odt", ".rtf", ".txt"};
constexpr std::array kAttachments = {".jpg", ".jpeg", ".png", ".gif", ".bmp", ".heic",
                                     ".zip", ".rar",  ".7z",  ".mp4", ".mov"};

template <size_t N>
bool has_extension_in(const std::string& lowered, const std::array<const char*, N>& exts) {
  return std::any_of(exts.begin(), exts.end(), [&](const char* e) { return ends_with(lowered, e); });
}

}  // namespace

FileKind progress_file_kind(std::string_view name) {
  // .git, .DS_Store, macOS's ._x.yaml, vim's .x.yaml.swp; Word and WPS lock
  // files ~$x.docx; Emacs x~ and #x#; Windows' own Thumbs.db and desktop.ini;
  // README.md, readme.txt.
  if (name.empty() || name.front() == '.' || name.front() == '~' || name.back() == '~' ||
      name.front() == '#') {
    return FileKind::kSkipped;
  }
  if (ends_with(name, ".yaml") || ends_with(name, ".yml")) return FileKind::kProgress;
  const std::string l = lower(name);
  if (ends_with(l, ".swp") || ends_with(l, ".swo") || ends_with(l, ".bak") || ends_with(l, ".tmp")) {
    return FileKind::kSkipped;
  }
  if (l == "thumbs.db" || l == "desktop.ini" || l.rfind("readme", 0) == 0) return FileKind::kSkipped;
  return FileKind::kUnread;
}

std::string unread_file_advice(std::string_view name) {
  const std::string l = lower(name);
  if (ends_with(l, ".yaml") || ends_with(l, ".yml")) {
    return fmt::format("没有读取：扩展名须为小写的 .yaml：请把文件改名为“{}.yaml”", yaml_stem(name));
  }
  if (ends_with(l, ".yaml.txt") || ends_with(l, ".yml.txt")) {
    return fmt::format(
        "没有读取：文件名末尾多了 .txt（记事本保存时加上的）：请把文件改名为“{}.yaml”；"
        "用记事本另存时，把“保存类型”选为“所有文件”",
        yaml_stem(stem_of(name)));
  }
  if (has_extension_in(l, kSpreadsheets)) {
    return "没有读取：这是表格文件，duban 只读取 .yaml 进度文件：单位填好的进度报送表请用 duban import "
           "导入（会写成 .yaml 文件），再把表格移出 progress/ 文件夹";
  }
  if (has_extension_in(l, kDocuments)) {
    return "没有读取：这是文档文件，duban 只读取 .yaml 进度文件：请把其中的进度写成 .yaml 文件；"
           "附件请放在 progress/ 以外的文件夹";
  }
  if (has_extension_in(l, kAttachments)) {
    return "没有读取：这是图片、视频或压缩包等附件，duban 只读取 .yaml 进度文件：附件请放在 progress/ "
           "以外的文件夹";
  }
  return fmt::format(
      "没有读取：duban 只读取扩展名为 .yaml 或 .yml 的进度文件：如果它是进度报送，请另存为“{}.yaml”；"
      "如果不是，请移出 progress/ 文件夹",
      stem_of(name));
}

bool is_month_folder_name(std::string_view name) {
  return name.size() == 7 && name[4] == '-' && parse_iso_month(name).has_value();
}

std::optional<Month> loose_month(std::string_view name) {
  if (is_month_folder_name(name)) return std::nullopt;
  // Bytes, not characters: 年, 月 and 月份 are written as whole alternatives.
  static const std::regex kLoose("\\s*(\\d{4})\\s*(?:[-._/ ]|年)?\\s*(\\d{1,2})\\s*(?:月份|月)?\\s*");
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(name.begin(), name.end(), m, kLoose)) return std::nullopt;
  const int year = std::stoi(m[1].str());
  const int month = std::stoi(m[2].str());
  if (year < 1900 || year > 2999 || month < 1 || month > 12) return std::nullopt;
  return Month::of(year, month);
}

bool looks_like_progress(std::string_view name) {
  const std::string l = lower(name);
  if (name == "progress") return false;
  return l == "progress" || (count_chars(l) >= 6 && edit_distance(l, "progress") <= 2);
}

}  // namespace duban
