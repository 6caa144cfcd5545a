#include "model/form_layout.h"

namespace duban {

std::string target_column(const Target& target) {
  std::string column = "目标：" + target.name;
  if (!target.unit.empty()) column += "（" + target.unit + "）";
  return column;
}

std::string milestone_column(const Milestone& milestone) {
  return "节点：" + milestone.name + "（达成日期）";
}

std::string duty_column(const Duty& duty) { return "常态化：" + duty.name + "（本期开展日期）"; }

}  // namespace duban
