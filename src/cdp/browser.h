#pragma once
// A browser the pool can open pages in: a Chromium we launched (and own), or one already running
// elsewhere that we only connect to (browser.connect).
#include <atomic>
#include <memory>
#include <string>

#include "cdp/browser_process.h"
#include "cdp/connection.h"
#include "cdp/page.h"

namespace ta::cdp {

class Browser {
 public:
  static std::unique_ptr<Browser> launch(const LaunchOptions& options, const Deadline& deadline);
  // `endpoint`: ws://host:port/devtools/browser/ID, or http://host:port (resolved via /json/version).
  static std::unique_ptr<Browser> connect(const std::string& endpoint, const Deadline& deadline);
  ~Browser();

  std::unique_ptr<Page> new_page(const PageOptions& options, const std::string& scripts_dir, const Deadline& deadline);

  bool alive() const;
  bool remote() const { return !process_; }
  // Resident memory of the browser's processes (0 for a remote browser).
  long memory_kib() const;
  pid_t pid() const { return process_ ? process_->pid() : 0; }
  std::string profile_dir() const { return process_ ? process_->profile_dir() : std::string(); }
  const std::string& product() const { return product_; }
  // The browser's user agent with "HeadlessChrome" replaced by "Chrome".
  const std::string& user_agent() const { return user_agent_; }
  const std::string& endpoint() const { return endpoint_; }
  std::shared_ptr<Connection> connection() const { return conn_; }
  std::vector<std::string> stderr_tail() const;

  // Local: Browser.close, then kill the process group. Remote: only disconnect. Never throws.
  void close() noexcept;

 private:
  Browser() = default;
  void read_version(const Deadline& deadline);

  std::unique_ptr<BrowserProcess> process_;
  std::shared_ptr<Connection> conn_;
  std::string endpoint_;
  std::string product_;
  std::string user_agent_;
  std::atomic<bool> closed_{false};
};

// GET http://host:port/json/version → webSocketDebuggerUrl.
std::string resolve_ws_endpoint(const std::string& endpoint, const Deadline& deadline);

}  // namespace ta::cdp
