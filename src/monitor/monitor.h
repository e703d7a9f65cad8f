#pragma once
// The monitor: each cycle crawls every due site concurrently, stores what it found (queuing
// deliveries in the same transaction), and sends what is due — site by site as each crawl ends,
// so a slow or failing site never delays another's alerts. run_loop() sends on a thread of its
// own (DeliveryWorker), so sending and crawling never wait for each other; run_cycle() alone
// (`once`) sends on the calling thread.
#include <ctime>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cdp/pool.h"
#include "config/config.h"
#include "monitor/delivery_runner.h"
#include "monitor/delivery_worker.h"
#include "monitor/keyword_filter.h"
#include "monitor/site_schedule.h"
#include "notify/stop_signal.h"
#include "sites/warm_pages.h"
#include "store/store.h"

namespace ta {

// Where --replay-dir keeps a site's archive: DIR/<site>.har.
std::string replay_path(const std::string& dir, const std::string& site);

struct MonitorOptions {
  bool dry_run = false;
  std::string replay_dir;  // set: each site from <dir>/<site>.har, "now" from the archive
};

struct SiteRunState {
  std::string site;
  std::time_t last_run = 0;
  std::time_t next_run = 0;
  int consecutive_failures = 0;
};

// Hooks for whoever watches the monitor (metrics for /metrics). on_crawl is called on the
// monitor's thread, on_delivery on a sending thread (one per route: it must be thread-safe).
struct MonitorEvents {
  std::function<void(const std::string& site, long long duration_ms, int items, int new_items, bool ok)> on_crawl;
  std::function<void(const NotifyReport& report)> on_delivery;
};

struct CycleReport {
  int sites_ok = 0;
  int sites_failed = 0;
  int sites_skipped = 0;  // not due (backoff, host spacing) or no archive in --replay-dir
  int items = 0;
  int new_items = 0;
  std::size_t sent = 0;
  std::size_t pending = 0;
  std::size_t failed = 0;
  std::size_t rate_limited = 0;
  bool webhook_dead = false;
  bool record_failed = false;  // a sent message's result could not be stored (see DeliveryRunner)
  bool store_failed = false;   // a crawl's result could not be stored (full disk, damaged database)
};

class Monitor {
 public:
  Monitor(const Config& config, Store& store, cdp::BrowserPool& pool, MonitorOptions options);
  ~Monitor();

  CycleReport run_cycle();
  // Cycles until stop() (or a SIGINT/SIGTERM through Shutdown); returns the exit code.
  int run_loop();
  // Wakes the loop and any rate-limit wait; deliveries in flight finish first.
  void stop();

  std::vector<SiteRunState> site_states() const;
  void set_events(MonitorEvents events) { events_ = std::move(events); }
  long cycles() const { return cycles_; }
  const DeliveryRunner& deliveries() const { return *deliveries_; }
  // Why the store refused what the monitor had to write ("" when it did not): a crawl's result
  // or a sent message's. For /healthz and the log.
  std::string store_problem() const;

 private:
  CrawlResult crawl(const SiteDescriptor& site);
  void log_queued_without_webhook(const SiteDescriptor& site, const CrawlOutcome& outcome);
  void store_result(const SiteDescriptor& site, const CrawlResult& r, CycleReport& report);
  void judge_canary(const SiteDescriptor& site, const CrawlResult& r);
  // The cycle's boundary for a failure to store or send one site's result: logged, counted, and
  // the other sites carry on (their crawls are joined, never abandoned).
  void store_and_deliver(const SiteDescriptor& site, const CrawlResult& r, CycleReport& report);
  void log_memory();
  void add_delivery(const NotifyReport& n, CycleReport& report);
  void start_cycle_deliveries();
  // Sends what is due: through the worker when there is one, else right here.
  void deliver_now(CycleReport& report);
  void start_delivery_worker();
  void stop_delivery_worker();

  const Config& config_;
  Store& store_;
  cdp::BrowserPool& pool_;
  MonitorOptions options_;
  SiteSchedule schedule_;
  StopSignal stop_;
  std::unique_ptr<DeliveryRunner> deliveries_;
  std::mutex worker_mutex_;
  std::vector<std::unique_ptr<DeliveryWorker>> workers_;  // run_loop() only: one per route with a webhook
  std::vector<SiteDescriptor> sites_;
  mutable std::mutex state_mutex_;
  std::string store_problem_;  // guarded by state_mutex_
  std::map<std::string, SiteRunState> states_;
  long cycles_ = 0;
  std::map<std::string, std::time_t> replay_now_;  // --replay-dir: each site's archive time (state_mutex_)
  std::time_t last_retention_ = 0;
  bool told_no_webhook_ = false;
  MonitorEvents events_;
  // Last, so that its pages go back to the pool before anything else of the monitor is gone.
  std::unique_ptr<WarmPages> warm_;  // null: every crawl navigates (full_navigation_every 1, or too few pages)
};

}  // namespace ta
