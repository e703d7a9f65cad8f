#pragma once
// A stop request that wakes every sleeper at once, so a shutdown never waits out a rate-limit or
// backoff delay.
#include <chrono>
#include <condition_variable>
#include <mutex>

namespace ta {

class StopSignal {
 public:
  // Notifies under the lock: a waiter that sees the stop may destroy the signal at once.
  void request_stop() {
    std::lock_guard<std::mutex> lock(mutex_);
    stopped_ = true;
    cv_.notify_all();
  }
  bool stop_requested() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return stopped_;
  }
  // Waits until `when` or a stop request. Returns false when stopped.
  template <class Clock, class Duration>
  bool wait_until(std::chrono::time_point<Clock, Duration> when) {
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait_until(lock, when, [this] { return stopped_; });
    return !stopped_;
  }

 private:
  mutable std::mutex mutex_;
  std::condition_variable cv_;
  bool stopped_ = false;
};

}  // namespace ta
