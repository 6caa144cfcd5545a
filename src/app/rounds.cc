#include "app/rounds.h"

#include <fmt/format.h>

#include "app/output_format.h"
#include "app/report_writer.h"
#include "evaluate/periods.h"
#include "evaluate/rounds.h"
#include "io/output.h"

namespace duban::app {
namespace {

// --commit needs -o; --all needs -o naming a folder.
void check_output_options(const RoundRequest& r, const OutputTarget& target) {
  if (r.commit && r.output.empty()) throw CommandFailure{kExitUsage, "duban: --commit 需要与 -o 一起使用"};
  if (r.all && !target.directory) {
    throw CommandFailure{kExitUsage, "duban: --all 需要 -o 指定目录，如 -o reports/"};
  }
}

// Why there is nothing to cover, in words; `month` is the one given.
CommandFailure choice_failure(const TaskList& list, RoundKind kind, RoundChoiceError error,
                              std::optional<Month> month, Date today) {
  const Reporting& rep = list.reporting;
  const bool rounds = kind != RoundKind::kRankPeriod;
  switch (error) {
    case RoundChoiceError::kNoneYet:
      if (!rounds) {
        return {kExitProblems, fmt::format("duban: 今天（{}）还没有已结束的考核期（双月）", today.iso())};
      }
      return {kExitProblems,
              fmt::format("duban: 今天（{}）还没有到期的报送轮次：报送轮次为 {} 至 {}，第一轮报送日为 {}",
                          today.iso(), rep.first.iso(), rep.last.iso(),
                          reporting_round(list, rep.first).report_date.iso())};
    case RoundChoiceError::kOutOfRange:
      return {kExitUsage, fmt::format("duban: {}{}不在报送轮次 {} 至 {} 之内", month->iso(),
                                      rounds ? " " : " 所在的双月", rep.first.iso(), rep.last.iso())};
    case RoundChoiceError::kAllOver:
      return {kExitProblems,
              fmt::format("duban: 报送轮次 {} 至 {} 的报送日都已过（截至 {}），没有要催报的轮次："
                          "未报送的单位请用 duban notices 生成督办通知",
                          rep.first.iso(), rep.last.iso(), today.iso())};
  }
  return {kExitProblems, "duban: 无法确定报送轮次"};  // not reached: the switch covers every error
}

// The rounds (or ranking periods, by their second months) the request asks for.
std::vector<Month> choose_months(const TaskList& list, const RoundRequest& r, RoundKind kind, Date today) {
  if (kind == RoundKind::kRankPeriod && !has_ranking_group(list)) {
    throw CommandFailure{
        kExitProblems,
        fmt::format("duban: 没有分组“{}”：请在 tasks.yaml 的 groups 中定义，或用 ranking.group 指定",
                    list.ranking.group)};
  }
  const RoundChoice choice = kind == RoundKind::kRound ? choose_rounds(list, r.month, r.all, today)
                             : kind == RoundKind::kRankPeriod
                                 ? choose_rank_periods(list, r.month, r.all, today)
                                 : choose_reminder_round(list, r.month, today);
  if (choice.error) throw choice_failure(list, kind, *choice.error, r.month, today);
  return choice.months;
}

// An --as-of before the round's window (for a ranking period, before its
// first round's) counts nothing of it: surely a slip in the date or month.
void check_as_of(const TaskList& list, std::optional<Date> given, RoundKind kind, Month month) {
  if (!given) return;
  const Date as_of = *given;
  if (kind != RoundKind::kRankPeriod) {
    const Date start = reporting_round(list, month).window_start;
    if (as_of >= start) return;
    throw CommandFailure{
        kExitUsage, fmt::format("duban: --as-of {} 在 {} 这一轮开始（{}）之前，这一轮的进度还都不算：请写 {} "
                                "或之后的日期，或用 --month 改选月份",
                                as_of.iso(), month.iso(), start.iso(), start.iso())};
  }
  const auto [first, second] = bimonth_of(month);
  const Date start = reporting_round(list, std::max(first, list.reporting.first)).window_start;
  if (as_of >= start) return;
  throw CommandFailure{
      kExitUsage, fmt::format("duban: --as-of {} 在考核期 {} 至 {} 开始（{}）之前：请写 {} 或之后的日期，"
                              "或用 --period 改选考核期",
                              as_of.iso(), first.iso(), second.iso(), start.iso(), start.iso())};
}

// 2024-06, or 2024-05..2025-01 for several rounds (commit messages).
std::string rounds_label(const std::vector<Month>& months) {
  if (months.size() == 1) return months[0].iso();
  return fmt::format("{}..{}", months.front().iso(), months.back().iso());
}

// The format of standard output or of the -o file (its extension's); none
// for an -o folder, which gets each command's usual files.
std::optional<Format> output_format(const RoundRequest& r, const RoundCommand& c,
                                    const OutputTarget& target) {
  if (target.directory) return std::nullopt;
  if (!r.output.empty()) return format_for_file(c.formats, r.format, target.path);
  const Format fallback = c.text_on_terminal && output_is_terminal() ? Format::kText : c.formats.front();
  const Format format = r.format.value_or(fallback);
  if (format == Format::kXlsx && output_is_terminal()) {
    throw CommandFailure{
        kExitUsage, "duban: Excel 文件（--format xlsx）无法显示在终端上：请用 -o 指定文件，如 -o 对账.xlsx"};
  }
  return format;
}

}  // namespace

int run_rounds(const WorkspaceRequest& w, const RoundRequest& r, const RoundCommand& c) {
  const OutputTarget target = output_target(r.output);
  check_output_options(r, target);
  const std::optional<Format> format = output_format(r, c, target);
  const LoadedWorkspace loaded = load_or_fail(w);
  // A reminder is for the round open on the day it speaks of.
  const Date day = c.kind == RoundKind::kReminder ? r.as_of.value_or(loaded.today) : loaded.today;
  const std::vector<Month> months = choose_months(loaded.ws.list, r, c.kind, day);
  for (const Month month : months) check_as_of(loaded.ws.list, r.as_of, c.kind, month);
  ReportWriter out(loaded.dir, target, r.commit, w.quiet);
  // Only what goes to a terminal is fitted to it, never a file.
  const TextStyle style = r.output.empty() ? TextStyle{output_takes_colour(), terminal_width()} : TextStyle{};
  std::function<void(std::string_view)> print;
  if (r.output.empty()) print = [&](std::string_view piece) { out.emit(piece); };
  c.render({loaded, months, r.as_of, format, style,
            [&](Month month, RoundOutput round) {
              if (!out.to_directory()) {
                out.emit(round.document);
                return;
              }
              std::vector<std::filesystem::path> written;
              for (const auto& [name, bytes] : round.files) {
                written.push_back(out.round_dir(month) / name);
                out.write(written.back(), bytes);
              }
              // A file no longer due (a unit no longer behind) goes.
              if (!round.pruned.empty()) out.remove_stale_md(out.round_dir(month) / round.pruned, written);
            },
            print});
  out.commit(fmt::format("{} {}", c.commit_subject, rounds_label(months)));
  return kExitOk;
}

std::vector<RoundQuery> round_queries(const TaskList& list, const std::vector<Month>& months,
                                      std::optional<Date> as_of) {
  std::vector<RoundQuery> queries;
  for (const Month m : months) queries.push_back({m, as_of.value_or(reporting_round(list, m).report_date)});
  return queries;
}

RoundOutput document_or_report_files(const char* name, std::optional<Format> format,
                                     const std::function<std::string(Format)>& render) {
  if (format) return {render(*format), {}, {}};
  RoundOutput out;
  for (const Format f : {Format::kMarkdown, Format::kCsv, Format::kXlsx}) {
    out.files.emplace_back(fmt::format("{}{}", name, format_extension(f)), render(f));
  }
  return out;
}

}  // namespace duban::app
