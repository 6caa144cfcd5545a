#include "cli/format_option.h"

#include <fmt/format.h>

#include "cli/failure.h"

namespace duban {

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
  sub->add_option("--format", text_, help)->check(CLI::IsMember(names));
}

Format FormatOption::value() const {
  if (text_.empty()) return offered_.front();
  for (const Format f : offered_) {
    if (text_ == format_name(f)) return f;
  }
  // CLI11 has checked the name already.
  throw CommandFailure{kExitUsage, fmt::format("duban: 不认识的格式“{}”", text_)};
}

}  // namespace duban
