#pragma once
// N browsers × M pages. A lease hands out a fresh isolated page and gives its slot back when it
// goes out of scope. Browsers are recycled after max_pages_per_browser pages or when their
// processes pass max_memory_mb, and replaced when they crash or hang; only the jobs that were on
// a dead browser fail.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "cdp/browser.h"
#include "cdp/page.h"
#include "config/config.h"

namespace ta::cdp {

struct PoolOptions {
  int browsers = 2;
  int pages_per_browser = 2;
  int max_pages_per_browser = 50;
  long max_memory_mb = 1024;
  int launch_timeout_s = 20;
  LaunchOptions launch;
  std::vector<std::string> connect;  // remote endpoints: launch nothing
  PageOptions page;                  // defaults for every page (block types, proxy, UA)
  std::string scripts_dir;           // where scripts/cdp lives

  static PoolOptions from_config(const Config& config);
};

struct PoolStats {
  int browsers_running = 0;
  int pages_in_use = 0;
  long pages_served = 0;
  long browser_restarts = 0;  // crashed or hung browsers replaced
  long browser_recycles = 0;  // retired after max pages / memory
  long chromium_memory_kib = 0;
};

class BrowserPool;

class PageLease {
 public:
  PageLease() = default;
  PageLease(PageLease&&) noexcept;
  PageLease& operator=(PageLease&&) noexcept;
  ~PageLease();
  Page* operator->() const { return page_.get(); }
  Page& page() const { return *page_; }
  explicit operator bool() const { return page_ != nullptr; }
  // Gives the page back now (closes its context).
  void release();
  // True when its browser waits to be recycled or replaced: a page held across jobs (warm
  // polling) must then be given back, or the browser can never restart.
  bool browser_retiring() const;

 private:
  friend class BrowserPool;
  PageLease(BrowserPool* pool, size_t slot, std::unique_ptr<Page> page)
      : pool_(pool), slot_(slot), page_(std::move(page)) {}
  BrowserPool* pool_ = nullptr;
  size_t slot_ = 0;
  std::unique_ptr<Page> page_;
};

class BrowserPool {
 public:
  explicit BrowserPool(PoolOptions options);
  ~BrowserPool();
  BrowserPool(const BrowserPool&) = delete;
  BrowserPool& operator=(const BrowserPool&) = delete;

  // Waits for a free page until `deadline`. `overrides` replaces the pool's page options for this
  // lease (e.g. a HAR archive to replay). Throws TimeoutError, LaunchError, CdpError.
  PageLease lease(const Deadline& deadline);
  PageLease lease(const PageOptions& page_options, const Deadline& deadline);

  // Starts the browsers now instead of on first use (and checks that Chromium can start).
  void warm_up(const Deadline& deadline);
  // Closes every browser (Browser.close, then the process group is killed). Leases fail after this.
  void shutdown() noexcept;
  PoolStats stats() const;
  bool slot_retiring(size_t slot) const;
  std::vector<pid_t> browser_pids() const;
  std::vector<std::string> profile_dirs() const;
  const PoolOptions& options() const { return options_; }

 private:
  friend class PageLease;
  struct Slot {
    std::unique_ptr<Browser> browser;
    int in_use = 0;
    long pages_served = 0;
    bool starting = false;
    bool retiring = false;
    bool broken = false;  // hung: replace when no job uses it
  };
  void give_back(size_t slot, std::unique_ptr<Page> page) noexcept;
  std::unique_ptr<Browser> start_browser(size_t slot, const Deadline& deadline);
  bool needs_recycle(const Slot& s) const;

  PoolOptions options_;
  mutable std::mutex mutex_;
  std::mutex shutdown_mutex_;  // held for the whole of shutdown()
  std::condition_variable cv_;
  std::vector<Slot> slots_;
  bool shut_down_ = false;
  PoolStats counters_;
};

}  // namespace ta::cdp
