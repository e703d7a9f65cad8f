// Shutdown callbacks run on the watcher thread while their owners (a Monitor, a Pool) may be
// leaving scope on another: remove_callback must not return while the callback still runs.
#include "util/shutdown.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace ta {
namespace {

struct Gate {
  std::mutex mutex;
  std::condition_variable cv;
  bool open = false;
  void release() {
    std::lock_guard<std::mutex> lock(mutex);
    open = true;
    cv.notify_all();
  }
  void wait() {
    std::unique_lock<std::mutex> lock(mutex);
    cv.wait(lock, [&] { return open; });
  }
  bool wait_for(std::chrono::milliseconds ms) {
    std::unique_lock<std::mutex> lock(mutex);
    return cv.wait_for(lock, ms, [&] { return open; });
  }
};

// One test: a request runs the callbacks only once per process.
TEST(Shutdown, RemoveCallbackWaitsForARunningCallbackAndSkipsRemovedOnes) {
  Shutdown& shutdown = Shutdown::instance();
  Gate entered, release_blocking, removed;
  std::atomic<bool> blocking_finished{false}, skipped_ran{false}, self_removed{false};

  const int blocking = shutdown.add_callback([&] {
    entered.release();
    release_blocking.wait();
    blocking_finished = true;
  });
  const int skipped = shutdown.add_callback([&] { skipped_ran = true; });
  int self = 0;
  self = shutdown.add_callback([&] {
    Shutdown::instance().remove_callback(self);  // must not wait for itself
    self_removed = true;
  });

  std::thread requester([&] { shutdown.request(); });
  entered.wait();
  shutdown.remove_callback(skipped);  // not running: returns at once and it never runs

  bool finished_when_removed = false;
  std::thread remover([&] {
    shutdown.remove_callback(blocking);
    finished_when_removed = blocking_finished;
    removed.release();
  });
  // Give a remove_callback that does not wait the chance to return early.
  EXPECT_FALSE(removed.wait_for(std::chrono::milliseconds(200)));
  release_blocking.release();
  remover.join();
  requester.join();

  EXPECT_TRUE(finished_when_removed);
  EXPECT_FALSE(skipped_ran);
  EXPECT_TRUE(self_removed);
  EXPECT_TRUE(shutdown.requested());
}

}  // namespace
}  // namespace ta
