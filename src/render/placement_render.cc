#include "render/placement_render.h"

#include <filesystem>

#include <fmt/format.h>

namespace duban {
namespace {

// "（本文件共 3 条）" when the warning stands for several entries.
std::string count_note(int count) { return count > 1 ? fmt::format("（本文件共 {} 条）", count) : ""; }

std::string message(const Misplacement& m, const TaskList& list) {
  const Entry& e = *m.entry;
  switch (m.kind) {
    case PlacementKind::kOtherRound:
      if (is_office_action(e.status)) {
        return fmt::format(
            "这条“{}”日期为 {}，是 {} 轮的决定（该轮的销号和退回截至 {}），却放在 {} 的文件夹中{}："
            "请把它移到 progress/{}/ 中{}的文件里；如果日期写错了，请改正 date",
            entry_status_label(e.status), e.date.iso(), m.round->iso(), m.report_date->iso(), m.folder->iso(),
            count_note(m.count), m.round->iso(), e.unit);
      }
      if (*m.round > *m.folder) {
        return fmt::format(
            "这条进度日期为 {}，晚于 {} 轮的报送日{}，在 {} 轮记为未按时报送，计入 {} 轮（报送日 {}）{}："
            "请把它移到 progress/{}/（该单位在那里已有文件时，把条目连同各自的 date 合并进去）",
            e.date.iso(), m.folder->iso(), m.folder_date ? fmt::format("（{}）", m.folder_date->iso()) : "",
            m.folder->iso(), m.round->iso(), m.report_date->iso(), count_note(m.count), m.round->iso());
      }
      return fmt::format(
          "这条进度日期为 {}，属于 {} 轮（报送日 {}），却放在 {} 的文件夹中{}，会改动 {} 轮已出的对账结果："
          "如果这是 {} 的报送，请把 date 改为实际报送的日期；如果确是 {} 的进度，请把文件移到 progress/{}/",
          e.date.iso(), m.round->iso(), m.report_date->iso(), m.folder->iso(), count_note(m.count),
          m.round->iso(), m.folder->iso(), m.round->iso(), m.round->iso());
    case PlacementKind::kAfterLastRound:
      return fmt::format(
          "这条进度日期为 {}，晚于最后一轮报送（{}，报送日 {}），不计入任何一轮的对账{}：如果工作清单延续到 "
          "{}，"
          "请在 tasks.yaml 中把 reporting 的 last 改为 {}；如果已进入新的一年，请开始新一年的清单",
          e.date.iso(), m.round->iso(), m.report_date->iso(), count_note(m.count), m.needed->iso(),
          m.needed->iso());
    case PlacementKind::kTwoFiles:
      return fmt::format(
          "{} 在同一文件夹中已有报送文件 {}，这是它的第二个文件：每个单位每月只报一个文件，"
          "请把两个文件的条目合并到 {}.yaml 中，再删去另一个",
          e.unit, m.other->path, e.unit);
    case PlacementKind::kSameDayTwice:
      return fmt::format(
          "{} 在 {} 已就任务 {} 报送过一条（{} 第 {} 行），同一单位同一天对同一任务只应有一条："
          "请删去多余的一条，或改正日期",
          e.unit, e.date.iso(), e.task, m.other->path, m.other->line);
    case PlacementKind::kAfterClose:
      if (!e.held.empty()) {
        return fmt::format(
            "任务 {} 已于 {} 销号，这条进度却报“{}”：销号后只需报常态化工作的开展日期（held），status "
            "请写“已完成”；如果任务还要继续推进，请{}先退回该任务",
            e.task, m.closed->iso(), entry_status_label(e.status), list.reporting.office);
      }
      return fmt::format(
          "任务 {} 已于 {} 销号，这条 {} 的进度不再改变任务状态：如果任务还要继续推进，请{}先退回该任务；"
          "否则请删去这条",
          e.task, m.closed->iso(), e.date.iso(), list.reporting.office);
    case PlacementKind::kDoneBelowFull:
      return fmt::format(
          "状态为已完成，但 percent 是 {}：已完成请写 percent: 100；尚未完成请把 status 改为推进中",
          *e.percent);
  }
  return "";
}

}  // namespace

std::vector<Diagnostic> placement_warnings(const std::vector<Misplacement>& found, const TaskList& list) {
  std::vector<Diagnostic> out;
  for (const Misplacement& m : found) {
    out.push_back({m.entry->path, m.entry->line, 1, Severity::kWarning, message(m, list)});
  }
  return out;
}

}  // namespace duban
