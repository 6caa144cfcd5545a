#include "cli/round_command.h"

#include <unistd.h>

#include <fmt/format.h>

#include "cli/output.h"
#include "cli/report_writer.h"
#include "evaluate/periods.h"
#include "evaluate/rounds.h"

namespace duban {
namespace {

// --commit needs -o; --all needs -o naming a folder.
void check_output_options(const RoundOptions& o) {
  if (o.commit && o.output.empty()) throw CommandFailure{kExitUsage, "duban: --commit 需要与 -o 一起使用"};
  if (o.all && !output_target(o.output).directory) {
    throw CommandFailure{kExitUsage, "duban: --all 需要 -o 指定目录，如 -o reports/"};
  }
}

const char* month_flag(RoundKind kind) { return kind == RoundKind::kRound ? "--month" : "--period"; }

// The month of --month or --period, when given.
std::optional<Month> parse_month_option(RoundKind kind, const std::string& text) {
  if (text.empty()) return std::nullopt;
  if (auto m = parse_iso_month(text)) return m;
  throw CommandFailure{kExitUsage,
                       fmt::format("duban: {} 应为月份，如 2024-06，这里是“{}”", month_flag(kind), text)};
}

// Why there is nothing to cover, in words; `month` is the one given.
CommandFailure choice_failure(const TaskList& list, RoundKind kind, RoundChoiceError error,
                              std::optional<Month> month, Date today) {
  const Reporting& rep = list.reporting;
  const bool rounds = kind == RoundKind::kRound;
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
  }
  return {kExitProblems, "duban: 无法确定报送轮次"};  // not reached: the switch covers every error
}

// The rounds (or ranking periods, by their second months) the options ask for.
std::vector<Month> choose_months(const TaskList& list, const RoundOptions& o, RoundKind kind, Date today) {
  if (kind == RoundKind::kRankPeriod && !has_ranking_group(list)) {
    throw CommandFailure{
        kExitProblems,
        fmt::format("duban: 没有分组“{}”：请在 tasks.yaml 的 groups 中定义，或用 ranking.group 指定",
                    list.ranking.group)};
  }
  const auto month = parse_month_option(kind, o.month);
  const RoundChoice choice = kind == RoundKind::kRound ? choose_rounds(list, month, o.all, today)
                                                       : choose_rank_periods(list, month, o.all, today);
  if (choice.error) throw choice_failure(list, kind, *choice.error, month, today);
  return choice.months;
}

// An --as-of before the round's window (for a ranking period, before its
// first round's) counts nothing of it: surely a slip in the date or month.
void check_as_of(const TaskList& list, const RoundOptions& o, RoundKind kind, Month month) {
  if (o.as_of.empty()) return;
  const Date as_of = resolve_as_of(o.as_of, Date{});
  if (kind == RoundKind::kRound) {
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

// The format of standard output or of the -o file: its extension's.
Format output_format(const RoundOptions& o) {
  const OutputTarget target = output_target(o.output);
  const Format format = o.output.empty() ? o.format.value() : o.format.for_file(target.path);
  if (o.output.empty() && format == Format::kXlsx && isatty(STDOUT_FILENO) != 0) {
    throw CommandFailure{
        kExitUsage, "duban: Excel 文件（--format xlsx）无法显示在终端上：请用 -o 指定文件，如 -o 对账.xlsx"};
  }
  return format;
}

int write_rounds(const GlobalOptions& g, const RoundOptions& o, const RoundCommand& c) {
  check_output_options(o);
  const bool to_directory = output_target(o.output).directory;
  const Format format = to_directory ? o.format.value() : output_format(o);
  const LoadedWorkspace loaded = load_or_fail(g);
  const std::vector<Month> months = choose_months(loaded.ws.list, o, c.kind, loaded.today);
  for (const Month month : months) check_as_of(loaded.ws.list, o, c.kind, month);
  ReportWriter out(loaded, o.output, o.commit);
  // One evaluation carried from each round to the next (months are in order).
  StatusTimeline timeline(loaded.ws);
  for (const Month month : months) {
    if (!out.to_directory()) {
      out.emit(c.render(loaded, o, month, format, timeline).document);
      continue;
    }
    const RoundOutput round = c.render(loaded, o, month, std::nullopt, timeline);
    std::vector<std::filesystem::path> written;
    for (const auto& [name, bytes] : round.files) {
      written.push_back(out.round_dir(month) / name);
      out.write(written.back(), bytes);
    }
    // A file no longer due (a unit no longer behind) goes.
    if (!round.pruned.empty()) out.remove_stale_md(out.round_dir(month) / round.pruned, written);
  }
  out.commit(fmt::format("{} {}", c.commit_subject, rounds_label(months)));
  return kExitOk;
}

}  // namespace

Runner add_round_command(CLI::App* sub, const GlobalOptions& g, RoundCommand command) {
  auto o = std::make_shared<RoundOptions>(command.formats);
  const bool rounds = command.kind == RoundKind::kRound;
  CLI::Option* month = sub->add_option(month_flag(command.kind), o->month,
                                       rounds ? "报送月份（YYYY-MM），默认为报送日已到的最近一轮"
                                              : "考核期所含的任一月份（YYYY-MM），默认为最近结束的双月")
                           ->type_name("月份");
  CLI::Option* as_of = command.as_of
                           ? sub->add_option("--as-of", o->as_of,
                                             rounds ? "截至日期（YYYY-MM-DD），默认为该轮报送日"
                                                    : "截至日期（YYYY-MM-DD），默认为考核期第二个月的报送日")
                                 ->type_name("日期")
                           : nullptr;
  o->format.add_to(sub);
  sub->add_option("-o", o->output, command.output_help)->type_name("文件或目录");
  CLI::Option* all = sub->add_flag("--all", o->all,
                                   rounds ? "从第一轮到最近一轮，每轮都写（需 -o 目录）"
                                          : "从第一个考核期到最近结束的一个，每期都写（需 -o 目录）");
  all->excludes(month);
  if (as_of != nullptr) all->excludes(as_of);
  sub->add_flag("--commit", o->commit, "写入后用 git 提交改动的文件（需 -o）");
  return [&g, o, command = std::move(command)] { return write_rounds(g, *o, command); };
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

}  // namespace duban
