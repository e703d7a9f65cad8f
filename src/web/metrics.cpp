#include "web/metrics.h"

#include "web/prometheus_text.h"

namespace ta {
namespace p = prometheus;

void Metrics::observe_crawl(const std::string& site, std::int64_t duration_ms, int items, int new_items, bool ok) {
  std::lock_guard<std::mutex> lock(mutex_);
  SiteCounters& s = sites_[site];
  (ok ? s.cycles_ok : s.cycles_failed) += 1;
  s.items += items;
  s.new_items += new_items;
  const double seconds = static_cast<double>(duration_ms) / 1000.0;
  for (size_t i = 0; i < kDurationBuckets.size(); ++i) {
    if (seconds <= kDurationBuckets[i]) {
      ++s.buckets[i];
      break;
    }
  }
  ++s.duration_count;
  s.duration_sum_s += seconds;
}

void Metrics::count_delivery(const std::string& status) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++deliveries_[status];
}

void Metrics::count_rate_limited(std::int64_t n) {
  std::lock_guard<std::mutex> lock(mutex_);
  rate_limited_ += n;
}

void Metrics::set_browser_restarts(std::int64_t n) {
  std::lock_guard<std::mutex> lock(mutex_);
  browser_restarts_ = n;
}

std::string Metrics::render(const std::map<std::string, std::int64_t>& deliveries_by_status, long rss_kib) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string out;

  out += p::header("ticket_alarm_cycles_total", "counter", "Crawl cycles per site and result.");
  for (const auto& [site, s] : sites_) {
    out += p::sample("ticket_alarm_cycles_total", {{"site", site}, {"result", "ok"}}, static_cast<double>(s.cycles_ok));
    out += p::sample("ticket_alarm_cycles_total", {{"site", site}, {"result", "error"}},
                     static_cast<double>(s.cycles_failed));
  }
  out += p::header("ticket_alarm_items_total", "counter", "Notices extracted per site.");
  for (const auto& [site, s] : sites_) out += p::sample("ticket_alarm_items_total", {{"site", site}}, static_cast<double>(s.items));
  out += p::header("ticket_alarm_new_items_total", "counter", "Notices seen for the first time per site.");
  for (const auto& [site, s] : sites_)
    out += p::sample("ticket_alarm_new_items_total", {{"site", site}}, static_cast<double>(s.new_items));

  out += p::header("ticket_alarm_crawl_duration_seconds", "histogram", "Duration of one site's crawl.");
  for (const auto& [site, s] : sites_) {
    std::int64_t cumulative = 0;
    for (size_t i = 0; i < kDurationBuckets.size(); ++i) {
      cumulative += s.buckets[i];
      out += p::sample("ticket_alarm_crawl_duration_seconds_bucket", {{"site", site}, {"le", p::format_value(kDurationBuckets[i])}},
                       static_cast<double>(cumulative));
    }
    out += p::sample("ticket_alarm_crawl_duration_seconds_bucket", {{"site", site}, {"le", "+Inf"}},
                     static_cast<double>(s.duration_count));
    out += p::sample("ticket_alarm_crawl_duration_seconds_sum", {{"site", site}}, s.duration_sum_s);
    out += p::sample("ticket_alarm_crawl_duration_seconds_count", {{"site", site}}, static_cast<double>(s.duration_count));
  }

  out += p::header("ticket_alarm_delivery_attempts_total", "counter", "Discord send attempts by outcome.");
  for (const char* status : {"sent", "failed", "retry", "dead"}) {
    auto it = deliveries_.find(status);
    out += p::sample("ticket_alarm_delivery_attempts_total", {{"status", status}},
                     static_cast<double>(it == deliveries_.end() ? 0 : it->second));
  }
  out += p::header("ticket_alarm_deliveries", "gauge", "Deliveries in the store by status.");
  for (const auto& [status, n] : deliveries_by_status) out += p::sample("ticket_alarm_deliveries", {{"status", status}}, static_cast<double>(n));

  out += p::header("ticket_alarm_rate_limited_total", "counter", "Discord 429 answers.");
  out += p::sample("ticket_alarm_rate_limited_total", {}, static_cast<double>(rate_limited_));
  out += p::header("ticket_alarm_browser_restarts_total", "counter", "Crashed or hung browsers replaced.");
  out += p::sample("ticket_alarm_browser_restarts_total", {}, static_cast<double>(browser_restarts_));
  out += p::header("ticket_alarm_controller_rss_bytes", "gauge", "Resident memory of the ticket-alarm process.");
  out += p::sample("ticket_alarm_controller_rss_bytes", {}, static_cast<double>(rss_kib) * 1024.0);
  return out;
}

}  // namespace ta
