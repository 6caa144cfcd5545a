#include "load/git_history.h"

#include <algorithm>

#include <doctest/doctest.h>

#include "load/task_file.h"
#include "load/yaml_tree.h"

namespace duban {
namespace {

const std::string kA(40, 'a');
const std::string kB(40, 'b');
const std::string kC(40, 'c');

// One object as git cat-file --batch prints it.
std::string batch_object(const std::string& object, const std::string& type, const std::string& content) {
  return object + " " + type + " " + std::to_string(content.size()) + "\n" + content + "\n";
}

}  // namespace

TEST_CASE("cat-file batch: a gitlink's commit is passed over with its content (forged audit)") {
  // The commit's message reads like the header of a blob: it must stay content.
  const std::string message = "tree " + kC + "\n\nx blob 5\nforged\n";
  const std::string stream = batch_object(kA, "commit", message) + batch_object(kB, "blob", "real\n");
  const BatchObjects read = read_batch(stream, {kA, kB}, 1 << 20);
  CHECK(read.error.empty());
  REQUIRE(read.blobs.size() == 1);
  CHECK(read.blobs.at(kB) == "real\n");
  REQUIRE(read.skipped.size() == 1);
  CHECK(read.skipped[0].object == kA);
  CHECK(read.skipped[0].type == "commit");
}

TEST_CASE("cat-file batch: an odd header is an error, not a crash (stoul)") {
  for (const std::string& header :
       std::vector<std::string>{kA + " blob QQ", kA + " blob -1", kA + " blob 99999999999999999999999",
                                kA + " blob", "x blob 5", kA + " blob  5", kA + " thing 5", kB + " blob 5"}) {
    CAPTURE(header);
    const BatchObjects read = read_batch(header + "\nhello\n", {kA}, 1 << 20);
    CHECK(read.blobs.empty());
    CHECK_FALSE(read.error.empty());
  }
}

TEST_CASE("cat-file batch: content is read by the size in its header") {
  // Content holding newlines and what looks like headers.
  const std::string content = "a\n" + kB + " blob 1\nb\n";
  const BatchObjects read =
      read_batch(batch_object(kA, "blob", content) + kB + " missing\n", {kA, kB}, 1 << 20);
  CHECK(read.error.empty());
  CHECK(read.blobs.at(kA) == content);
  REQUIRE(read.skipped.size() == 1);
  CHECK(read.skipped[0].missing);
  // Cut short, or without its newline: an error, what was read before kept.
  const std::string whole = batch_object(kA, "blob", "x") + batch_object(kB, "blob", "hello");
  const BatchObjects cut = read_batch(whole.substr(0, whole.size() - 3), {kA, kB}, 1 << 20);
  CHECK(cut.blobs.size() == 1);
  CHECK_FALSE(cut.error.empty());
  CHECK_FALSE(read_batch(kA + " blob 1\nxy", {kA}, 1 << 20).error.empty());
  CHECK_FALSE(read_batch(batch_object(kA, "blob", "x") + "more", {kA}, 1 << 20).error.empty());
}

TEST_CASE("cat-file batch: a blob over the cap is passed over, not kept") {
  const BatchObjects read =
      read_batch(batch_object(kA, "blob", "12345") + batch_object(kB, "blob", "1"), {kA, kB}, 4);
  CHECK(read.error.empty());
  CHECK(read.blobs.count(kA) == 0);
  CHECK(read.blobs.at(kB) == "1");
}

TEST_CASE("cat-file batch-check: headers in order, odd ones an error") {
  const BatchHeaders read = read_batch_check(kA + " blob 300000000\n" + kB + " commit 120\n", {kA, kB});
  CHECK(read.error.empty());
  REQUIRE(read.headers.size() == 2);
  CHECK(read.headers[0].size == 300000000);
  CHECK(read.headers[1].type == "commit");
  CHECK_FALSE(read_batch_check(kA + " blob QQ\n", {kA}).error.empty());
  CHECK_FALSE(read_batch_check(kA + " blob 1\n", {kA, kB}).error.empty());
}

TEST_CASE("git log: modes say what a path became") {
  // `git log -z`: fields end in NUL, written ~ here.
  std::string log = "\x01" + kC + "~a~c~2024-06-12T10:30:00+08:00~\n" +                                    //
                    ":100644 120000 " + kA + " " + kB + " T~progress/2024-06/x.yaml~" +                    //
                    ":000000 160000 " + std::string(40, '0') + " " + kA + " A~progress/2024-06/y.yaml~" +  //
                    ":100644 000000 " + kA + " " + std::string(40, '0') + " D~progress/2024-06/z.yaml~" +  //
                    ":100644 100644 QQ " + kB + " M~progress/2024-06/v.yaml~" +                            //
                    ":100644 100644 " + kA + " " + kB + " M~progress/2024-06/w.yaml~";
  std::replace(log.begin(), log.end(), '~', '\0');
  const std::vector<LoggedCommit> commits = parse_log(log);
  REQUIRE(commits.size() == 1);
  CHECK(commits[0].info.hash == kC);
  CHECK(commits[0].info.date == Date::from_ymd(2024, 6, 12));
  REQUIRE(commits[0].changes.size() == 4);
  CHECK(commits[0].changes[0].kind == TreeEntryKind::kSymlink);
  CHECK(commits[0].changes[1].kind == TreeEntryKind::kGitlink);
  CHECK(commits[0].changes[2].kind == TreeEntryKind::kDeleted);
  CHECK(commits[0].changes[2].object.empty());
  CHECK(commits[0].changes[3].path == "progress/2024-06/w.yaml");
}

TEST_CASE("commit dates out of range are no date (read as 1970)") {
  CHECK(commit_date("3000-01-01T00:00:00+00:00") == std::nullopt);
  CHECK(commit_date("10000-01-01T00:00:00+00:00") == std::nullopt);
  CHECK(commit_date("") == std::nullopt);
  CHECK(commit_date("2024-06-12T10:30:00+08:00") == Date::from_ymd(2024, 6, 12));
}

namespace {

const char* kTasks = R"(title: 清单
issued: 2024-04-08
reporting:
  office: 甲
units:
  - name: 甲
sections:
  - title: 一
    tasks:
      - id: 1
        title: 任务
        owners: [甲]
        due: 2024-12-31
)";

std::string progress(int percent) {
  return "unit: 甲\ndate: 2024-06-08\nentries:\n  - task: 1\n    status: 推进中\n    percent: " +
         std::to_string(percent) + "\n";
}

LoggedCommit commit_of(const std::string& hash, int day, std::vector<PathChange> changes) {
  LoggedCommit c;
  c.info.hash = hash;
  c.info.committed = "2024-06-" + std::to_string(day) + "T09:00:00+08:00";
  c.info.date = commit_date(c.info.committed);
  c.changes = std::move(changes);
  return c;
}

struct Replayed {
  History history;
  std::vector<SkippedVersion> skipped;
};

Replayed replay(const GitHistoryInput& in) {
  std::vector<Diagnostic> out;
  Workspace ws;
  ws.list = load_task_file("tasks.yaml", kTasks, out).list;
  Replayed r;
  r.history = history_from(in, ws, r.skipped);
  return r;
}

const std::string kPath = "progress/2024-06/甲.yaml";

}  // namespace

