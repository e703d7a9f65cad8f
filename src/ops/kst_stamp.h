#pragma once
// Backup and lock files are named and stamped in Korean time because the operators read them in
// KST; Korea has no DST, so a fixed +9 h is exact and does not depend on the host's TZ.
#include <ctime>
#include <string>

namespace ta {

// "20240501-033000": sorts like the time it names, safe in a file name.
std::string kst_file_stamp(std::time_t t);
// "2024-05-01 03:30:00 KST": for people.
std::string kst_display_time(std::time_t t);

}  // namespace ta
