#pragma once
// The few time conversions the store needs. ta_store does not link ta_normalize (see CMake), so
// this is a small self-contained copy: KST is a fixed UTC+9 (no DST since 1988).
#include <ctime>
#include <optional>
#include <string>

namespace ta::store_time {

// "YYYY-MM-DD" of the KST calendar day containing `t`.
std::string kst_day(std::time_t t);
// "YYYY-MM-DDTHH:MM:SS+09:00".
std::string kst_iso(std::time_t t);
// An ISO 8601 date-time (`T` or space; optional seconds and fraction; `Z`, `+HH:MM`, `+HHMM`;
// no offset = KST). nullopt for anything else, including a bare date.
std::optional<std::time_t> parse_iso(const std::string& text);

}  // namespace ta::store_time
