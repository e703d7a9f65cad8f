#pragma once
// The date half of an open time as Korean ticket sites write it.
#include <optional>

#include "normalize/text_scanner.h"

namespace ta {

struct DateText {
  std::optional<int> year;  // absent for `06.26` and `7월 1일`: the caller infers it
  int month = 0;
  int day = 0;
  std::optional<int> days_from_today;  // set for 오늘 / 내일 / 모레 instead of month/day
};

// Reads `2025.07.03`, `25.02.26`, `2025-06-24`, `2025. 7. 3.`, `06.26`, `08/23`,
// `2025년 07월 01일`, `7월 1일`, `오늘`, `내일`, `모레` at the scanner's position. Values are not
// range-checked here; on failure the position is unchanged.
std::optional<DateText> read_date(TextScanner& sc);

// Skips a day of the week in any form a page uses: `(목)`, `（목）` (already folded to ASCII),
// `[목]`, `목요일`, `(목요일)`, `(Thu)`, `Thursday`, and any other short bracketed note without
// digits (`(木)`, `(수·목)`). Does nothing when there is none. Returns the day read (0 = Monday …
// 6 = Sunday), when it was one, so that a year-less date can be placed in the right year.
std::optional<int> skip_weekday(TextScanner& sc);

}  // namespace ta
