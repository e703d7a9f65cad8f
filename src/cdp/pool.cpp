#include "cdp/pool.h"

#include "cdp/errors.h"
#include "log/log.h"
#include "util/proxy_url.h"

namespace ta::cdp {

PoolOptions PoolOptions::from_config(const Config& config) {
  PoolOptions o;
  o.browsers = std::max(1, config.browser.pool_size);
  o.pages_per_browser = std::max(1, config.browser.pages_per_browser);
  o.max_pages_per_browser = std::max(1, config.browser.max_pages_per_browser);
  o.max_memory_mb = config.browser.max_memory_mb;
  o.launch.binary = config.browser.path;
  o.launch.extra_args = config.browser.extra_args;
  o.connect = config.browser.connect;
  o.page.user_agent = config.browser.user_agent;
  o.page.block_types = {config.browser.block.begin(), config.browser.block.end()};
  // Chromium takes the server alone; the credentials answer the proxy's challenge (page.h).
  const ProxyUrl proxy = split_proxy_url(!config.proxy.https.empty() ? config.proxy.https : config.proxy.http);
  o.page.proxy_server = proxy.server;
  o.page.proxy_username = proxy.username;
  o.page.proxy_password = proxy.password;
  return o;
}

PageLease::PageLease(PageLease&& o) noexcept : pool_(o.pool_), slot_(o.slot_), page_(std::move(o.page_)) { o.pool_ = nullptr; }

PageLease& PageLease::operator=(PageLease&& o) noexcept {
  if (this != &o) {
    release();
    pool_ = o.pool_;
    slot_ = o.slot_;
    page_ = std::move(o.page_);
    o.pool_ = nullptr;
  }
  return *this;
}

PageLease::~PageLease() { release(); }

void PageLease::release() {
  if (pool_ && page_) pool_->give_back(slot_, std::move(page_));
  pool_ = nullptr;
  page_.reset();
}

bool PageLease::browser_retiring() const { return pool_ && page_ && pool_->slot_retiring(slot_); }

bool BrowserPool::slot_retiring(size_t slot) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return slot < slots_.size() && (slots_[slot].retiring || slots_[slot].broken);
}

BrowserPool::BrowserPool(PoolOptions options) : options_(std::move(options)) {
  size_t n = options_.connect.empty() ? static_cast<size_t>(std::max(1, options_.browsers)) : options_.connect.size();
  slots_.resize(n);
}

BrowserPool::~BrowserPool() { shutdown(); }

bool BrowserPool::needs_recycle(const Slot& s) const {
  if (!s.browser || s.browser->remote()) return false;
  if (s.pages_served >= options_.max_pages_per_browser) return true;
  return options_.max_memory_mb > 0 && s.browser->memory_kib() > options_.max_memory_mb * 1024;
}

std::unique_ptr<Browser> BrowserPool::start_browser(size_t slot, const Deadline& deadline) {
  auto launch_deadline = deadline.nested(std::chrono::seconds(options_.launch_timeout_s));
  if (!options_.connect.empty()) return Browser::connect(options_.connect[slot], launch_deadline);
  return Browser::launch(options_.launch, launch_deadline);
}

PageLease BrowserPool::lease(const Deadline& deadline) { return lease(options_.page, deadline); }

