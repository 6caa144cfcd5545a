// The bi-monthly ranking as the office's workbook (rank.xlsx).
#pragma once

#include <string>

#include "evaluate/ranking.h"
#include "model/task_list.h"

namespace duban {

/// The bytes of rank.xlsx: sheets 排名 (scores and each part's rate, count
/// and total as numbers), 报送文件有误 (when files were left out) and
/// 计分方法, dated the period's last report day. Throws XlsxError when it
/// cannot be made.
std::string render_rank_xlsx(const TaskList& list, const RankReport& report);

}  // namespace duban
