// The floor of scripts/bench: what reading a workspace costs at the least.
// Reads tasks.yaml and every .yaml file under progress/ and runs yaml-cpp's
// event parser over each with a handler that does nothing, on as many
// threads as duban loads with (DUBAN_JOBS, else every processor). Not part
// of the installed program.
//
// Usage: duban_floor WORKSPACE
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

namespace fs = std::filesystem;

namespace {

// Takes every event and keeps nothing.
class NoOp : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
  }
  void OnMapEnd() override {}
};

// Threads as duban uses them: DUBAN_JOBS when set to a number, else all processors.
unsigned thread_count() {
  if (const char* jobs = std::getenv("DUBAN_JOBS")) {
    const int n = std::atoi(jobs);
    if (n > 0) return static_cast<unsigned>(n);
  }
  return std::max(1u, std::thread::hardware_concurrency());
}

bool parse(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::istringstream stream(bytes.str());
  NoOp handler;
  try {
    YAML::Parser parser(stream);
    parser.HandleNextDocument(handler);
  } catch (const std::exception&) {
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: duban_floor WORKSPACE\n");
    return 2;
  }
  const fs::path dir = argv[1];
  std::vector<fs::path> files{dir / "tasks.yaml"};
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir / "progress", ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".yaml") files.push_back(it->path());
  }
  std::atomic<size_t> next{0};
  std::atomic<size_t> failed{0};
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < thread_count(); ++t) {
    threads.emplace_back([&] {
      for (size_t i; (i = next++) < files.size();) {
        if (!parse(files[i])) ++failed;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  std::printf("%zu files, %zu unparsable\n", files.size(), failed.load());
  return failed == 0 ? 0 : 1;
}
