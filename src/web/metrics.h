#pragma once
// Counters the monitor feeds while it works, rendered in the Prometheus text format for /metrics.
// Thread-safe: crawls run concurrently and the web server reads from its own threads.
#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace ta {

class Metrics {
 public:
  // Upper bounds (seconds) of the crawl duration histogram; +Inf is implied.
  static constexpr std::array<double, 7> kDurationBuckets = {1, 2, 5, 10, 20, 30, 60};

  void observe_crawl(const std::string& site, std::int64_t duration_ms, int items, int new_items, bool ok);
  // status: sent | failed | retry | dead
  void count_delivery(const std::string& status);
  void count_rate_limited(std::int64_t n);
  // The pool counts restarts itself; this mirrors its total.
  void set_browser_restarts(std::int64_t n);

  // Everything counted so far plus the gauges the caller reads at scrape time: the store's
  // deliveries by status and this process's resident memory.
  std::string render(const std::map<std::string, std::int64_t>& deliveries_by_status, long rss_kib) const;

 private:
  struct SiteCounters {
    std::int64_t cycles_ok = 0;
    std::int64_t cycles_failed = 0;
    std::int64_t items = 0;
    std::int64_t new_items = 0;
    std::array<std::int64_t, kDurationBuckets.size()> buckets{};  // non-cumulative
    std::int64_t duration_count = 0;
    double duration_sum_s = 0;
  };

  mutable std::mutex mutex_;
  std::map<std::string, SiteCounters> sites_;
  std::map<std::string, std::int64_t> deliveries_;
  std::int64_t rate_limited_ = 0;
  std::int64_t browser_restarts_ = 0;
};

}  // namespace ta
