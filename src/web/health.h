#pragma once
// /healthz: healthy when every enabled site crawled successfully within two intervals and the
// webhook is usable. Reasons are Korean sentences for whoever reads the probe's output.
#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "store/store.h"
#include "web/status_source.h"

namespace ta {

struct HealthReport {
  bool ok = true;
  std::vector<std::string> reasons;
};

// Why `site` is unhealthy, or nullopt. `status` is the store's view of it (nullopt: no cycle yet).
std::optional<std::string> site_problem(const std::string& site, const std::optional<SiteStatus>& status,
                                        int interval_s, std::time_t now);
HealthReport check_health(const Config& config, Store& store, StatusSource& source, std::time_t now);

// "2025-07-01 12:00" (KST).
std::string kst_minute(std::time_t t);

}  // namespace ta
