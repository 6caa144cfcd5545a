// Checks the raw bytes of a hand-edited text file before YAML sees them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"

namespace duban {

/// Reports a file that is not UTF-8 (naming GBK/GB18030 when it looks like
/// it), U+FEFF after the start, control characters, and tabs. Returns false
/// when the text is not UTF-8 and no further check makes sense. `bytes` must
/// not include a leading BOM.
bool check_text_bytes(const std::string& path, std::string_view bytes, std::vector<Diagnostic>& out);

/// True when `bytes` is valid UTF-8.
bool is_valid_utf8(std::string_view bytes);

/// True when `bytes` is not UTF-8 but decodes as GBK/GB18030 with Chinese text.
bool looks_like_gbk(std::string_view bytes);

}  // namespace duban
