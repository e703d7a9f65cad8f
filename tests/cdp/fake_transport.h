#pragma once
// A transport whose "browser" is the test: it records what the connection sent and delivers
// scripted replies and events on its own thread, like the real WebSocket transport.
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "cdp/transport.h"

namespace ta::cdp::test {

class FakeTransport : public Transport {
 public:
  FakeTransport() : thread_([this] { loop(); }) {}
  ~FakeTransport() override { close(); }

  void start(MessageHandler on_message, CloseHandler on_close) override {
    std::lock_guard<std::mutex> lock(mutex_);
    on_message_ = std::move(on_message);
    on_close_ = std::move(on_close);
  }
  void send(const std::string& text) override {
    std::lock_guard<std::mutex> lock(mutex_);
    sent_.push_back(nlohmann::json::parse(text));
    cv_.notify_all();
  }
  void close() override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (stopping_) return;
      stopping_ = true;
      queue_.push_back({true, ""});
      cv_.notify_all();
    }
    if (thread_.joinable()) thread_.join();
  }
  bool on_transport_thread() const override { return std::this_thread::get_id() == thread_.get_id(); }

  // Test side.
  void inject(const nlohmann::json& message) {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.push_back({false, message.dump()});
    cv_.notify_all();
  }
  // Raw bytes, as a browser may send them (not necessarily valid JSON or UTF-8).
  void inject_text(const std::string& text) {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.push_back({false, text});
    cv_.notify_all();
  }
  void drop_connection() {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.push_back({true, "peer went away"});
    cv_.notify_all();
  }
  // Waits (bounded) until at least n messages were sent; returns them.
  std::vector<nlohmann::json> wait_sent(size_t n) {
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait_for(lock, std::chrono::seconds(10), [&] { return sent_.size() >= n; });
    return sent_;
  }

 private:
  struct Item {
    bool close;
    std::string text;
  };
  void loop() {
    for (;;) {
      Item item;
      MessageHandler on_message;
      CloseHandler on_close;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        cv_.wait(lock, [&] { return !queue_.empty(); });
        item = queue_.front();
        queue_.pop_front();
        on_message = on_message_;
        on_close = on_close_;
      }
      if (item.close) {
        if (on_close) on_close(item.text.empty() ? "closed" : item.text);
        std::lock_guard<std::mutex> lock(mutex_);
        if (stopping_) return;
        continue;
      }
      if (on_message) on_message(item.text);
    }
  }

  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<Item> queue_;
  std::vector<nlohmann::json> sent_;
  MessageHandler on_message_;
  CloseHandler on_close_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace ta::cdp::test
