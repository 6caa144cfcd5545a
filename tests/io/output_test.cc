#include "io/output.h"

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "io/failure.h"

namespace duban {
namespace fs = std::filesystem;
namespace {

// A fresh folder under the system's temporary folder, removed afterwards.
struct Scratch {
  fs::path dir;
  Scratch() {
    std::string name = (fs::temp_directory_path() / "duban-output-test-XXXXXX").string();
    dir = ::mkdtemp(name.data());
  }
  ~Scratch() { fs::remove_all(dir); }
};

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void put(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// The message of the CommandFailure that `write` throws ("" if none).
template <typename F>
std::string failure(F write) {
  try {
    write();
  } catch (const CommandFailure& f) {
    CHECK(f.exit_code == kExitProblems);
    return f.message;
  }
  return "";
}

}  // namespace

TEST_CASE("escape_controls escapes C0, DEL and C1 controls, nothing else") {
  CHECK(escape_controls("\x1b]0;PWNED\a\x1b[2J") == "\\x1b]0;PWNED\\x07\\x1b[2J");
  CHECK(escape_controls("一行\n两行\t\x7f") == "一行\\n两行\\x09\\x7f");
  CHECK(escape_controls("\xc2\x9b"
                        "2J\xc2\x80") == "\\u009b2J\\u0080");
  CHECK(escape_controls("江洋社区 ＝ é \xc2\xa0 \u202e") == "江洋社区 ＝ é \xc2\xa0 \u202e");
  CHECK(shown_path("a\x1b[2J.xlsx") == "a\\x1b[2J.xlsx");
}

TEST_CASE("the writer creates folders, writes and leaves unchanged bytes alone") {
  Scratch s;
  const fs::path file = s.dir / "reports" / "2024-06" / "reconcile.md";
  OutputFolder out(s.dir / "reports/");
  CHECK(out.write_if_changed(file, "甲\n"));
  CHECK(read(file) == "甲\n");
  struct stat before;
  ::stat(file.c_str(), &before);
  CHECK_FALSE(out.write_if_changed(file, "甲\n"));
  struct stat after;
  ::stat(file.c_str(), &after);
  CHECK(before.st_ino == after.st_ino);
  CHECK(out.write_if_changed(file, "乙\n"));
  CHECK(read(file) == "乙\n");
  CHECK(names_in(file.parent_path()) == std::vector<std::string>{"reconcile.md"});
}

TEST_CASE("a unit name injected past check never makes the writer leave the -o folder") {
  Scratch s;
  const fs::path root = s.dir / "reports";
  const fs::path notices = root / "2024-06" / "notices";
  const std::string outside = (s.dir / "outside").string();
  struct Case {
    std::string unit;
    bool inside;  // dir / (unit + ".md") stays below the -o folder by plain names
  };
  const Case cases[] = {{"../../../../outside", false},
                        {"../../../outside", false},
                        {outside, false},
                        {"甲\n# 乙", false},
                        {".hidden", false},
                        {"..", false},
                        {"", false},
                        {"甲\x1b[2J", false},
                        {"a/b", true}};
  for (const Case& c : cases) {
    CAPTURE(c.unit);
    // As notices builds the path of a unit's notice.
    const std::string refused = failure([&] { file_in(notices, c.unit + ".md"); });
    CHECK(refused.rfind("duban: 拒绝写入 ", 0) == 0);
    CHECK(refused.find("请修改 tasks.yaml 中的这个名称") != std::string::npos);
    CHECK(refused.find('\n') == std::string::npos);
    CHECK(refused.find('\x1b') == std::string::npos);
    // As a caller that forgot file_in would build it.
    OutputFolder out(root);
    if (!c.inside) CHECK(failure([&] { out.write_if_changed(notices / (c.unit + ".md"), "x"); }) != "");
  }
  CHECK_FALSE(fs::exists(s.dir / "outside.md"));
  CHECK_FALSE(fs::exists(s.dir.parent_path() / "outside.md"));
  CHECK(fs::is_empty(s.dir));
  CHECK(file_in(notices, "江洋社区.md") == notices / "江洋社区.md");
}

TEST_CASE("the refusal names the path as built, and the -o folder") {
  Scratch s;
  const fs::path root = s.dir / "reports";
  OutputFolder out(root);
  const fs::path escaped = root / "2024-06" / "notices" / "../../../x.md";
  CHECK(failure([&] { out.write_if_changed(escaped, "x"); }) ==
        "duban: 拒绝写入 " + escaped.string() +
            "：名称是“..”，不能用作文件名；请修改 tasks.yaml 中的这个名称");
  CHECK(failure([&] { out.write_if_changed("/tmp/x.md", "x"); }) ==
        "duban: 拒绝写入 /tmp/x.md：不在 -o 指定的文件夹 " + root.string() +
            " 之内；请修改 tasks.yaml 中的这个名称");
  CHECK(failure([&] { file_in(root / "n", "a\nb.md"); }) ==
        "duban: 拒绝写入 " + root.string() +
            "/n/a\\nb.md：名称中有控制字符（如换行），不能用作文件名；请修改 tasks.yaml 中的这个名称");
}

TEST_CASE("a symlinked folder below the -o folder is neither written into nor cleaned") {
  Scratch s;
  const fs::path root = s.dir / "reports";
  const fs::path other = s.dir / "other";
  put(other / "keep.md", "not ours\n");
  fs::create_directories(root / "2024-06");
  fs::create_directory_symlink(other, root / "2024-06" / "notices");
  const fs::path notices = root / "2024-06" / "notices";
  OutputFolder out(root);
  const std::string message = failure([&] { out.write_if_changed(notices / "甲.md", "x"); });
  CHECK(message == "duban: 拒绝写入 " + (notices / "甲.md").string() + "：" + notices.string() +
                       " 是符号链接，duban 不会写到它指向的地方；请把它换成普通的文件夹或文件");
  CHECK(failure([&] { out.remove_stale(notices, ".md", {}); }) != "");
  // A symlinked round folder, and a symlinked report file, too.
  fs::create_directory_symlink(other, root / "2024-07");
  CHECK(failure([&] { out.write_if_changed(root / "2024-07" / "reconcile.md", "x"); }) != "");
  fs::create_symlink(other / "keep.md", root / "2024-06" / "reconcile.md");
  CHECK(failure([&] { out.write_if_changed(root / "2024-06" / "reconcile.md", "x"); }) != "");
  CHECK(names_in(other) == std::vector<std::string>{"keep.md"});
  CHECK(read(other / "keep.md") == "not ours\n");
}

TEST_CASE("the -o folder itself may be a symlink") {
  Scratch s;
  fs::create_directories(s.dir / "real");
  fs::create_directory_symlink(s.dir / "real", s.dir / "reports");
  OutputFolder out(s.dir / "reports");
  CHECK(out.write_if_changed(s.dir / "reports" / "2024-06" / "rank.md", "x"));
  CHECK(read(s.dir / "real" / "2024-06" / "rank.md") == "x");
}

TEST_CASE("remove_stale removes only regular files named like reports") {
  Scratch s;
  const fs::path dir = s.dir / "reports" / "2024-06" / "notices";
  for (const char* name : {"甲.md", "乙.md", "丙.md", "README.txt", ".hidden.md"}) put(dir / name, "x");
  fs::create_directory(dir / "folder.md");
  fs::create_symlink(dir / "README.txt", dir / "link.md");
  OutputFolder out(s.dir / "reports");
  const auto removed = out.remove_stale(dir, ".md", {dir / "乙.md"});
  CHECK(removed == std::vector<fs::path>{dir / "丙.md", dir / "甲.md"});
  CHECK(names_in(dir) ==
        std::vector<std::string>{".hidden.md", "README.txt", "folder.md", "link.md", "乙.md"});
  CHECK(out.remove_stale(s.dir / "reports" / "2024-07" / "notices", ".md", {}).empty());
  CHECK_FALSE(fs::exists(s.dir / "reports" / "2024-07"));
}

TEST_CASE("a writing run first removes the temporary files a killed run left") {
  Scratch s;
  const fs::path round = s.dir / "reports" / "2024-06";
  for (const char* name : {".reconcile.md.tmp-a1B2c3", ".甲.md.tmp-ZZZZZZ", ".x.tmp-1", "a.tmp-abcdef"}) {
    put(round / name, "partial");
  }
  put(round / "notices" / ".乙.md.tmp-000000", "partial");
  {
    OutputFolder out(s.dir / "reports");
    CHECK(out.write_if_changed(round / "rank.md", "x"));
    CHECK(names_in(round) == std::vector<std::string>{".x.tmp-1", "a.tmp-abcdef", "notices", "rank.md"});
    CHECK(out.remove_stale(round / "notices", ".md", {}).empty());
    CHECK(names_in(round / "notices").empty());
  }
  // -o FILE: only that file's temporary files; the folder is the user's.
  put(s.dir / "out" / ".r.md.tmp-abcdef", "partial");
  put(s.dir / "out" / ".other.md.tmp-abcdef", "someone else's");
  OutputFolder one(s.dir / "out", true);
  CHECK(one.write_if_changed(s.dir / "out" / "r.md", "x"));
  CHECK(names_in(s.dir / "out") == std::vector<std::string>{".other.md.tmp-abcdef", "r.md"});
}

TEST_CASE("a failed write names the path and leaves the old file and no temporary file") {
  Scratch s;
  const fs::path root = s.dir / "reports";
  put(root / "2024-06", "a file where the round's folder goes");
  put(root / "2024-07" / "reconcile.md" / "x", "a folder where the report goes");
  OutputFolder out(root);
  CHECK(failure([&] { out.write_if_changed(root / "2024-06" / "reconcile.md", "x"); }) ==
        "duban: 无法写入 " + (root / "2024-06" / "reconcile.md").string() + "：" +
            (root / "2024-06").string() + " 是一个文件，不是文件夹；请把它移走或改名");
  CHECK(failure([&] { out.write_if_changed(root / "2024-07" / "reconcile.md", "x"); }) ==
        "duban: 无法写入 " + (root / "2024-07" / "reconcile.md").string() + "：那里已有一个同名的文件夹");
  CHECK(names_in(root / "2024-07") == std::vector<std::string>{"reconcile.md"});
  CHECK(read(root / "2024-06") == "a file where the round's folder goes");
}

TEST_CASE("-o names a folder when it ends in /, exists or has no extension; else a file") {
  Scratch scratch;
  fs::create_directories(scratch.dir / "reports.2024");
  const std::string existing = (scratch.dir / "reports.2024").string();
  struct Case {
    std::string option;
    bool directory;
  };
  for (const Case& c : std::vector<Case>{{"reports/", true},
                                         {"reports", true},
                                         {"newdir", true},
                                         {existing, true},
                                         {"a/b.2024/", true},
                                         {".", true},
                                         {"r.xlsx", false},
                                         {"out/rank.md", false},
                                         {"对账.csv", false},
                                         {"", false}}) {
    CAPTURE(c.option);
    CHECK(output_target(c.option).directory == c.directory);
  }
}

}  // namespace duban
