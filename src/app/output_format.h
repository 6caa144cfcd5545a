// The format a command writes: the one --format gives, else its default, or
// for -o FILE the one the file's extension says, which --format must not
// contradict.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "render/format.h"

namespace duban::app {

/// The extension of a file in `format`: .txt, .md, .csv, .json or .xlsx.
const char* format_extension(Format format);

/// The format of the file -o `path` names, among `offered`: the one its
/// extension says, which `given` (--format), when there, must not
/// contradict; else throws a usage error.
Format format_for_file(const std::vector<Format>& offered, std::optional<Format> given,
                       const std::filesystem::path& path);

/// The extension of `file`, in lower case (R.XLSX as Windows may name it: .xlsx).
std::string lower_extension(const std::string& file);

}  // namespace duban::app
