#pragma once
// A local Chromium: launched in its own process group with a temporary profile (profile_dir.h)
// and --remote-debugging-port=0; the DevTools endpoint is read from its stderr. The kernel kills
// it when this process dies, even by SIGKILL (PR_SET_PDEATHSIG). Destruction kills the whole
// group, reaps it and removes the profile.
#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "config/config.h"
#include "util/deadline.h"

namespace ta::cdp {

struct LaunchOptions {
  std::string binary;  // empty: found on PATH
  std::vector<std::string> extra_args;
  bool headless = true;
};

// The Chromium binary to run: `configured` when set, else the first of chromium,
// chromium-browser, google-chrome-stable, google-chrome on PATH. Throws LaunchError with install
// advice when none exists.
std::string find_chromium(const std::string& configured);

// Flags for a headless browser on a closed network; --no-sandbox only when running as root.
std::vector<std::string> chromium_flags(const std::string& profile_dir, const LaunchOptions& options);

class BrowserProcess {
 public:
  // Throws LaunchError (with Chromium's last stderr lines) or TimeoutError.
  static std::unique_ptr<BrowserProcess> launch(const LaunchOptions& options, const Deadline& deadline);
  ~BrowserProcess();
  BrowserProcess(const BrowserProcess&) = delete;
  BrowserProcess& operator=(const BrowserProcess&) = delete;

  const std::string& ws_endpoint() const;
  pid_t pid() const;
  const std::string& profile_dir() const;
  const std::string& binary() const;
  bool running() const;
  long memory_kib() const;  // the whole process group
  std::vector<std::string> stderr_tail() const;
  // Kills the group, reaps every process and removes the profile. Idempotent.
  void terminate();

  struct Impl;

 private:
  explicit BrowserProcess(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace ta::cdp
