#include "model/task_list.h"

#include <algorithm>
#include <cctype>

namespace duban {

const Task* TaskList::find_task(const std::string& id) const {
  for (const Task& t : tasks) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

const Group* TaskList::find_group(const std::string& name) const {
  for (const Group& g : groups) {
    if (g.name == name) return &g;
  }
  return nullptr;
}

std::vector<std::string> TaskList::members_of(const std::string& per) const {
  const Group* g = find_group(per);
  return g != nullptr ? g->members : std::vector<std::string>{per};
}

int TaskList::unit_index(const std::string& name) const {
  for (size_t i = 0; i < units.size(); ++i) {
    if (units[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

std::string TaskList::lead_unit(const Task& task) const {
  const Group* g = find_group(task.lead());
  return g != nullptr && !g->members.empty() ? g->members.front() : task.lead();
}

std::optional<std::string> TaskList::canonical_unit(const std::string& name_or_alias) const {
  for (const Unit& u : units) {
    if (u.name == name_or_alias ||
        std::find(u.aliases.begin(), u.aliases.end(), name_or_alias) != u.aliases.end()) {
      return u.name;
    }
  }
  return std::nullopt;
}

namespace {

std::vector<long> id_segments(const std::string& id) {
  std::vector<long> out;
  long value = 0;
  for (char c : id) {
    if (c == '.') {
      out.push_back(value);
      value = 0;
    } else {
      value = value * 10 + (c - '0');
    }
  }
  out.push_back(value);
  return out;
}

}  // namespace

bool task_id_less(const std::string& a, const std::string& b) { return id_segments(a) < id_segments(b); }

std::optional<std::string> normalize_task_id(const std::string& text) {
  std::string out;
  size_t i = 0;
  while (true) {
    const size_t start = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    if (i == start || i - start > 9) return std::nullopt;
    size_t first = start;
    while (first + 1 < i && text[first] == '0') ++first;
    out.append(text, first, i - first);
    if (i == text.size()) return out;
    if (text[i] != '.') return std::nullopt;
    out += '.';
    ++i;
  }
}

}  // namespace duban
