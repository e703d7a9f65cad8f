#pragma once
// SIGINT / SIGTERM / SIGHUP handling without async-signal hazards: the signals are blocked in every thread
// and one watcher thread receives them with sigwait, then wakes waiters and runs callbacks
// (e.g. closing the browser pool). A second signal exits at once.
#include <functional>
#include <mutex>

#include "util/deadline.h"

namespace ta {

class Shutdown {
 public:
  static Shutdown& instance();
  // Call early in main, before any thread starts, so every thread inherits the blocked mask.
  void install();
  void request();
  bool requested() const;
  // The signal that asked for the shutdown, 0 when none did.
  int signal_received() const;
  // Sleeps until `deadline` or a shutdown request; returns true when shutdown was requested.
  bool wait_until(const Deadline& deadline) const;
  int add_callback(std::function<void()> cb);
  void remove_callback(int id);

 private:
  // Runs one callback outside the lock, marked as running for remove_callback.
  void run_callback(int id);
  Shutdown() = default;
  struct State;
  State& state() const;
};

// In a forked child before exec: clear the blocked mask inherited from install().
void unblock_signals_in_child();

}  // namespace ta
