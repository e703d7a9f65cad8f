#pragma once
// How an open time reads to a Korean fan, independent of the host's time zone.
#include <ctime>
#include <string>

namespace ta {

// KST wall clock in Korean: "2025년 7월 3일 (목) 오후 4시", "… 오후 4시 30분". Midnight and noon read
// "오전 12시" and "오후 12시", as on ticket sites.
std::string format_korean_kst(std::time_t t);

}  // namespace ta
