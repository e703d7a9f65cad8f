#include "util/launcher_thread.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include "util/handoff.h"

namespace ta {
namespace {

class LauncherThread {
 public:
  LauncherThread() : thread_([this] { loop(); }) { thread_.detach(); }

  void run(const std::function<void()>& task) {
    auto done = std::make_shared<Handoff<bool>>();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      jobs_.push_back([&task, done] {
        try {
          task();
          done->set_value(true);
        } catch (...) {
          done->set_error(std::current_exception());  // rethrown to the caller by take()
        }
      });
    }
    cv_.notify_one();
    done->wait();
    done->take();
  }

 private:
  void loop() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        cv_.wait(lock, [this] { return !jobs_.empty(); });
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      job();
    }
  }

  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
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
