#include "render/progress_yaml.h"

#include <fmt/format.h>

#include "render/labels.h"

namespace duban {
namespace {

// Text for a comment: on one line, without control characters.
std::string comment_text(const std::string& text) {
  std::string out;
  for (const unsigned char c : text) out += c < 0x20 || c == 0x7f ? ' ' : static_cast<char>(c);
  return out;
}

std::string statuses_label(const std::vector<EntryStatus>& statuses) {
  std::vector<std::string> labels;
  for (const EntryStatus s : statuses) labels.push_back(entry_status_label(s));
  return fmt::format("{}", fmt::join(labels, "、"));
}

EntryStatus status_of(ShareState s) {
  switch (s) {
    case ShareState::kInProgress:
      return EntryStatus::kInProgress;
    case ShareState::kDone:
      return EntryStatus::kDone;
    case ShareState::kNone:
    case ShareState::kNotStarted:
      return EntryStatus::kNotStarted;
  }
  return EntryStatus::kNotStarted;
}

void template_entry(const FormRow& row, std::string& out) {
  const Task& task = *row.task;
  const std::string last = row.state == ShareState::kNone
                               ? "尚未报送过，请按实际选择状态"
                               : fmt::format("上次：{}{}", share_state_label(row.state),
                                             row.percent ? fmt::format(" {}%", *row.percent) : "");
  out += fmt::format("  # 任务 {} {}（完成时限：{}；{}{}）\n", task.id, comment_text(task.title),
                     comment_text(task.due.text), row.owed ? "本轮应报；" : "", last);
  out += fmt::format("  - task: {}\n", yaml_quoted(task.id));
  out += fmt::format("    status: {}\n", entry_status_label(status_of(row.state)));
  if (row.percent) out += fmt::format("    percent: {}\n", *row.percent);
  out += "    progress: \"\"  # 本月进展\n    problems: \"\"  # 存在问题\n    next: \"\"  # 下步计划\n";
  for (const Target* t : row.targets) {
    out += fmt::format("    # metrics: {{{}: 0}}  # 目标 {} {}{}：填累计完成数\n", yaml_quoted(t->name),
                       comment_text(t->name), format_number(t->value), comment_text(t->unit));
  }
  for (const Milestone* m : row.milestones) {
    out += fmt::format("    # milestones: [{}]  # 节点，达成后填写（完成时限：{}）\n", yaml_quoted(m->name),
                       comment_text(m->due.text));
  }
  for (const Duty* d : row.duties) {
    out +=
        fmt::format("    # held: {{{}: [YYYY-MM-DD]}}  # 常态化工作，填本期开展日期\n", yaml_quoted(d->name));
  }
}

// Appends one line and where it came from.
void line(DraftYaml& y, const std::string& text, const std::string& origin) {
  y.text += text;
  y.text += '\n';
  y.origins.push_back(origin);
}

}  // namespace

std::string yaml_quoted(const std::string& text) {
  std::string out = "\"";
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c < 0x20 || c == 0x7f) {
      out += fmt::format("\\x{:02x}", c);
    } else if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x85) {
      out += "\\u0085";  // NEL: a line break to YAML
      ++i;
    } else if (c == 0xe2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(text[i + 2]) == 0xa8 ||
                static_cast<unsigned char>(text[i + 2]) == 0xa9)) {
      out += static_cast<unsigned char>(text[i + 2]) == 0xa8 ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string render_template_yaml(const ReportForm& form, const TaskList& list) {
  const Round& round = form.round;
  std::string out;
  out += fmt::format("# {} {}年{}月进度报送（报送日 {}）\n", comment_text(form.unit), round.month.year(),
                     round.month.month(), round.report_date.iso());
  out += fmt::format("# 由 duban template 生成。填好后存为 progress/{}/{}.yaml，再运行 duban check 检查。\n",
                     round.month.iso(), comment_text(form.unit));
  out += fmt::format("# status：从 {} 中选一个，已按上次报送填好；percent：0 到 100 的整数。\n",
                     statuses_label(form.statuses));
  out += "# progress 本月进展，problems 存在问题，next 下步计划：写在引号里。\n";
  out += "# 以“# metrics”“# milestones”“# held”开头的行，需要时去掉行首的“# ”再填写。\n";
  out += fmt::format("unit: {}\n", yaml_quoted(form.unit));
  out += fmt::format("date: {}  # 填报日期，应在 {} 至 {} 之间\n", form.fill_date.iso(),
                     std::max(round.window_start, list.issued).iso(), round.report_date.iso());
  if (form.rows.empty()) {
    out += "# 本轮没有需要报送的任务。\nentries: []\n";
    return out;
  }
  out += "entries:\n";
  for (const FormRow& row : form.rows) template_entry(row, out);
  return out;
}

DraftYaml render_draft_yaml(const ProgressDraft& draft) {
  DraftYaml y;
  line(y, "# 由 duban import 从进度报送表导入", "");
  line(y, "unit: " + yaml_quoted(draft.unit.value), draft.unit.cell);
  line(y, "date: " + draft.date.value.iso(), draft.date.cell);
  if (draft.entries.empty()) {
    line(y, "entries: []", "");
    return y;
  }
  line(y, "entries:", "");
  for (const DraftEntry& e : draft.entries) {
    line(y, "  - task: " + yaml_quoted(e.task.value), e.task.cell);
    line(y, std::string("    status: ") + entry_status_label(e.status.value), e.status.cell);
    if (e.percent) line(y, fmt::format("    percent: {}", e.percent->value), e.percent->cell);
    for (const auto& [key, text] : {std::pair{"progress", &e.progress}, std::pair{"problems", &e.problems},
                                    std::pair{"next", &e.next}}) {
      if (!text->value.empty()) line(y, fmt::format("    {}: {}", key, yaml_quoted(text->value)), text->cell);
    }
    if (!e.metrics.empty()) line(y, "    metrics:", e.row);
    for (const auto& m : e.metrics) {
      line(y, fmt::format("      {}: {}", yaml_quoted(m.value.first), format_number(m.value.second)), m.cell);
    }
    if (!e.milestones.empty()) line(y, "    milestones:", e.row);
    for (const auto& m : e.milestones) line(y, "      - " + yaml_quoted(m.value), m.cell);
    if (!e.held.empty()) line(y, "    held:", e.row);
    for (const auto& h : e.held) {
      std::vector<std::string> dates;
      for (const Date d : h.value.second) dates.push_back(d.iso());
      line(y, fmt::format("      {}: [{}]", yaml_quoted(h.value.first), fmt::join(dates, ", ")), h.cell);
    }
  }
  return y;
}

}  // namespace duban
