#pragma once
// What the dashboard and /healthz need from whoever runs the crawls. The monitor implements it for
// `run --web`; `serve` alone uses StoreStatusSource, which only knows what the store remembers.
#include <ctime>
#include <string>
#include <vector>

namespace ta {

class Metrics;

struct SiteRun {
  std::string site;
  std::time_t last_run = 0;  // 0: not run yet (by this process)
  std::time_t next_run = 0;  // 0: unknown
  int consecutive_failures = 0;
};

class StatusSource {
 public:
  virtual ~StatusSource() = default;
  // Called from the web server's threads: implementations must be thread-safe.
  virtual std::vector<SiteRun> site_runs() = 0;
  virtual int interval_s() = 0;
  virtual Metrics& metrics() = 0;
  // Non-empty when the store refused what the monitor had to write (a full disk, a damaged
  // database): /healthz reports it. Only a running monitor knows.
  virtual std::string store_problem() { return ""; }
};

}  // namespace ta
