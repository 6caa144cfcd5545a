// Output formats shared by the commands.
#pragma once

#include <optional>
#include <string>

namespace duban {

enum class Format { kText, kMarkdown, kCsv, kJson };

/// text | md | csv | json
std::optional<Format> parse_format(const std::string& name);

}  // namespace duban
