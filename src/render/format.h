// Output formats shared by the commands.
#pragma once

namespace duban {

enum class Format { kText, kMarkdown, kCsv, kJson, kXlsx };

/// The format's name on the command line: text, md, csv, json or xlsx.
const char* format_name(Format format);

}  // namespace duban
