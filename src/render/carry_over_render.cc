#include "render/carry_over_render.h"

#include <cctype>

#include <fmt/format.h>

#include "render/json_writer.h"
#include "render/labels.h"

namespace duban {
namespace {

// A scalar as YAML: plain when it cannot be misread (also inside [a, b]),
// else double-quoted with JSON's escapes, which YAML shares.
std::string yaml_text(const std::string& text) {
  bool plain = !text.empty() && text.front() != ' ' && text.back() != ' ';
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && !(std::isalnum(u) != 0 || std::string_view("._()/-").find(c) != std::string_view::npos ||
                      (c == ' ' && plain))) {
      plain = false;
    }
  }
  if (plain && (text.front() == '-' || text.front() == '.')) plain = false;
  for (const char* word : {"null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"}) {
    if (text == word) plain = false;
  }
  return plain ? text : json_quote(text);
}

std::string yaml_list(const std::vector<std::string>& items) {
  std::vector<std::string> quoted;
  for (const std::string& item : items) quoted.push_back(yaml_text(item));
  return fmt::format("[{}]", fmt::join(quoted, ", "));
}

// Text that may run over lines: a block after `|` when it reads back the
// same, else one quoted line.
std::string yaml_block(const std::string& text, int indent) {
  bool block = !text.empty() && text.front() != ' ' && text.front() != '\n';
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7f) block = false;
  }
  if (!block) return json_quote(text) + "\n";
  std::string out = "|\n";
  const std::string pad(static_cast<size_t>(indent), ' ');
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = text.find('\n', start);
    const std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    out += line.empty() ? "\n" : pad + line + "\n";
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

std::string header(const TaskList& list, const CarryOver& carry) {
  std::string out = fmt::format(
      "# 【草稿】下一年度工作清单，由 duban carry-over 根据《{}》截至 {}（{} 报送轮次）的进度生成。\n"
      "# 请党政综合办公室：\n"
      "#   1. 把 title、issued 改为新一年清单的标题和印发日期；\n"
      "#   2. 为“上年结转”中的每个任务填写完成时限 due（“{}”处，duban check 在填写前报错）；\n"
      "#   3. 加入新一年清单的各部分和任务。\n"
      "# 上一年的 tasks.yaml、progress/ 和 reports/ 请移入 archive/{}/（见 README）。\n",
      list.title, carry.as_of.iso(), carry.last_round.iso(), kDuePlaceholder, list.issued.year());
  out += fmt::format("title: {}\n", yaml_text(list.title));
  if (!list.issuer.empty()) out += fmt::format("issuer: {}\n", yaml_text(list.issuer));
  out += fmt::format("issued: {}  # 【请修改】新清单的印发日期\n", list.issued.iso());
  const Reporting& r = list.reporting;
  out += fmt::format("reporting:\n  office: {}\n  day: {}\n  warn_days: {}\n", yaml_text(r.office), r.day,
                     r.warn_days);
  out += r.reply_workdays ? fmt::format("  reply_workdays: {}\n", *r.reply_workdays)
                          : fmt::format("  reply_days: {}\n", r.reply_days);
  if (r.settle_days > 0) out += fmt::format("  settle_days: {}\n", r.settle_days);
  out += "  # first、last（首末报送月份）不写：按新清单的印发日期和完成时限确定\n";
  out += "units:\n";
  for (const Unit& u : list.units) {
    out += fmt::format("  - name: {}\n", yaml_text(u.name));
    if (!u.aliases.empty()) out += fmt::format("    aliases: {}\n", yaml_list(u.aliases));
  }
  if (!list.groups.empty()) out += "groups:\n";
  for (const Group& g : list.groups)
    out += fmt::format("  {}: {}\n", yaml_text(g.name), yaml_list(g.members));
  if (!list.calendar.off.empty() || !list.calendar.work.empty()) {
    out += "calendar:\n";
    for (const auto& [key, days] :
         {std::pair{"off", &list.calendar.off}, std::pair{"work", &list.calendar.work}}) {
      std::vector<std::string> isos;
      for (Date d : *days) isos.push_back(d.iso());
      if (!isos.empty()) out += fmt::format("  {}: [{}]\n", key, fmt::join(isos, ", "));
    }
  }
  const RankingWeights& w = list.ranking.weights;
  out += fmt::format(
      "ranking:\n  group: {}\n  weights: {{reporting: {}, completion: {}, overdue: {}, duties: {}, targets: "
      "{}}}\n",
      yaml_text(list.ranking.group), format_number(w.reporting), format_number(w.completion),
      format_number(w.overdue), format_number(w.duties), format_number(w.targets));
  return out;
}

