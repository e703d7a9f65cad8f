#pragma once
// The time-of-day half of an open time.
#include <optional>

#include "normalize/text_scanner.h"

namespace ta {

struct ClockText {
  int hour = 0;  // 24-hour clock once AM/PM has been applied
  int minute = 0;
  int second = 0;
};

// Reads `16:00`, `16:00:00`, `4:00`, `20:00PM`, `08:00 PM`, `PM 8:00`, `오후 8시`, `오후 8시 30분`,
// `20시 반`, `오전 11:00` at the scanner's position. AM/PM (오전/오후) only moves hours 1-12, and
// 12 AM is midnight; an hour already past 12 keeps its value. Not range-checked; on failure the
// position is unchanged.
std::optional<ClockText> read_clock(TextScanner& sc);

}  // namespace ta
