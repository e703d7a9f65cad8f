#include "util/launcher_thread.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <future>
#include <mutex>
#include <thread>

namespace ta {
namespace {

class LauncherThread {
 public:
  LauncherThread() : thread_([this] { loop(); }) { thread_.detach(); }

  void run(const std::function<void()>& task) {
    std::packaged_task<void()> job(task);
    auto done = job.get_future();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      jobs_.push_back(std::move(job));
    }
    cv_.notify_one();
    done.get();
  }

 private:
  void loop() {
    for (;;) {
      std::packaged_task<void()> job;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        cv_.wait(lock, [this] { return !jobs_.empty(); });
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      job();  // a packaged_task stores the exception for the caller
    }
  }

  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<std::packaged_task<void()>> jobs_;
  std::thread thread_;
};

}  // namespace

void run_on_launcher_thread(const std::function<void()>& task) {
  // Never destroyed: the thread must outlive every static destructor that might still close a
  // browser, and a detached thread must not wait on a destroyed mutex at exit.
  static LauncherThread* launcher = new LauncherThread();
  launcher->run(task);
}

}  // namespace ta
