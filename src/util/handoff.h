#pragma once
// One value (or error) handed from one thread to another, once: the first one set wins.
//
// Used for the CDP engine's hand-overs instead of std::promise/std::future: libstdc++ waits for a
// future inside its own uninstrumented code (a futex), so ThreadSanitizer cannot see that the
// value was published before it was read and reports a race whenever a reply is slow. A mutex and
// a condition variable it sees. The setter notifies while holding the lock, so a waiter may
// destroy the Handoff as soon as it has seen the value.
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>

namespace ta {

template <typename T>
class Handoff {
 public:
  // False when a value or an error was already set (this one is dropped).
  bool set_value(T value) { return settle(std::move(value), nullptr); }
  bool set_error(std::exception_ptr error) { return settle(std::nullopt, std::move(error)); }

  // True when settled before `deadline`.
  template <typename Clock, typename Duration>
  bool wait_until(const std::chrono::time_point<Clock, Duration>& deadline) {
    std::unique_lock<std::mutex> lock(mutex_);
    return cv_.wait_until(lock, deadline, [this] { return settled_; });
  }
  void wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait(lock, [this] { return settled_; });
  }

  // After a wait that saw it settled: the value, moved out, or the error rethrown.
  T take() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (error_) std::rethrow_exception(error_);
    return std::move(*value_);
  }

 private:
  bool settle(std::optional<T> value, std::exception_ptr error) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (settled_) return false;
    settled_ = true;
    value_ = std::move(value);
    error_ = std::move(error);
    cv_.notify_all();
    return true;
  }

  std::mutex mutex_;
  std::condition_variable cv_;
  bool settled_ = false;
  std::optional<T> value_;
  std::exception_ptr error_;
};

}  // namespace ta
