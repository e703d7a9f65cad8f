#include "cli/monitor_status.h"

namespace ta {

MonitorStatus::MonitorStatus(Monitor& monitor, cdp::BrowserPool& pool, int interval_s)
    : monitor_(monitor), pool_(pool), interval_s_(interval_s) {
  MonitorEvents events;
  events.on_crawl = [this](const std::string& site, long long ms, int items, int new_items, bool ok) {
    metrics_.observe_crawl(site, ms, items, new_items, ok);
  };
  events.on_delivery = [this](const NotifyReport& r) {
    for (std::size_t i = 0; i < r.sent; ++i) metrics_.count_delivery("sent");
    for (std::size_t i = 0; i < r.failed; ++i) metrics_.count_delivery("failed");
    for (std::size_t i = 0; i < r.pending; ++i) metrics_.count_delivery("retry");
    if (r.webhook_dead) metrics_.count_delivery("dead");
    metrics_.count_rate_limited(static_cast<std::int64_t>(r.rate_limited));
  };
  monitor_.set_events(std::move(events));
}

std::vector<SiteRun> MonitorStatus::site_runs() {
  std::vector<SiteRun> out;
  for (const auto& s : monitor_.site_states()) out.push_back({s.site, s.last_run, s.next_run, s.consecutive_failures});
  return out;
}

Metrics& MonitorStatus::metrics() {
  auto stats = pool_.stats();
  metrics_.set_browser_restarts(stats.browser_restarts + stats.browser_recycles);
  return metrics_;
}

}  // namespace ta
