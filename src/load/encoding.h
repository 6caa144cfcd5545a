// Checks the raw bytes of a hand-edited text file before YAML sees them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"

namespace duban {

/// Reports a file that is not UTF-8 (naming GBK/GB18030 when it looks like
/// it), U+FEFF after the start, control characters, bidirectional overrides
/// and tabs. Returns false
/// when the text is not UTF-8 and no further check makes sense. `bytes` must
/// not include a leading BOM.
bool check_text_bytes(const std::string& path, std::string_view bytes, std::vector<Diagnostic>& out);

/// Why a scalar as YAML decoded it (after escapes such as "\e" or "\u202e")
/// may not be used: it holds a control character other than line feed, a
/// byte order mark or a bidirectional override. Empty when it is fine.
std::string check_decoded_text(std::string_view text);

/// True when `bytes` is valid UTF-8.
bool is_valid_utf8(std::string_view bytes);

/// True when `bytes` is not UTF-8 but decodes as GBK/GB18030 with Chinese text.
bool looks_like_gbk(std::string_view bytes);

}  // namespace duban
