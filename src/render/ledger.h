// Pieces shared by the status and reconciliation reports: how a task's
// status, deadline and reporting read in a cell, and a task as JSON.
#pragma once

#include <string>

#include "evaluate/reconcile.h"
#include "evaluate/status.h"
#include "render/json_writer.h"
#include "render/table.h"

namespace duban {

/// 2024-06-30（2024年6月前）, or the ISO date alone when written so.
std::string due_cell(const DueDate& due);

/// 逾期 12 天, 已销号（2024-06-05）, 正常推进 ...
std::string status_words(const TaskStatus& t);

/// 🔴 逾期 12 天: the light, then the words.
std::string status_cell(const TaskStatus& t);

/// 本月进展, 存在问题 and 下步计划 of a task, each as one cell.
std::string progress_cell(const TaskStatus& t);
std::string problems_cell(const TaskStatus& t);
std::string next_cell(const TaskStatus& t);

/// 按时报送 4/4; 未报送：示例甲社区 (3/4); 无需报送.
std::string reporting_cell(const RoundReporting& r);

/// The heading of a reconciliation's missing reports: 未按时报送 once the
/// report day is over, 尚未报送（报送日 …） before.
std::string missing_title(const Reconciliation& rec);
/// The same as a sheet's name: 未按时报送 or 尚未报送.
std::string missing_sheet_name(const Reconciliation& rec);
/// What stands for an empty list of missing reports.
std::string no_missing_reports(const Reconciliation& rec);

/// The owners as the list names them: 党政综合办公室、各社区.
std::string owners_cell(const Task& t);

/// The line atop every report and notice computed from sample data.
inline constexpr const char* kSampleBanner = "【示例数据】本报表由示例数据生成，不是真实报送。";

/// kSampleBanner and a blank line when `sample`, else nothing.
std::string sample_banner(bool sample);

/// The first line of a CSV report: kSampleBanner when `sample`, else nothing.
inline const char* sample_csv_line(bool sample) { return sample ? kSampleBanner : ""; }

/// "sample": true when `sample`; nothing otherwise.
void write_sample_json(JsonWriter& w, bool sample);

/// 2024年6月10日
std::string chinese_date(Date d);

/// The files left out (报送文件有误（未计入）) as a Markdown section, or
/// nothing when there are none.
std::string rejected_section(const std::vector<RejectedFile>& rejected);

/// The files left out as a terminal table after a blank line, or nothing.
std::string rejected_text(const std::vector<RejectedFile>& rejected);

/// The files left out as rows: unit, file, line:column, first error.
Table rejected_table(const std::vector<RejectedFile>& rejected);

/// "rejected_files": [{path, unit, line, column, message}] when there are any.
void write_rejected_json(JsonWriter& w, const std::vector<RejectedFile>& rejected);

/// Ends a report's JSON document: its rejected files, then the closing brace.
std::string finish_report_json(JsonWriter& w, const std::vector<RejectedFile>& rejected);

/// One task object of the status and reconcile JSON (duban(1), JSON OUTPUT).
void write_task_json(JsonWriter& w, const TaskList& list, const TaskStatus& t);

}  // namespace duban
