#include "model/task_list.h"

#include <doctest/doctest.h>

#include "model/entry.h"

namespace duban {

TEST_CASE("task ids order numerically by segment") {
  CHECK(task_id_less("2", "10"));
  CHECK(task_id_less("10", "12.1"));
  CHECK(task_id_less("12", "12.1"));
  CHECK(task_id_less("12.2", "12.10"));
  CHECK_FALSE(task_id_less("10", "2"));
  CHECK_FALSE(task_id_less("4", "4"));
}

TEST_CASE("task ids are normalized or refused") {
  CHECK(normalize_task_id("04") == "4");
  CHECK(normalize_task_id("12.01") == "12.1");
  CHECK(normalize_task_id("0") == "0");
  CHECK_FALSE(normalize_task_id("").has_value());
  CHECK_FALSE(normalize_task_id("4.").has_value());
  CHECK_FALSE(normalize_task_id(".4").has_value());
  CHECK_FALSE(normalize_task_id("4a").has_value());
  CHECK_FALSE(normalize_task_id("四").has_value());
  CHECK_FALSE(normalize_task_id("1234567890").has_value());
}

TEST_CASE("units resolve through names and aliases") {
  TaskList list;
  list.units = {{"党政综合办公室", {"党政办"}}, {"江洋社区", {}}};
  CHECK(list.canonical_unit("党政办") == "党政综合办公室");
  CHECK(list.canonical_unit("江洋社区") == "江洋社区");
  CHECK_FALSE(list.canonical_unit("各社区").has_value());
  CHECK(list.unit_index("江洋社区") == 1);
  CHECK(list.unit_index("党政办") == -1);
}

TEST_CASE("entry statuses read Chinese and English") {
  CHECK(parse_entry_status("推进中") == EntryStatus::kInProgress);
  CHECK(parse_entry_status("in_progress") == EntryStatus::kInProgress);
  CHECK(parse_entry_status("已销号") == EntryStatus::kClosed);
  CHECK(parse_entry_status("reopened") == EntryStatus::kReopened);
  CHECK(parse_entry_status("退回") == EntryStatus::kReopened);
  CHECK_FALSE(parse_entry_status("进行中").has_value());
  CHECK(std::string(entry_status_label(EntryStatus::kDone)) == "已完成");
}

}  // namespace duban
