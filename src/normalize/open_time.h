#pragma once
// Turning what a site shows or stores about an open time into `YYYY-MM-DDTHH:MM:SS+09:00`.
// Nothing here guesses: text without both a date and a time yields nullopt.
#include <ctime>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace ta {

// The first date-with-time in free text, e.g. `선예매 2025.07.03(목) 16:00 / 일반예매 ...`.
// Understands `2025.07.03(목) 16:00`, `25.02.26(화) 14:00`, `06.26(목) 14:00`, `08/23 (금) 20:00PM`,
// `2025년 7월 1일 (화) 오후 8시`, `오늘 13:00` / `내일` / `모레`, `2025-06-24 10:00:00`, ISO 8601 and
// 12-13 digit epoch milliseconds. A year-less date takes the year (now-1, now, now+1) that puts
// it nearest to `now` (a UTC epoch); relative days count from today in KST. AM/PM only moves
// hours 1-12: `08:00PM` is 20:00, `12:00AM` is 00:00, `20:00PM` stays 20:00.
std::optional<std::string> parse_open_time(const std::string& text, std::time_t now);

// An item's `open_at` value: epoch milliseconds as a number or digit string, an ISO 8601 string
// (converted to +09:00; no offset means KST), or failing those any text parse_open_time reads.
std::optional<std::string> open_time_from_value(const nlohmann::json& value, std::time_t now);

}  // namespace ta
