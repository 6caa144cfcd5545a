#include "render/format.h"

namespace duban {

std::optional<Format> parse_format(const std::string& name) {
  if (name == "text") return Format::kText;
  if (name == "md") return Format::kMarkdown;
  if (name == "csv") return Format::kCsv;
  if (name == "json") return Format::kJson;
  return std::nullopt;
}

}  // namespace duban