std::string per_line(const std::optional<std::string>& per) {
  return per ? fmt::format("            per: {}\n", yaml_text(*per)) : "";
}

// 上年 15部，报至 12部; per member: 上年每单位 1支：江洋社区 1，示例甲社区 未报.
std::string last_year_note(const CarriedTarget& c) {
  const Target& g = *c.target;
  std::vector<std::string> values;
  for (const TargetValue& v : c.values) {
    values.push_back(fmt::format("{} {}", v.unit, v.value ? format_number(*v.value) + g.unit : "未报"));
  }
  return fmt::format("上年目标{}{}{}，截至上年末：{}", g.at_most ? "不超过 " : "", format_number(g.value),
                     g.unit, fmt::join(values, "，"));
}

std::string task_yaml(const CarriedTask& c) {
  const Task& t = *c.task;
  std::string out = fmt::format("      # 上年第 {} 项，截至上年末{}，进度 {}%\n", t.id,
                                task_state_label(c.state), c.percent);
  out += fmt::format("      - id: {}\n        carried_from: {}\n", yaml_text(t.id), yaml_text(t.id));
  out += fmt::format("        title: {}\n", yaml_text(t.title));
  if (!t.content.empty()) out += "        content: " + yaml_block(t.content, 10);
  out += fmt::format("        owners: {}\n", yaml_list(t.owners));
  out += fmt::format("        due: {}  # 上年完成时限：{}\n", kDuePlaceholder, t.due.text);
  if (!c.milestones.empty()) out += "        milestones:\n";
  for (const Milestone* m : c.milestones) {
    out += fmt::format("          - name: {}\n", yaml_text(m->name)) + per_line(m->per);
  }
  if (!c.targets.empty()) out += "        targets:\n";
  for (const CarriedTarget& ct : c.targets) {
    const Target& g = *ct.target;
    out += fmt::format("          # {}\n", last_year_note(ct));
    out += fmt::format("          - name: {}\n            value: {}\n", yaml_text(g.name),
                       format_number(ct.remaining));
    if (!g.unit.empty()) out += fmt::format("            unit: {}\n", yaml_text(g.unit));
    if (g.at_most) out += "            at_most: true\n";
    out += per_line(g.per);
  }
  if (!t.duties.empty()) out += "        duties:\n";
  for (const Duty& d : t.duties) {
    out +=
        fmt::format("          - name: {}\n            every: {}\n", yaml_text(d.name), period_code(d.every));
    if (d.times != 1) out += fmt::format("            times: {}\n", d.times);
    out += per_line(d.per);
    if (!d.items.empty()) out += fmt::format("            items: {}\n", yaml_list(d.items));
  }
  return out;
}

}  // namespace

std::string render_carry_over(const TaskList& list, const CarryOver& carry) {
  std::string out = header(list, carry);
  out += "sections:\n  - title: 上年结转\n    tasks:\n";
  if (carry.tasks.empty()) out += "      # 上一年的任务均已销号，没有需要结转的任务\n      []\n";
  for (const CarriedTask& c : carry.tasks) out += task_yaml(c);
  return out;
}

}  // namespace duban
