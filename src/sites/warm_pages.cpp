#include "sites/warm_pages.h"

#include <vector>

namespace ta {

WarmPages::WarmPages(WarmPolicy policy, Now now) : policy_(policy), now_(std::move(now)) {}

bool WarmPages::reusable(const WarmPage& page, const std::string& source) const {
  if (!page.lease || page.lease->crashed() || page.lease.browser_retiring()) return false;
  return page.source == source && page.reads + 1 < policy_.full_every && now_() - page.rendered < policy_.max_age;
}

std::optional<WarmPage> WarmPages::take(const std::string& site, const std::string& source) {
  std::optional<WarmPage> out;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = pages_.find(site);
    if (it == pages_.end()) return std::nullopt;
    out = std::move(it->second);
    pages_.erase(it);
  }
  if (reusable(*out, source)) return out;
  return std::nullopt;  // `out` closes its page here, outside the lock
}

void WarmPages::keep(const std::string& site, WarmPage page) {
  if (policy_.full_every <= 1 || page.lease.browser_retiring()) return;
  std::optional<WarmPage> replaced;
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = pages_.find(site);
  if (it != pages_.end()) replaced = std::move(it->second);
  pages_[site] = std::move(page);
}

WarmPage WarmPages::rendered(cdp::PageLease lease, const std::string& url, const std::string& source) const {
  WarmPage page;
  page.lease = std::move(lease);
  page.url = url;
  page.source = source;
  page.rendered = now_();
  return page;
}

void WarmPages::release_retiring() {
  std::vector<WarmPage> released;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = pages_.begin(); it != pages_.end();) {
      if (it->second.lease.browser_retiring()) {
        released.push_back(std::move(it->second));
        it = pages_.erase(it);
      } else {
        ++it;
      }
    }
  }
}

void WarmPages::clear() {
  std::map<std::string, WarmPage> pages;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    pages.swap(pages_);
  }
}

std::size_t WarmPages::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return pages_.size();
}

}  // namespace ta
