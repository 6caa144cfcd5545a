// libFuzzer target: the audit's reader of git's output (load/git_history.h).
// The bytes are read two ways:
//  - as what git printed: `git log -z --raw` text, then the objects asked
//    for (one a line), then a `git cat-file --batch` stream, the three parts
//    separated by the bytes NUL 0x02 (scripts/fuzz seeds real ones). What
//    reads is replayed over the golden base workspace into a history, whose
//    audit is computed and rendered for every round it touches;
//  - as the choices of a generator that writes a well-formed `cat-file
//    --batch` stream of blobs, commits, trees, tags and missing objects
//    (contents that look like headers included), reads it back and checks
//    that exactly the blobs within the cap come back, byte for byte; then
//    damages the stream and checks that nothing read lies.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base_workspace.h"
#include "evaluate/audit.h"
#include "load/git_history.h"
#include "load/progress_file.h"
#include "load/task_file.h"
#include "load/yaml_tree.h"
#include "render/audit_render.h"

namespace {

using namespace duban;

struct Base {
  TaskFileResult tasks;
  Workspace ws;  // the base workspace as the working tree
};

const Base& base() {
  static const Base b = [] {
    Base b;
    std::vector<Diagnostic> out;
    b.tasks = load_task_file("tasks.yaml", fuzz::kBaseTasks, out);
    if (!b.tasks.ok) __builtin_trap();  // the base workspace must load
    b.ws.list = b.tasks.list;
    for (const fuzz::File& f : fuzz::kBaseProgress) {
      for (Entry& e : load_progress_file(std::string(f.path), f.text, b.tasks.list, b.tasks.index,
                                         *Date::from_ymd(2024, 7, 1), out)) {
        b.ws.entries.push_back(std::move(e));
      }
    }
    return b;
  }();
  return b;
}

void check(bool ok) {
  if (!ok) __builtin_trap();
}

// The part of `bytes` before the next NUL 0x02 at `at`, moving past it.
std::string_view part(std::string_view bytes, size_t& at) {
  const size_t end = bytes.find(std::string_view("\0\x02", 2), at);
  const size_t stop = end == std::string_view::npos ? bytes.size() : end;
  const std::string_view out = bytes.substr(at, stop - at);
  at = stop == bytes.size() ? stop : stop + 2;
  return out;
}

// Nothing read may be other than asked for, or over the cap.
void check_read(const BatchObjects& read, const std::vector<std::string>& requested, size_t cap) {
  const std::set<std::string> asked(requested.begin(), requested.end());
  for (const auto& [object, text] : read.blobs) check(asked.count(object) && text.size() <= cap);
  check(read.blobs.size() + read.skipped.size() <= requested.size());
}

// The bytes as git's output, replayed into an audit.
void replay(std::string_view bytes) {
  size_t at = 0;
  const std::string_view log = part(bytes, at);
  const std::string_view asked = part(bytes, at);
  const std::string_view stream = bytes.substr(at);
  std::vector<std::string> requested;
  for (size_t start = 0; start < asked.size();) {
    const size_t eol = std::min(asked.find('\n', start), asked.size());
    requested.emplace_back(asked.substr(start, eol - start));
    start = eol + 1;
  }
  GitHistoryInput in;
  in.commits = parse_log(log);
  const BatchHeaders headers = read_batch_check(stream, requested);
  for (const ObjectHeader& h : headers.headers) {
    if (h.type == "blob" && h.size > kMaxFileBytes) in.too_large.emplace(h.object, h.size);
  }
  BatchObjects read = read_batch(stream, requested, kMaxFileBytes);
  check_read(read, requested, kMaxFileBytes);
  in.blobs = std::move(read.blobs);

  const Base& b = base();
  std::vector<SkippedVersion> skipped;
  const History history = history_from(in, b.ws, skipped);
  check(history.commits.size() == in.commits.size());
  const Date today = *Date::from_ymd(2024, 7, 1);
  std::set<Month> rounds;
  for (const EntryEvent& ev : history.events) {
    check(ev.before || ev.after);
    check(ev.commit < static_cast<int>(history.commits.size()));
    rounds.insert(Month::containing(ev.entry().date));
  }
  for (const auto& [m, commit] : history.reconciled) rounds.insert(m);
  for (const Month m : rounds) {
    const std::vector<AuditRow> rows = audit_round(b.ws.list, history, m, today);
    for (const Format f : {Format::kMarkdown, Format::kCsv, Format::kJson})
      render_audit(b.ws.list, history, reporting_round(b.ws.list, m), rows, f);
  }
  Workspace ws = b.ws;
  date_by_record(ws, history, today);
}

// The bytes as a generator's choices: a well-formed stream read back exactly.
void generate(const uint8_t* data, size_t size) {
  FuzzedDataProvider fdp(data, size);
  static const char* const kTypes[] = {"blob", "commit", "tree", "tag", "missing"};
  const size_t cap = fdp.ConsumeIntegralInRange<size_t>(0, 64);
  const size_t n = fdp.ConsumeIntegralInRange<size_t>(0, 8);
  std::vector<std::string> requested, types, contents;
  std::string stream;
  for (size_t i = 0; i < n; ++i) {
    // Distinct names: the number of the object in the last digit.
    char name[41];
    snprintf(name, sizeof name, "%039llx%x", static_cast<unsigned long long>(fdp.ConsumeIntegral<uint32_t>()),
             static_cast<unsigned>(i));
    const std::string type = kTypes[fdp.ConsumeIntegralInRange<size_t>(0, 4)];
    std::string content = fdp.ConsumeRandomLengthString(256);
    // Content that looks like the next header, as a forged commit message does.
    if (fdp.ConsumeBool())
      content += std::string(name) + " blob " + std::to_string(fdp.ConsumeIntegral<uint8_t>()) + "\n";
    requested.emplace_back(name);
    types.push_back(type);
    contents.push_back(type == "missing" ? "" : content);
    stream += type == "missing" ? std::string(name) + " missing\n"
                                : std::string(name) + " " + type + " " + std::to_string(content.size()) +
                                      "\n" + content + "\n";
  }
  const BatchObjects read = read_batch(stream, requested, cap);
  check(read.error.empty());
  check_read(read, requested, cap);
  size_t kept = 0;
  for (size_t i = 0; i < n; ++i) {
    const auto it = read.blobs.find(requested[i]);
    const bool wanted = types[i] == "blob" && contents[i].size() <= cap;
    check(wanted == (it != read.blobs.end()));
    if (wanted) {
      check(it->second == contents[i]);
      ++kept;
    }
  }
  check(kept + read.skipped.size() == n);

  // Damaged: a byte changed, or the stream cut short.
  if (stream.empty()) return;
  std::string damaged = stream;
  const size_t where = fdp.ConsumeIntegralInRange<size_t>(0, damaged.size() - 1);
  if (fdp.ConsumeBool()) {
    damaged.resize(where);
  } else {
    damaged[where] = static_cast<char>(fdp.ConsumeIntegral<uint8_t>());
  }
  check_read(read_batch(damaged, requested, cap), requested, cap);
  read_batch_check(damaged, requested);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  replay(std::string_view(reinterpret_cast<const char*>(data), size));
  generate(data, size);
  return 0;
}
