// libFuzzer target: the plain reader (load/plain_yaml.h) against yaml-cpp.
// parse_yaml must give the same result, diagnostics and tree, positions
// included, whether or not it may use the plain reader.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "load/yaml_tree.h"

namespace {

bool same_tree(const duban::YamlNode& a, const duban::YamlNode& b) {
  if (a.kind != b.kind || a.text != b.text || a.key != b.key || a.pos.line != b.pos.line ||
      a.pos.column != b.pos.column || a.key_pos.line != b.key_pos.line ||
      a.key_pos.column != b.key_pos.column || a.children.size() != b.children.size()) {
    return false;
  }
  for (size_t i = 0; i < a.children.size(); ++i) {
    if (!same_tree(a.children[i], b.children[i])) return false;
  }
  return true;
}

bool same_diagnostics(const std::vector<duban::Diagnostic>& a, const std::vector<duban::Diagnostic>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].line != b[i].line || a[i].column != b[i].column || a[i].severity != b[i].severity ||
        a[i].message != b[i].message) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace duban;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  static const std::vector<std::string> keys{"unit",   "date",    "entries", "task",
                                             "status", "percent", "progress"};
  std::vector<Diagnostic> plain_out;
  std::vector<Diagnostic> yaml_cpp_out;
  const YamlParse plain = parse_yaml("f.yaml", bytes, keys, plain_out, YamlReader::kPlainFirst);
  const YamlParse yaml_cpp = parse_yaml("f.yaml", bytes, keys, yaml_cpp_out, YamlReader::kYamlCppOnly);
  if (plain.ok != yaml_cpp.ok || !same_diagnostics(plain_out, yaml_cpp_out) ||
      !same_tree(plain.root, yaml_cpp.root)) {
    __builtin_trap();
  }
  return 0;
}
