#pragma once
// Pages kept open between cycles, one per site: a quiet cycle re-reads the site's data layer (its
// in-page API call, with the session the page already has) instead of rendering the site again.
// A page is rendered anew every `full_every` cycles, when it is older than `max_age`, after any
// failure (the caller never gives a failed page back), and when the replayed archive changed.
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "cdp/pool.h"

namespace ta {

struct WarmPolicy {
  int full_every = 10;  // 1: every cycle navigates (no warm reads)
  std::chrono::seconds max_age{1800};
};

struct WarmPage {
  cdp::PageLease lease;
  std::string url;     // the entry page it rendered
  std::string source;  // what answered it: "" for the network, the archive's identity in replay
  int reads = 0;       // warm reads since it was rendered
  std::chrono::steady_clock::time_point rendered;
};

class WarmPages {
 public:
  using Now = std::function<std::chrono::steady_clock::time_point()>;
  explicit WarmPages(WarmPolicy policy, Now now = [] { return std::chrono::steady_clock::now(); });

  // The site's page when it may be re-read now; it leaves the set (give it back with keep()).
  // A page that may not be re-read is closed, so its slot is free for the navigation that follows.
  std::optional<WarmPage> take(const std::string& site, const std::string& source);
  // A page that just gave a good list: freshly rendered (reads 0) or re-read (reads counted).
  void keep(const std::string& site, WarmPage page);
  // A page that rendered its site now.
  WarmPage rendered(cdp::PageLease lease, const std::string& url, const std::string& source) const;
  // Closes the kept pages whose browser waits to be recycled (see PageLease::browser_retiring):
  // called before a navigation leases a page, so held pages never keep a browser from restarting.
  void release_retiring();
  void clear();
  std::size_t size() const;
  const WarmPolicy& policy() const { return policy_; }

 private:
  bool reusable(const WarmPage& page, const std::string& source) const;

  WarmPolicy policy_;
  Now now_;
  mutable std::mutex mutex_;
  std::map<std::string, WarmPage> pages_;
};

}  // namespace ta
