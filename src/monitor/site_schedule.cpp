#include "monitor/site_schedule.h"

#include <algorithm>

namespace ta {

SiteSchedule::SiteSchedule(int interval_s, int jitter_s, int max_backoff_s, unsigned seed)
    : interval_s_(interval_s), jitter_s_(jitter_s), max_backoff_s_(max_backoff_s), rng_(seed) {}

bool SiteSchedule::due(const SiteDescriptor& site, Clock::time_point now) const {
  auto nb = not_before_.find(site.id);
  if (nb != not_before_.end() && now < nb->second) return false;
  auto hv = host_visited_.find(site.host());
  return hv == host_visited_.end() || now >= hv->second + std::chrono::seconds(site.min_host_spacing_s);
}

void SiteSchedule::visited(const SiteDescriptor& site, Clock::time_point now) { host_visited_[site.host()] = now; }

bool SiteSchedule::asks_to_slow_down(const CrawlResult& r) {
  if (r.error_kind == CrawlErrorKind::timeout) return true;
  return r.error_kind == CrawlErrorKind::http_status &&
         (r.http_status == 403 || r.http_status == 423 || r.http_status == 429 || r.http_status >= 500);
}

void SiteSchedule::record(const SiteDescriptor& site, const CrawlResult& r, Clock::time_point now) {
  if (r.ok) {
    failures_[site.id] = 0;
    not_before_.erase(site.id);
    return;
  }
  int n = ++failures_[site.id];
  if (!asks_to_slow_down(r)) return;
  // interval × 2^(n-1), capped: a site that pushes back is visited less and less often.
  long long backoff = static_cast<long long>(std::max(1, interval_s_)) << std::min(n - 1, 20);
  backoff = std::min<long long>(backoff, std::max(1, max_backoff_s_));
  not_before_[site.id] = now + std::chrono::seconds(backoff);
}

int SiteSchedule::failures(const std::string& site) const {
  auto it = failures_.find(site);
  return it == failures_.end() ? 0 : it->second;
}

SiteSchedule::Clock::time_point SiteSchedule::next_run(const std::string& site) const {
  auto it = not_before_.find(site);
  return it == not_before_.end() ? Clock::time_point{} : it->second;
}

SiteSchedule::Clock::time_point SiteSchedule::next_cycle(Clock::time_point now) {
  int jitter = 0;
  if (jitter_s_ > 0) jitter = std::uniform_int_distribution<int>(-jitter_s_, jitter_s_)(rng_);
  return now + std::chrono::seconds(std::max(1, interval_s_ + jitter));
}

}  // namespace ta
