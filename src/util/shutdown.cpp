#include "util/shutdown.h"

#include <signal.h>
#include <unistd.h>

#include <condition_variable>
#include <map>
#include <thread>
#include <vector>

namespace ta {

struct Shutdown::State {
  mutable std::mutex mutex;
  mutable std::condition_variable cv;
  bool requested = false;
  int signal = 0;
  bool installed = false;
  int next_id = 1;
  std::map<int, std::function<void()>> callbacks;
  // The callback request() is running (0: none) and on which thread: remove_callback waits for
  // it, so that its owner may be destroyed as soon as remove_callback returns.
  int running = 0;
  std::thread::id running_on;
};

Shutdown& Shutdown::instance() {
  static Shutdown s;
  return s;
}

Shutdown::State& Shutdown::state() const {
  static State st;
  return st;
}

void Shutdown::install() {
  {
    std::lock_guard<std::mutex> lock(state().mutex);
    if (state().installed) return;
    state().installed = true;
  }
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  // An SSH disconnect: a clean stop like SIGTERM (a reload would reread a config nobody edited).
  sigaddset(&set, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::thread([this, set] {
    int received = 0;
    for (int count = 0;; ++count) {
      if (sigwait(&set, &received) != 0) continue;
      if (count > 0) _exit(128 + received);  // second signal: the user insists
      {
        std::lock_guard<std::mutex> lock(state().mutex);
        state().signal = received;
      }
      request();
    }
  }).detach();
}

void Shutdown::request() {
  std::vector<int> ids;
  {
    std::lock_guard<std::mutex> lock(state().mutex);
    if (state().requested) return;
    state().requested = true;
    for (const auto& entry : state().callbacks) ids.push_back(entry.first);
    state().cv.notify_all();
  }
  for (int id : ids) run_callback(id);
}

void Shutdown::run_callback(int id) {
  std::function<void()> cb;
  {
    std::lock_guard<std::mutex> lock(state().mutex);
    auto it = state().callbacks.find(id);
    if (it == state().callbacks.end()) return;  // removed meanwhile: its owner may be gone
    cb = it->second;
    state().running = id;
    state().running_on = std::this_thread::get_id();
  }
  try {
    cb();
  } catch (...) {
  }
  std::lock_guard<std::mutex> lock(state().mutex);
  state().running = 0;
  state().cv.notify_all();
}

int Shutdown::signal_received() const {
  std::lock_guard<std::mutex> lock(state().mutex);
  return state().signal;
}

bool Shutdown::requested() const {
  std::lock_guard<std::mutex> lock(state().mutex);
  return state().requested;
}

bool Shutdown::wait_until(const Deadline& deadline) const {
  std::unique_lock<std::mutex> lock(state().mutex);
  return state().cv.wait_until(lock, deadline.at(), [this] { return state().requested; });
}

int Shutdown::add_callback(std::function<void()> cb) {
  std::lock_guard<std::mutex> lock(state().mutex);
  int id = state().next_id++;
  state().callbacks[id] = std::move(cb);
  return id;
}

void Shutdown::remove_callback(int id) {
  std::unique_lock<std::mutex> lock(state().mutex);
  state().callbacks.erase(id);
  // A callback removing itself must not wait for itself.
  state().cv.wait(lock, [&] { return state().running != id || state().running_on == std::this_thread::get_id(); });
}

void unblock_signals_in_child() {
  sigset_t set;
  sigemptyset(&set);
  sigprocmask(SIG_SETMASK, &set, nullptr);
}

}  // namespace ta
