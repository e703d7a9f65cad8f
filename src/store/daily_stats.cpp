#include "store/daily_stats.h"

#include "store/sqlite.h"
#include "normalize/kst_time.h"

namespace ta {

void bump_daily_stats(Database& db, std::time_t now, const std::string& site, const DailyDelta& delta) {
  Statement q(db,
              "INSERT INTO daily_stats (day, site, crawled, new, sent, failed) VALUES (?, ?, ?, ?, ?, ?) "
              "ON CONFLICT(day, site) DO UPDATE SET crawled = crawled + excluded.crawled, new = new + excluded.new, "
              "sent = sent + excluded.sent, failed = failed + excluded.failed");
  q.bind(1, format_kst_day(now)).bind(2, site).bind(3, delta.crawled).bind(4, delta.new_items);
  q.bind(5, delta.sent).bind(6, delta.failed);
  q.run();
}

}  // namespace ta
