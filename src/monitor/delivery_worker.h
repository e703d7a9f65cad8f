#pragma once
// Sending on its own thread, so a 429 storm, a Discord outage or a long backoff delays messages but
// never a crawl, and a retry goes out when it is due rather than when the next crawl ends. One
// worker per route (channel), so one channel's rate limit never holds another's alerts; a worker
// is the only user of its route's sender; the store is the queue between them.
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "monitor/delivery_runner.h"

namespace ta {

class DeliveryWorker {
 public:
  using ReportCallback = std::function<void(const NotifyReport&)>;
  // Sends for every route of `runner` (one thread for all), and the canary's ops messages.
  DeliveryWorker(DeliveryRunner& runner, ReportCallback on_report);
  // Sends for `route` only; `sends_ops`: this one also sends the canary's ops messages.
  DeliveryWorker(DeliveryRunner& runner, std::size_t route, bool sends_ops, ReportCallback on_report);
  ~DeliveryWorker();  // stops and joins; a message in flight finishes first
  DeliveryWorker(const DeliveryWorker&) = delete;
  DeliveryWorker& operator=(const DeliveryWorker&) = delete;

  // A crawl cycle starts: the runner's per-cycle cap starts over before anything else is sent.
  void begin_cycle();
  // New deliveries were queued: look at the queue now.
  void wake();
  void request_stop();

 private:
  void loop();
  void deliver_once(bool new_cycle);

  DeliveryRunner& runner_;
  std::optional<std::size_t> route_;  // nullopt: every route
  bool sends_ops_ = true;
  ReportCallback on_report_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool work_ = true;  // look at the queue once at start: retries left by an earlier run
  bool new_cycle_ = false;
  bool stopping_ = false;
  std::optional<std::time_t> next_due_;  // the worker thread's own
  std::thread thread_;
};

}  // namespace ta
