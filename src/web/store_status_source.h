#pragma once
// `serve` without a monitor in this process: what the store's cycles table says. The next run is
// unknown, and consecutive failures are 1 when the latest cycle failed (the store keeps no streak).
#include "config/config.h"
#include "store/store.h"
#include "web/metrics.h"
#include "web/status_source.h"

namespace ta {

class StoreStatusSource : public StatusSource {
 public:
  StoreStatusSource(const Config& config, Store& store) : config_(config), store_(store) {}
  std::vector<SiteRun> site_runs() override;
  int interval_s() override { return config_.interval; }
  Metrics& metrics() override { return metrics_; }

 private:
  const Config& config_;
  Store& store_;
  Metrics metrics_;  // stays empty: no crawls happen in this process
};

}  // namespace ta
