#include "monitor/delivery_worker.h"

#include <chrono>

#include "log/log.h"

namespace ta {

// When the store cannot be read or written, look again after this long instead of spinning.
constexpr std::time_t kStoreErrorPauseSeconds = 30;
// Alerts per look at the queue: one message of up to ten embeds.
constexpr int kAlertsPerLook = 10;

DeliveryWorker::DeliveryWorker(DeliveryRunner& runner, ReportCallback on_report)
    : runner_(runner), on_report_(std::move(on_report)) {
  thread_ = std::thread([this] { loop(); });
}

DeliveryWorker::DeliveryWorker(DeliveryRunner& runner, std::size_t route, bool sends_ops, ReportCallback on_report)
    : runner_(runner), route_(route), sends_ops_(sends_ops), on_report_(std::move(on_report)) {
  thread_ = std::thread([this] { loop(); });
}

DeliveryWorker::~DeliveryWorker() {
  request_stop();
  if (thread_.joinable()) thread_.join();
}

void DeliveryWorker::begin_cycle() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    new_cycle_ = true;
    work_ = true;
  }
  cv_.notify_all();
}

void DeliveryWorker::wake() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    work_ = true;
  }
  cv_.notify_all();
}

void DeliveryWorker::request_stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_all();
}

void DeliveryWorker::loop() {
  for (;;) {
    bool new_cycle = false;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      auto ready = [this] { return stopping_ || work_; };
      if (next_due_)
        cv_.wait_until(lock, std::chrono::system_clock::from_time_t(*next_due_), ready);
      else
        cv_.wait(lock, ready);
      if (stopping_) return;
      new_cycle = new_cycle_;
      new_cycle_ = false;
      work_ = false;
    }
    deliver_once(new_cycle);
  }
}

void DeliveryWorker::deliver_once(bool new_cycle) {
  try {
    if (new_cycle) route_ ? runner_.begin_cycle(*route_) : runner_.begin_cycle();
    // Reminders first, then one message's worth of alerts: a long backlog is sent in chunks with
    // the reminders looked at between them, so it never holds one back.
    const std::time_t reminder_now = runner_.reminder_now();
    const NotifyReport reminders =
        route_ ? runner_.deliver_reminders(*route_, reminder_now) : runner_.deliver_reminders(reminder_now);
    if (on_report_ && reminders.requests > 0) on_report_(reminders);
    if (sends_ops_) runner_.deliver_ops();
    const std::time_t now = std::time(nullptr);
    const NotifyReport report =
        route_ ? runner_.deliver_due(*route_, now, kAlertsPerLook) : runner_.deliver_due(now, kAlertsPerLook);
    if (on_report_ && report.requests > 0) on_report_(report);
    next_due_ = route_ ? runner_.next_due_at(*route_) : runner_.next_due_at();
  } catch (const std::exception& e) {
    // The deliveries stay in the store; nothing is lost by waiting.
    logger("notify")->error("알림 전송 실패: 알림 대기열을 읽거나 기록하지 못했습니다 — {} ({}초 뒤 다시 시도)", e.what(),
                            kStoreErrorPauseSeconds);
    next_due_ = std::time(nullptr) + kStoreErrorPauseSeconds;
  }
}

}  // namespace ta
