#pragma once
// A browser pool for one-shot commands (eval, crawl, record): one browser, closed on SIGINT/SIGTERM.
#include <memory>

#include "cdp/pool.h"
#include "config/config.h"

namespace ta {

class CommandPool {
 public:
  explicit CommandPool(const Config& config, int browsers = 1);
  ~CommandPool();
  cdp::BrowserPool& pool() { return *pool_; }

 private:
  std::unique_ptr<cdp::BrowserPool> pool_;
  int shutdown_callback_ = 0;
};

}  // namespace ta
