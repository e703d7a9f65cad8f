#include "cli/command_pool.h"

#include "util/process_group.h"
#include "util/resource_dir.h"
#include "util/shutdown.h"

namespace ta {

CommandPool::CommandPool(const Config& config, int browsers) {
  cdp::PoolOptions options = cdp::PoolOptions::from_config(config);
  options.browsers = browsers;
  options.scripts_dir = scripts_root() + "/cdp";
  become_child_subreaper();
  pool_ = std::make_unique<cdp::BrowserPool>(options);
  cdp::BrowserPool* raw = pool_.get();
  shutdown_callback_ = Shutdown::instance().add_callback([raw] { raw->shutdown(); });
}

CommandPool::~CommandPool() {
  Shutdown::instance().remove_callback(shutdown_callback_);
  pool_->shutdown();
}

}  // namespace ta
