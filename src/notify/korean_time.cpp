#include "notify/korean_time.h"

#include "normalize/kst_time.h"

namespace ta {

std::string format_korean_kst(std::time_t t) {
  static const char* const kWeekdays[7] = {"일", "월", "화", "수", "목", "금", "토"};
  KstDateTime k = kst_from_epoch(t);
  long long days = days_from_civil(k.date);
  // 1970-01-01 was a Thursday (index 4).
  int weekday = static_cast<int>(((days % 7) + 7 + 4) % 7);
  int hour12 = k.hour % 12 == 0 ? 12 : k.hour % 12;
  std::string out = std::to_string(k.date.year) + "년 " + std::to_string(k.date.month) + "월 " +
                    std::to_string(k.date.day) + "일 (" + kWeekdays[weekday] + ") " +
                    (k.hour < 12 ? "오전 " : "오후 ") + std::to_string(hour12) + "시";
  if (k.minute != 0) out += " " + std::to_string(k.minute) + "분";
  return out;
}

}  // namespace ta
