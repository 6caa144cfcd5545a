#include "evaluate/deadline.h"

namespace duban {

Deadline judge_deadline(Date due, Date as_of, int warn_days) {
  if (is_overdue(due, as_of)) return {Urgency::kOverdue, as_of - due, Light::kRed};
  if (due - as_of <= warn_days) return {Urgency::kDueSoon, 0, Light::kYellow};
  return {Urgency::kInTime, 0, Light::kGreen};
}

}  // namespace duban
