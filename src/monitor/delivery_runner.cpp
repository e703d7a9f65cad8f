#include "monitor/delivery_runner.h"

#include <iostream>

#include "log/log.h"
#include "notify/embed_builder.h"
#include "notify/notifier_setup.h"
#include "notify/webhook_url.h"

namespace ta {

DeliveryRunner::DeliveryRunner(const Config& config, Store& store, StopSignal& stop, bool dry_run)
    : config_(config),
      store_(store),
      stop_(stop),
      dry_run_(dry_run),
      filter_(config.KEYWORDS, config.PRIORITY_KEYWORDS, config.EXCLUDE_KEYWORDS) {
  if (config.DISCORD_WEBHOOK_URL.empty()) return;
  std::string error;
  client_ = make_webhook_client(config, &error);
  if (!client_) {
    logger("notify")->error("{}", error);
    return;
  }
  key_ = ::ta::webhook_key(config.DISCORD_WEBHOOK_URL);
  int adopted = store_.adopt_pending_deliveries(key_);
  if (adopted > 0) logger("notify")->info("웹훅 설정 전에 쌓인 알림 {}건을 보냅니다", adopted);
}

DeliveryRunner::~DeliveryRunner() = default;

void DeliveryRunner::persist(const MessageResult& m, std::time_t now) {
  const auto next = std::chrono::system_clock::to_time_t(m.next_attempt_at);
  for (std::int64_t id : m.delivery_ids) {
    switch (m.status) {
      case DeliveryStatus::sent:
        store_.mark_sent(id, m.result.message_id, now);
        break;
      case DeliveryStatus::failed:
        store_.mark_failed(id, m.result.error, now);
        break;
      case DeliveryStatus::retry_later:
        store_.mark_retry(id, m.result.error, std::max(next, now), m.attempts > 0);
        break;
      case DeliveryStatus::dead:
        // The deliveries stay pending: they go out once the webhook is fixed.
        store_.mark_retry(id, m.result.error, now, false);
        break;
      case DeliveryStatus::rate_limited:
      case DeliveryStatus::retrying:
        break;  // still in flight in this call
    }
  }
  if (m.status == DeliveryStatus::dead) store_.set_webhook_dead(key_, m.result.error, now);
  if (m.status == DeliveryStatus::sent && dead_) {
    dead_ = false;
    store_.set_webhook_ok(key_, now);
  }
}

int DeliveryRunner::batch_limit() const {
  return config_.max_notifications_per_cycle > 0 ? config_.max_notifications_per_cycle : 1000000;
}

NotifyReport DeliveryRunner::deliver_due(std::time_t now) {
  if (!client_ || dead_) return {};
  return deliver(store_.due_deliveries(key_, now, batch_limit()), now);
}

NotifyReport DeliveryRunner::deliver_retries(std::time_t after, std::time_t now) {
  if (!client_ || dead_ || dry_run_) return {};
  return deliver(store_.due_retries(key_, after, now, batch_limit()), now);
}

std::optional<std::time_t> DeliveryRunner::next_retry_after(std::time_t after) {
  if (!client_ || dead_ || dry_run_) return std::nullopt;
  return store_.next_retry_at(key_, after);
}

NotifyReport DeliveryRunner::deliver(const std::vector<Delivery>& due, std::time_t now) {
  NotifyReport report;
  if (due.empty()) return report;
  std::vector<Notice> notices;
  for (const auto& d : due) {
    Notice n;
    n.ticket = d.ticket;
    n.kind = d.kind == DeliveryKind::Update ? NoticeKind::update : NoticeKind::new_ticket;
    n.priority = filter_.priority(d.ticket);
    n.delivery_id = d.id;
    n.previous_attempts = d.attempts;
    n.previous = d.previous;
    notices.push_back(std::move(n));
  }
  NotifierOptions options = notifier_options_from(config_);
  options.embed.now = now;
  if (dry_run_) {
    for (const auto& m : plan_messages(notices, options.embed))
      std::cout << m.payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
    logger("notify")->info("--dry-run: 알림 {}건을 보내지 않았습니다 (대기열에 남아 있음)", notices.size());
    report.pending = notices.size();
    return report;
  }
  Notifier notifier(*client_, options, &stop_);
  report = notifier.send(notices, [&](const MessageResult& m) { persist(m, std::time(nullptr)); });
  if (report.webhook_dead) {
    dead_ = true;
    logger("notify")->error("알림 전송 실패: {} — 설정의 DISCORD_WEBHOOK_URL을 새 웹훅 주소로 바꾸고 다시 시작하세요. "
                            "보내지 못한 알림 {}건은 대기열에 남아 있습니다.",
                            report.dead_reason, store_.pending_count());
  }
  return report;
}

}  // namespace ta
