// Output formats shared by the commands.
#pragma once

namespace duban {

enum class Format { kText, kMarkdown, kCsv, kJson };

/// The format's name on the command line: text, md, csv or json.
const char* format_name(Format format);

}  // namespace duban
