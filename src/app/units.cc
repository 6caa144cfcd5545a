#include "app/units.h"

#include <fmt/format.h>

#include "model/text.h"

namespace duban::app {

std::string unit_hint(const TaskList& list, const std::string& name) {
  constexpr size_t kMostNames = 3;
  std::vector<std::string> holding;  // 江洋 -> 江洋社区
  std::vector<std::string> names;
  for (const Unit& u : list.units) {
    std::vector<std::string> spellings{u.name};
    spellings.insert(spellings.end(), u.aliases.begin(), u.aliases.end());
    bool near = false;
    for (const std::string& n : spellings) {
      names.push_back(n);
      near =
          near || (!name.empty() && (n.find(name) != std::string::npos || name.find(n) != std::string::npos));
    }
    if (near && holding.size() < kMostNames) holding.push_back(u.name);
  }
  if (holding.empty()) {
    const std::string closest = closest_match(name, names);
    if (closest.empty()) return "";
    holding.push_back(closest);
  }
  std::vector<std::string> quoted;
  for (const std::string& n : holding) quoted.push_back(fmt::format("“{}”", n));
  return fmt::format("：是不是{}？", fmt::join(quoted, "、"));
}

}  // namespace duban::app
