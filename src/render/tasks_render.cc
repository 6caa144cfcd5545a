#include "render/tasks_render.h"

#include <algorithm>

#include <fmt/format.h>

#include "render/json_writer.h"
#include "render/table.h"

namespace duban {
namespace {

std::vector<const Task*> in_id_order(const TaskList& list) {
  std::vector<const Task*> tasks;
  for (const Task& t : list.tasks) tasks.push_back(&t);
  std::stable_sort(tasks.begin(), tasks.end(),
                   [](const Task* a, const Task* b) { return task_id_less(a->id, b->id); });
  return tasks;
}

std::vector<std::string> other_owners(const Task& t) {
  return std::vector<std::string>(t.owners.begin() + 1, t.owners.end());
}

std::string render_json(const TaskList& list) {
  JsonWriter w;
  w.begin_object().field("title", list.title).field("issued", list.issued.iso());
  w.key("tasks").begin_array();
  for (const Task* t : in_id_order(list)) {
    w.begin_object();
    w.field("id", t->id).field("section", list.sections[t->section].title).field("title", t->title);
    w.field("lead", t->lead()).key("owners").strings(t->owners).key("units").names(t->shares);
    w.field("due", t->due.date.iso()).field("due_text", t->due.text);
    w.end_object();
  }
  w.end_array().end_object();
  return w.str();
}

}  // namespace

std::string render_tasks(const TaskList& list, Format format, int width) {
  Table table{{"序号", "部分", "任务", "牵头单位", "配合单位", "完成时限", "原文时限"}, {}};
  for (const Task* t : in_id_order(list)) {
    table.rows.push_back({t->id, list.sections[t->section].title, t->title, t->lead(),
                          fmt::format("{}", fmt::join(other_owners(*t), "、")), t->due.date.iso(),
                          t->due.text});
  }
  switch (format) {
    case Format::kText:
      return render_text_table(table, TableFit{width, {1, 2, 3, 4, 6}});
    case Format::kMarkdown:
      return fmt::format("# {}\n\n{}", markdown_text(list.title), render_markdown_table(table));
    case Format::kXlsx:  // not offered by `tasks`
    case Format::kCsv:
      return render_csv(table);
    case Format::kJson:
      return render_json(list);
  }
  return {};
}

}  // namespace duban