PageLease BrowserPool::lease(const PageOptions& page_options, const Deadline& deadline) {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    if (shut_down_) throw ConnectionClosedError("브라우저 풀이 종료되었습니다");
    // Prefer a running browser with room; otherwise an empty slot we can start a browser in.
    size_t chosen = slots_.size();
    for (size_t i = 0; i < slots_.size(); ++i) {
      Slot& s = slots_[i];
      if (s.starting || s.retiring) continue;
      if (s.browser && !s.broken && s.browser->alive() && s.in_use < options_.pages_per_browser) {
        chosen = i;
        break;
      }
    }
    if (chosen == slots_.size()) {
      for (size_t i = 0; i < slots_.size(); ++i) {
        Slot& s = slots_[i];
        if (s.starting || s.in_use > 0) continue;
        if (!s.browser || s.broken || !s.browser->alive() || s.retiring) {
          chosen = i;
          break;
        }
      }
    }
    if (chosen == slots_.size()) {
      if (cv_.wait_until(lock, deadline.at()) == std::cv_status::timeout)
        throw TimeoutError("브라우저 풀에서 빈 페이지 대기", 0);
      continue;
    }

    Slot& slot = slots_[chosen];
    if (!slot.browser || slot.broken || !slot.browser->alive() || slot.retiring) {
      std::unique_ptr<Browser> old = std::move(slot.browser);
      slot.broken = false;
      bool crashed = old && !slot.retiring;
      bool recycled = old && slot.retiring;
      slot.starting = true;
      slot.retiring = false;
      lock.unlock();
      if (old) {
        if (crashed && old->remote())
          logger("pool")->warn("원격 브라우저 연결이 끊어져 다시 연결합니다: {}", options_.connect[chosen]);
        else if (crashed)
          logger("pool")->warn("브라우저가 응답하지 않아 교체합니다 (pid {})", old->pid());
        old->close();
        old.reset();
      }
      std::unique_ptr<Browser> fresh;
      std::exception_ptr failure;
      try {
        fresh = start_browser(chosen, deadline);
      } catch (...) {
        failure = std::current_exception();
      }
      lock.lock();
      slot.starting = false;
      if (crashed) ++counters_.browser_restarts;
      if (recycled) ++counters_.browser_recycles;
      if (failure) {
        cv_.notify_all();
        std::rethrow_exception(failure);
      }
      if (shut_down_) {
        lock.unlock();
        fresh->close();
        throw ConnectionClosedError("브라우저 풀이 종료되었습니다");
      }
      slot.browser = std::move(fresh);
      slot.pages_served = 0;
      if (slot.browser->remote())
        logger("pool")->info("원격 브라우저 연결: {} ({})", slot.browser->product(), options_.connect[chosen]);
      else
        logger("pool")->info("브라우저 시작: {} (pid {})", slot.browser->product(), slot.browser->pid());
    }

    ++slot.in_use;
    ++slot.pages_served;
    ++counters_.pages_served;
    Browser* browser = slot.browser.get();
    lock.unlock();
    try {
      auto page = browser->new_page(page_options, options_.scripts_dir, deadline);
      return PageLease(this, chosen, std::move(page));
    } catch (const TimeoutError&) {
      // A browser that cannot open a tab in time is hung: replace it once its other jobs end.
      lock.lock();
      --slot.in_use;
      slot.broken = true;
      cv_.notify_all();
      throw;
    } catch (...) {
      lock.lock();
      --slot.in_use;
      cv_.notify_all();
      throw;
    }
  }
}

void BrowserPool::give_back(size_t slot_index, std::unique_ptr<Page> page) noexcept {
  // A hung or crashed page is not worth a graceful close, but closing it disposes its context.
  page->close();
  page.reset();
  std::unique_ptr<Browser> retired;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    Slot& s = slots_[slot_index];
    --s.in_use;
    if (!s.retiring && needs_recycle(s)) {
      s.retiring = true;
      logger("pool")->info("브라우저 재시작 예정: 페이지 {}개 사용, 메모리 {} MB", s.pages_served,
                           s.browser ? s.browser->memory_kib() / 1024 : 0);
    }
    if (s.retiring && s.in_use == 0 && !s.starting) {
      retired = std::move(s.browser);
      s.retiring = false;
      ++counters_.browser_recycles;
    }
    cv_.notify_all();
  }
  if (retired) retired->close();
}

void BrowserPool::warm_up(const Deadline& deadline) {
  for (size_t i = 0; i < slots_.size(); ++i) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (shut_down_ || slots_[i].browser || slots_[i].starting) continue;
      slots_[i].starting = true;
    }
    std::unique_ptr<Browser> fresh;
    std::exception_ptr failure;
    try {
      fresh = start_browser(i, deadline);
    } catch (...) {
      failure = std::current_exception();
    }
    std::lock_guard<std::mutex> lock(mutex_);
    slots_[i].starting = false;
    cv_.notify_all();
    if (failure) std::rethrow_exception(failure);
    slots_[i].browser = std::move(fresh);
    slots_[i].pages_served = 0;
  }
}

void BrowserPool::shutdown() noexcept {
  // A second caller (the destructor after a signal's shutdown) returns only once the browsers
  // are really closed: otherwise the process could exit in the middle of killing them.
  std::lock_guard<std::mutex> closing(shutdown_mutex_);
  std::vector<std::unique_ptr<Browser>> browsers;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    shut_down_ = true;
    for (auto& s : slots_)
      if (s.browser) browsers.push_back(std::move(s.browser));
    cv_.notify_all();
  }
  for (auto& b : browsers) b->close();
}

PoolStats BrowserPool::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  PoolStats st = counters_;
  for (const auto& s : slots_) {
    if (s.browser && s.browser->alive()) {
      ++st.browsers_running;
      st.chromium_memory_kib += s.browser->memory_kib();
    }
    st.pages_in_use += s.in_use;
  }
  return st;
}

std::vector<pid_t> BrowserPool::browser_pids() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<pid_t> pids;
  for (const auto& s : slots_)
    if (s.browser && s.browser->pid() > 0) pids.push_back(s.browser->pid());
  return pids;
}

}  // namespace ta::cdp

namespace ta::cdp {

std::vector<std::string> BrowserPool::profile_dirs() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::string> dirs;
  for (const auto& s : slots_)
    if (s.browser && !s.browser->profile_dir().empty()) dirs.push_back(s.browser->profile_dir());
  return dirs;
}

}  // namespace ta::cdp
