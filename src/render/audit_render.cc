#include "render/audit_render.h"

#include <algorithm>

#include <fmt/format.h>

#include "render/json_writer.h"
#include "render/labels.h"
#include "render/table.h"

namespace duban {
namespace {

const char* kind_code(AuditKind k) {
  switch (k) {
    case AuditKind::kLate:
      return "late";
    case AuditKind::kChangedAfterReconcile:
      return "changed_after_reconcile";
    case AuditKind::kRemovedAfterReconcile:
      return "removed_after_reconcile";
    case AuditKind::kUncommitted:
      return "uncommitted";
    case AuditKind::kOddCommitDate:
      return "odd_commit_date";
  }
  return "";
}

const char* kind_label(AuditKind k) {
  switch (k) {
    case AuditKind::kLate:
      return "补录";
    case AuditKind::kChangedAfterReconcile:
      return "对账后改动";
    case AuditKind::kRemovedAfterReconcile:
      return "对账后删除";
    case AuditKind::kUncommitted:
      return "未提交";
    case AuditKind::kOddCommitDate:
      return "提交日期异常";
  }
  return "";
}

const char* field_key(EntryField f) {
  switch (f) {
    case EntryField::kStatus:
      return "status";
    case EntryField::kPercent:
      return "percent";
    case EntryField::kProgress:
      return "progress";
    case EntryField::kProblems:
      return "problems";
    case EntryField::kNext:
      return "next";
    case EntryField::kMetrics:
      return "metrics";
    case EntryField::kMilestones:
      return "milestones";
    case EntryField::kHeld:
      return "held";
  }
  return "";
}

const char* field_label(EntryField f) {
  switch (f) {
    case EntryField::kStatus:
      return "状态";
    case EntryField::kPercent:
      return "进度";
    case EntryField::kProgress:
      return "本月进展";
    case EntryField::kProblems:
      return "存在问题";
    case EntryField::kNext:
      return "下步计划";
    case EntryField::kMetrics:
      return "目标完成值";
    case EntryField::kMilestones:
      return "节点";
    case EntryField::kHeld:
      return "常态化工作";
  }
  return "";
}

// A field's value as text: "推进中", "80", "加装电梯 9", "2024-06-03、2024-06-10".
std::string field_value(const Entry& e, EntryField f) {
  switch (f) {
    case EntryField::kStatus:
      return entry_status_label(e.status);
    case EntryField::kPercent:
      return e.percent ? std::to_string(*e.percent) : "";
    case EntryField::kProgress:
      return e.progress.str();
    case EntryField::kProblems:
      return e.problems.str();
    case EntryField::kNext:
      return e.next.str();
    case EntryField::kMetrics: {
      std::vector<std::string> parts;
      for (const auto& [name, v] : e.metrics) parts.push_back(fmt::format("{} {}", name, format_number(v)));
      return fmt::format("{}", fmt::join(parts, "；"));
    }
    case EntryField::kMilestones:
      return fmt::format("{}", fmt::join(e.milestones, "；"));
    case EntryField::kHeld: {
      std::vector<std::string> parts;
      for (const HeldDays& h : e.held) {
        std::vector<std::string> days;
        for (const DaySpan& s : h.spans) {
          days.push_back(s.first == s.last ? s.first.iso()
                                           : fmt::format("{}..{}", s.first.iso(), s.last.iso()));
        }
        const std::string name = h.item.empty() ? h.duty.str() : fmt::format("{}（{}）", h.duty, h.item);
        parts.push_back(fmt::format("{} {}", name, fmt::join(days, "、")));
      }
      return fmt::format("{}", fmt::join(parts, "；"));
    }
  }
  return "";
}

// "进度 60 -> 80；状态 推进中 -> 已完成"
std::string changes_cell(const AuditRow& r) {
  std::vector<std::string> parts;
  for (const EntryField f : r.changed) {
    parts.push_back(fmt::format("{} {} → {}", field_label(f), field_value(*r.event->before, f),
                                field_value(*r.event->after, f)));
  }
  return fmt::format("{}", fmt::join(parts, "；"));
}

// The commit of a row: short hash, author (and committer when another) and date.
struct CommitCells {
  std::string hash, author, committed;
};

CommitCells commit_cells(const History& h, const AuditRow& r) {
  if (r.event->commit < 0) return {"", "", ""};
  const CommitInfo& c = h.commits[static_cast<size_t>(r.event->commit)];
  std::string author = c.author;
  if (c.committer != c.author) author += fmt::format("（{} 提交）", c.committer);
  return {c.hash.substr(0, 7), author, c.committed};
}

Table audit_table(const History& h, const std::vector<AuditRow>& rows) {
  Table table{{"单位", "任务", "日期", "轮次", "类别", "提交", "作者", "提交时间", "改动"}, {}};
  for (const AuditRow& r : rows) {
    const Entry& e = r.event->entry();
    const CommitCells c = commit_cells(h, r);
    table.rows.push_back({e.unit, e.task, e.date.iso(), r.round.iso(), kind_label(r.kind), c.hash, c.author,
                          c.committed, changes_cell(r)});
  }
  return table;
}

std::string render_markdown(const TaskList& list, const History& h, const Round& round,
                            const std::vector<AuditRow>& rows) {
  const Month m = round.month;
  std::string out = fmt::format("# {} 留痕（{}年{}月）\n\n", markdown_text(list.title), m.year(), m.month());
  const auto reconciled = h.reconciled.find(m);
  out += fmt::format("- 报送日：{}\n", round.report_date.iso());
  if (reconciled != h.reconciled.end()) {
    const CommitInfo& c = h.commits[static_cast<size_t>(reconciled->second)];
    out += fmt::format("- 对账提交：{}（{}）\n", c.hash.substr(0, 7), c.committed);
  } else {
    out += "- 对账提交：无（以报送日为准）\n";
  }
  out += "\n";
  if (rows.empty()) return out + "本轮没有补录、对账后改动或未提交的进度。\n";
  out += render_markdown_table(audit_table(h, rows));
  out +=
      "\n补录：首次提交晚于报送日；对账后改动、对账后删除：在对账报表提交之后改动或删除；未提交：工作目录中尚"
      "未提交的进度。\n";
  if (std::any_of(rows.begin(), rows.end(),
                  [](const AuditRow& r) { return r.kind == AuditKind::kOddCommitDate; })) {
    out += fmt::format(
        "\n提交日期异常：提交时间晚于今天或早于清单印发日期（{}"
        "），不能说明这条进度何时进入记录，请核实；按提交日期判定按时报送（on_time: "
        "commit）时，它按未提交计。\n",
        list.issued.iso());
  }
  return out;
}

std::string render_json(const History& h, Month m, const std::vector<AuditRow>& rows) {
  JsonWriter w;
  w.begin_object().field("month", m.iso()).key("audit").begin_array();
  for (const AuditRow& r : rows) {
    const Entry& e = r.event->entry();
    w.begin_object().field("unit", e.unit).field("task", e.task).field("date", e.date.iso());
    w.field("round", r.round.iso()).field("kind", kind_code(r.kind));
    if (r.event->commit < 0) {
      w.key("commit").null().key("author").null().key("committed").null().key("committer").null();
    } else {
      const CommitInfo& c = h.commits[static_cast<size_t>(r.event->commit)];
      w.field("commit", c.hash.substr(0, 7)).field("author", c.author).field("committed", c.committed);
      w.field("committer", c.committer);
    }
    w.key("changes").begin_array();
    for (const EntryField f : r.changed) {
      w.begin_object().field("key", field_key(f));
      w.field("old", field_value(*r.event->before, f)).field("new", field_value(*r.event->after, f));
      w.end_object();
    }
    w.end_array().end_object();
  }
  w.end_array().end_object();
  return w.str();
}

}  // namespace

std::string render_audit(const TaskList& list, const History& history, const Round& round,
                         const std::vector<AuditRow>& rows, Format format) {
  const Month m = round.month;
  switch (format) {
    case Format::kMarkdown:
      return render_markdown(list, history, round, rows);
    case Format::kCsv:
      return render_csv(audit_table(history, rows));
    case Format::kJson:
      return render_json(history, m, rows);
    default:
      return render_markdown(list, history, round, rows);
  }
}

}  // namespace duban
