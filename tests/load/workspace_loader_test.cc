#include "load/workspace_loader.h"

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include <doctest/doctest.h>

namespace duban {
namespace fs = std::filesystem;
namespace {

struct Scratch {
  fs::path dir;
  Scratch() {
    std::string name = (fs::temp_directory_path() / "duban-workspace-test-XXXXXX").string();
    dir = ::mkdtemp(name.data());
  }
  ~Scratch() { fs::remove_all(dir); }
};

}  // namespace

TEST_CASE("regression: find_workspace looks past a folder without tasks.yaml to its ancestors") {
  Scratch s;
  fs::create_directories(s.dir / "progress" / "2024-06");
  std::ofstream(s.dir / "tasks.yaml") << "year: 2024\n";
  CHECK(find_workspace(s.dir) == s.dir);
  CHECK(find_workspace(s.dir / "progress") == s.dir);
  CHECK(find_workspace(s.dir / "progress" / "2024-06") == s.dir);
}

TEST_CASE("find_workspace finds nothing where no ancestor holds tasks.yaml") {
  Scratch s;
  fs::create_directories(s.dir / "a" / "b");
  // The scratch folder's own ancestors (/tmp, /) are expected to hold no tasks.yaml.
  CHECK_FALSE(find_workspace(s.dir / "a" / "b").has_value());
}

}  // namespace duban

namespace duban {

TEST_CASE("regression: an empty progress file is read as empty, not as a read error") {
  Scratch s;
  fs::create_directories(s.dir / "progress" / "2024-06");
  std::ofstream(s.dir / "tasks.yaml") << "year: 2024\n";
  std::ofstream(s.dir / "progress" / "2024-06" / "empty.yaml");  // no bytes at all
  const LoadResult loaded = load_workspace(s.dir, *Date::from_ymd(2024, 6, 10), {}, {false});
  for (const Diagnostic& d : loaded.diagnostics) {
    INFO(d.message);
    CHECK(d.path != "progress/2024-06/empty.yaml");
  }
}

TEST_CASE("a pipe named as a file to check is refused at once, not waited on") {
  Scratch s;
  std::ofstream(s.dir / "tasks.yaml") << "year: 2024\n";
  const fs::path pipe = s.dir / "pipe.yaml";
  REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
  // Opening a pipe for reading blocks until a writer comes: a run that
  // waits never ends, and this test with it.
  const LoadResult loaded =
      load_workspace(s.dir, *Date::from_ymd(2024, 6, 10), {{"pipe.yaml", pipe}}, {false});
  bool refused = false;
  for (const Diagnostic& d : loaded.diagnostics) {
    if (d.path == "pipe.yaml") refused = d.message.find("不是普通文件") != std::string::npos;
  }
  CHECK(refused);
}

}  // namespace duban
