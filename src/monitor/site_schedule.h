#pragma once
// When each site may be crawled next: the interval with jitter, a minimum spacing per host, and
// exponential backoff after failures the site answers with (403, 423, 429, timeouts).
#include <chrono>
#include <map>
#include <random>
#include <string>

#include "sites/crawler.h"
#include "sites/site.h"

namespace ta {

class SiteSchedule {
 public:
  using Clock = std::chrono::system_clock;
  SiteSchedule(int interval_s, int jitter_s, int max_backoff_s, unsigned seed = std::random_device{}());

  bool due(const SiteDescriptor& site, Clock::time_point now) const;
  void visited(const SiteDescriptor& site, Clock::time_point now);
  // Success resets the site's backoff; a failure that says "slow down" doubles it.
  void record(const SiteDescriptor& site, const CrawlResult& r, Clock::time_point now);
  int failures(const std::string& site) const;
  Clock::time_point next_run(const std::string& site) const;
  // The next cycle's start: interval ± jitter from `now`.
  Clock::time_point next_cycle(Clock::time_point now);

  static bool asks_to_slow_down(const CrawlResult& r);

 private:
  int interval_s_, jitter_s_, max_backoff_s_;
  std::mt19937 rng_;
  std::map<std::string, Clock::time_point> not_before_;    // per site (backoff)
  std::map<std::string, Clock::time_point> host_visited_;  // per host
  std::map<std::string, int> host_spacing_s_;
  std::map<std::string, int> failures_;
};

}  // namespace ta
