#pragma once
// daily_stats rows are keyed by the KST day, because that is the day a Korean user reads.
#include <cstdint>
#include <ctime>
#include <string>

namespace ta {

class Database;

struct DailyDelta {
  std::int64_t crawled = 0;
  std::int64_t new_items = 0;
  std::int64_t sent = 0;
  std::int64_t failed = 0;
};

void bump_daily_stats(Database& db, std::time_t now, const std::string& site, const DailyDelta& delta);

}  // namespace ta
