#include "web/store_status_source.h"

#include <algorithm>

namespace ta {

std::vector<SiteRun> StoreStatusSource::site_runs() {
  std::vector<SiteRun> out;
  for (const auto& s : store_.site_status()) {
    SiteRun r;
    r.site = s.site;
    r.last_run = std::max(s.last_success_at.value_or(0), s.last_error_at.value_or(0));
    const bool latest_failed = s.last_error_at && (!s.last_success_at || *s.last_error_at > *s.last_success_at);
    r.consecutive_failures = latest_failed ? 1 : 0;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace ta
