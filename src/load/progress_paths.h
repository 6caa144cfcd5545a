// What the names of files and folders in and beside progress/ say: which
// files duban reads, which it passes over quietly (hidden files, editor
// backups, READMEs), and for every other one what to rename it to. A file
// left unread in silence would show up later as a missing report.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/date.h"

namespace duban {

/// How a file under progress/ is treated, by its name alone.
enum class FileKind {
  kProgress,  ///< *.yaml or *.yml: read
  kSkipped,   ///< hidden, an editor's backup or lock file, a README: passed over quietly
  kUnread,    ///< anything else: not read, and warned about
};

/// The kind of the file named `name` (no folder part).
FileKind progress_file_kind(std::string_view name);

/// For a file of kind kUnread, why it is not read and what to do, in
/// plain Chinese (`progress_file_kind(name) == FileKind::kUnread`).
std::string unread_file_advice(std::string_view name);

/// True for a folder named as a round: YYYY-MM, two-digit month.
bool is_month_folder_name(std::string_view name);

/// The month a folder's name means when it is written loosely: 2025-2,
/// 2025.02, 2025_2, 202502, 2025年2月. Nothing for a name that is no month
/// or is already written YYYY-MM.
std::optional<Month> loose_month(std::string_view name);

/// True when `name`, a folder beside progress/, looks like a misspelling
/// of it (Progress, progess, PROGRESS): its files would never be read.
bool looks_like_progress(std::string_view name);

}  // namespace duban
