#include "load/safe_names.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "model/text.h"

namespace duban {
namespace {

constexpr std::string_view kWhy = "名称会用作文件名（如督办通知“名称.md”）";

// What Windows refuses in a file name, and the full-width character that
// looks the same and is allowed everywhere.
struct Reserved {
  char ascii;
  std::string_view full_width;
};
constexpr Reserved kReserved[] = {
    {'/', "／"}, {'\\', "＼"}, {':', "："}, {'*', "＊"}, {'?', "？"},
    {'"', "＂"}, {'<', "＜"},  {'>', "＞"}, {'|', "｜"},
};

// CON, PRN, AUX, NUL, COM1-COM9 and LPT1-LPT9, in any case, with or without
// an extension: Windows opens the device instead of a file.
bool is_windows_device(std::string_view name) {
  std::string stem(name.substr(0, name.find('.')));
  while (!stem.empty() && stem.back() == ' ') stem.pop_back();
  std::transform(stem.begin(), stem.end(), stem.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  if (stem == "CON" || stem == "PRN" || stem == "AUX" || stem == "NUL") return true;
  return stem.size() == 4 && (stem.substr(0, 3) == "COM" || stem.substr(0, 3) == "LPT") && stem[3] >= '1' &&
         stem[3] <= '9';
}

}  // namespace

std::string file_name_problem(std::string_view name) {
  if (name.empty()) return "名称不能为空：请填写名称";
  for (const char32_t cp : decode_utf8(name)) {
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
      return fmt::format("名称中含有不可见的控制字符 U+{:04X}，而{}：请删除该字符", static_cast<unsigned>(cp),
                         kWhy);
    }
  }
  for (const char c : name) {
    const auto* r = std::find_if(std::begin(kReserved), std::end(kReserved),
                                 [c](const Reserved& x) { return x.ascii == c; });
    if (r != std::end(kReserved)) {
      return fmt::format(
          "名称“{}”中含有“{}”，而{}，文件名中不能有 / \\ : * ? \" < > | 这些字符：请删去它，或换成全角的“{}”",
          name, c, kWhy, r->full_width);
    }
  }
  if (name == "." || name == "..") {
    return fmt::format("名称不能是“{}”：{}，而“.”和“..”在文件名中表示本文件夹和上级文件夹，请改用文字名称",
                       name, kWhy);
  }
  if (name.front() == '.') {
    return fmt::format("名称“{}”以“.”开头，而{}，以“.”开头的文件会被隐藏：请删去开头的“.”", name, kWhy);
  }
  if (name.back() == ' ' || name.back() == '.') {
    const char* what = name.back() == ' ' ? "空格" : "“.”";
    return fmt::format("名称“{}”以{}结尾，而{}，Windows 会去掉文件名末尾的空格和“.”：请删去末尾的{}", name,
                       what, kWhy, what);
  }
  if (is_windows_device(name)) {
    return fmt::format(
        "名称“{}”是 Windows 保留的设备名（CON、PRN、AUX、NUL、COM1 至 COM9、LPT1 至 "
        "LPT9，不论大小写和扩展名），而{}"
        "：请改用别的名称，如在前面加上街道或单位的中文名称",
        name, kWhy);
  }
  if (const int n = count_chars(name); n > kMaxNameChars) {
    return fmt::format("名称有 {} 个字，超过了 {} 个字的上限，而{}：请改用简称", n, kMaxNameChars, kWhy);
  }
  return {};
}

}  // namespace duban