TEST_CASE("history: a file that became a symlink and came back unchanged leaves no trace") {
  GitHistoryInput in;
  in.blobs[kA] = progress(50);
  in.commits = {commit_of(std::string(40, '1'), 12, {{kPath, TreeEntryKind::kFile, kA}}),
                commit_of(std::string(40, '2'), 20, {{kPath, TreeEntryKind::kSymlink, kB}}),
                commit_of(std::string(40, '3'), 21, {{kPath, TreeEntryKind::kFile, kA}})};
  const Replayed r = replay(in);
  REQUIRE(r.history.events.size() == 1);
  CHECK(r.history.events[0].kind == EntryEvent::Kind::kAdded);
  CHECK(r.history.events[0].commit == 0);
  REQUIRE(r.skipped.size() == 1);
  CHECK(r.skipped[0].why == SkippedVersion::Why::kSymlink);
}

TEST_CASE("history: a file that became a symlink and came back changed is changed there") {
  GitHistoryInput in;
  in.blobs[kA] = progress(50);
  in.blobs[kC] = progress(60);
  in.commits = {commit_of(std::string(40, '1'), 12, {{kPath, TreeEntryKind::kFile, kA}}),
                commit_of(std::string(40, '2'), 20, {{kPath, TreeEntryKind::kSymlink, kB}}),
                commit_of(std::string(40, '3'), 21, {{kPath, TreeEntryKind::kFile, kC}})};
  const Replayed r = replay(in);
  REQUIRE(r.history.events.size() == 2);
  CHECK(r.history.events[1].kind == EntryEvent::Kind::kChanged);
  CHECK(r.history.events[1].commit == 2);
  CHECK(r.history.events[1].before->percent == 50);
}

TEST_CASE("history: a file left a symlink was removed by the commit that made it one") {
  GitHistoryInput in;
  in.blobs[kA] = progress(50);
  in.commits = {
      commit_of(std::string(40, '1'), 12, {{kPath, TreeEntryKind::kFile, kA}}),
      commit_of(std::string(40, '2'), 20, {{kPath, TreeEntryKind::kSymlink, kB}}),
      commit_of(std::string(40, '3'), 21, {{"progress/2024-06/乙.yaml", TreeEntryKind::kFile, kC}})};
  const Replayed r = replay(in);
  REQUIRE(r.history.events.size() == 2);
  CHECK(r.history.events[1].kind == EntryEvent::Kind::kRemoved);
  CHECK(r.history.events[1].commit == 1);
}

TEST_CASE("history: a version over the size cap is named and passed over") {
  GitHistoryInput in;
  in.blobs[kA] = progress(50);
  in.too_large[kB] = 200u << 20;
  in.commits = {commit_of(std::string(40, '1'), 12, {{kPath, TreeEntryKind::kFile, kA}}),
                commit_of(std::string(40, '2'), 20, {{kPath, TreeEntryKind::kFile, kB}}),
                commit_of(std::string(40, '3'), 21, {{kPath, TreeEntryKind::kFile, kA}})};
  const Replayed r = replay(in);
  CHECK(r.history.events.size() == 1);
  REQUIRE(r.skipped.size() == 1);
  CHECK(r.skipped[0].why == SkippedVersion::Why::kTooLarge);
  CHECK(r.skipped[0].size == 200u << 20);
  CHECK(r.skipped[0].commit == std::string(40, '2'));
}

}  // namespace duban
