// The monthly reconciliation as the office's workbook (reconcile.xlsx).
#pragma once

#include <string>

#include "evaluate/reconcile.h"
#include "model/task_list.h"

namespace duban {

/// The bytes of reconcile.xlsx: sheets 汇总, 台账, 逾期督办, 未按时报送,
/// 报送文件有误 (when files were left out) and 常态化工作, dated the
/// round's report day. Throws XlsxError when it cannot be made.
std::string render_reconcile_xlsx(const TaskList& list, const Reconciliation& rec);

}  // namespace duban
