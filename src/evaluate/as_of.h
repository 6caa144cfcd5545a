// The as-of date of a computation (duban(5) STATUS RULES, As-of date and
// order), split in two when the office's decisions settle later than the
// units' reports (Reporting rounds, reporting.settle_days).
#pragma once

#include "model/date.h"

namespace duban {

/// The dates up to which entries count: units' reports up to `reports`,
/// the office's 已销号 and 退回 up to `decisions` (never earlier).
struct AsOf {
  AsOf(Date d) : reports(d), decisions(d) {}  // NOLINT(google-explicit-constructor): a date is both
  AsOf(Date r, Date d) : reports(r), decisions(d < r ? r : d) {}
  Date reports;
  Date decisions;

  /// Whether an entry of this date counts: an office decision up to `decisions`, else up to `reports`.
  bool counts(Date date, bool office_decision) const {
    return date <= (office_decision ? decisions : reports);
  }
};

}  // namespace duban
