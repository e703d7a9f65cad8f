#pragma once
// What the dashboard shows while `run --web` works: the monitor's own schedule and the counters it
// feeds into /metrics.
#include "cdp/pool.h"
#include "monitor/monitor.h"
#include "web/metrics.h"
#include "web/status_source.h"

namespace ta {

class MonitorStatus : public StatusSource {
 public:
  MonitorStatus(Monitor& monitor, cdp::BrowserPool& pool, int interval_s);
  std::vector<SiteRun> site_runs() override;
  int interval_s() override { return interval_s_; }
  Metrics& metrics() override;
  std::string store_problem() override { return monitor_.store_problem(); }

 private:
  Monitor& monitor_;
  cdp::BrowserPool& pool_;
  int interval_s_;
  Metrics metrics_;
};

}  // namespace ta
