#include <map>

#include "log/log.h"
#include "notify/webhook_url.h"
#include "normalize/kst_time.h"
#include "web/api_views.h"

namespace ta {
namespace {

constexpr int kStatDays = 30;

}  // namespace

nlohmann::json stats_view(const Config& config, Store& store, std::time_t now) {
  std::map<std::string, DailyCount> by_day;
  for (const auto& c : store.daily_counts(now, kStatDays)) {
    DailyCount& d = by_day[c.day];
    d.crawled += c.crawled;
    d.new_items += c.new_items;
    d.sent += c.sent;
    d.failed += c.failed;
  }
  nlohmann::json days = nlohmann::json::array();
  for (int back = kStatDays - 1; back >= 0; --back) {
    const std::string day = format_kst_day(now - static_cast<std::time_t>(back) * 86400);
    const DailyCount& d = by_day[day];
    days.push_back({{"day", day}, {"crawled", d.crawled}, {"new", d.new_items}, {"sent", d.sent}, {"failed", d.failed}});
  }

  const auto counts = store.counts_by_status();
  auto count = [&](const char* status) {
    auto it = counts.find(status);
    return it == counts.end() ? std::int64_t{0} : it->second;
  };

  nlohmann::json webhook = {{"configured", !config.DISCORD_WEBHOOK_URL.empty()}, {"status", nullptr}, {"last_error", ""}};
  if (const std::string key = webhook_key(config.DISCORD_WEBHOOK_URL); !key.empty()) {
    if (auto state = store.webhook_status(key)) {
      webhook["status"] = state->status;
      webhook["last_error"] = redact(state->last_error);
      webhook["updated_at"] = static_cast<std::int64_t>(state->updated_at);
    }
  }
  return {{"now", static_cast<std::int64_t>(now)},
          {"days", days},
          // Waiting in any state; deferred and retry say how much of it is held back and why.
          {"pending", count("pending") + count("deferred") + count("retry")},
          {"deferred", count("deferred")},
          {"retry", count("retry")},
          {"sent", count("sent")},
          {"failed", count("failed")},
          {"stale", count("stale")},
          {"webhook", webhook},
          {"routes", routes_view(config, store)}};
}

}  // namespace ta
