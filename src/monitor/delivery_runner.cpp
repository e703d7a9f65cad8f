#include "monitor/delivery_runner.h"

#include <algorithm>
#include <cmath>
#include <iostream>

#include "log/log.h"
#include "normalize/ticket_time.h"
#include "notify/embed_builder.h"
#include "notify/notifier_setup.h"
#include "notify/ops_message.h"
#include "notify/reminder_message.h"
#include "sites/site.h"
#include "notify/webhook_url.h"

namespace ta {
namespace {

// 429s in a row one reminder waits out before it is looked at again on the next pass.
constexpr int kReminderRateLimits = 6;

NoticeKind notice_kind(DeliveryKind kind) {
  switch (kind) {
    case DeliveryKind::Update: return NoticeKind::update;
    case DeliveryKind::Cancel: return NoticeKind::cancel;
    case DeliveryKind::Summary: return NoticeKind::summary;
    case DeliveryKind::New:
    case DeliveryKind::Test: break;
  }
  return NoticeKind::new_ticket;
}

}  // namespace

DeliveryRunner::DeliveryRunner(const Config& config, Store& store, StopSignal& stop, bool dry_run)
    : config_(config),
      store_(store),
      stop_(stop),
      dry_run_(dry_run),
      filter_(config.KEYWORDS, config.PRIORITY_KEYWORDS, config.EXCLUDE_KEYWORDS, config.alias_groups) {
  if (config.DISCORD_WEBHOOK_URL.empty()) return;
  std::string error;
  client_ = make_webhook_client(config, &error);
  if (!client_) {
    logger("notify")->error("{}", error);
    return;
  }
  key_ = ::ta::webhook_key(config.DISCORD_WEBHOOK_URL);
  if (!config.OPS_WEBHOOK_URL.empty()) {
    ops_client_ = make_webhook_client(config, config.OPS_WEBHOOK_URL, &error);
    if (!ops_client_) logger("notify")->error("OPS_WEBHOOK_URL: {} — 점검 알림은 알림 웹훅으로 보냅니다", error);
  }
  // Found dead by an earlier run: the first send is a probe, and its answer settles the state.
  const auto health = store_.webhook_status(key_);
  dead_ = health && health->status == "dead";
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
  if (m.status == DeliveryStatus::dead) {
    dead_ = true;
    store_.set_webhook_dead(key_, m.result.error, now);
  }
  if (m.status == DeliveryStatus::sent && dead_) {
    dead_ = false;
    store_.set_webhook_ok(key_, now);
  }
}

int DeliveryRunner::cycle_cap() const {
  return config_.max_notifications_per_cycle > 0 ? config_.max_notifications_per_cycle : 1000000;
}

void DeliveryRunner::begin_cycle() {
  sent_this_cycle_ = 0;
  if (client_ && !dry_run_) store_.release_deferred(key_);
}

std::vector<Delivery> DeliveryRunner::within_cycle_cap(std::vector<Delivery> due) {
  std::vector<Delivery> taken;
  std::vector<std::int64_t> deferred;
  for (auto& d : due) {
    if (d.status != DeliveryState::Pending) {
      taken.push_back(std::move(d));  // a retry was counted in the cycle that first tried it
    } else if (sent_this_cycle_ < cycle_cap()) {
      ++sent_this_cycle_;
      taken.push_back(std::move(d));
    } else {
      deferred.push_back(d.id);
    }
  }
  if (!deferred.empty() && !dry_run_) {
    store_.defer_deliveries(deferred);
    logger("notify")->info("이번 주기 알림 한도({}건)를 넘은 알림 {}건은 다음 주기에 보냅니다", cycle_cap(),
                           deferred.size());
  }
  return taken;
}

std::vector<Delivery> DeliveryRunner::without_stale(std::vector<Delivery> due) {
  if (config_.announce_past) return due;
  std::vector<Delivery> fresh;
  for (auto& d : due) {
    const bool alert = is_alert(d.kind);
    const auto now = alert ? stale_clock_(d.site) : std::nullopt;
    if (!now || !all_openings_past(d.ticket, *now)) {
      fresh.push_back(std::move(d));
      continue;
    }
    if (!dry_run_) store_.mark_stale(d.id, "보내기 전에 오픈 시각이 모두 지났습니다");
    logger("notify")->info("오픈 시각이 모두 지나 보내지 않은 알림: {}", d.ticket.title);
  }
  return fresh;
}

NotifyReport DeliveryRunner::deliver_due(std::time_t now, int limit) {
  if (!client_ || record_failed_) return {};
  const bool probing = dead_;
  if (probing && now < probe_at_) return {};
  auto due = store_.due_deliveries(key_, now, probing ? 1 : std::min(limit, cycle_cap() + 1000));
  NotifyReport report = deliver(within_cycle_cap(without_stale(std::move(due))), now);
  if (report.record_failed) {
    record_failed_ = true;
    logger("notify")->error("알림 전송 실패: 보낸 결과를 데이터베이스({})에 기록하지 못해 전송을 멈췄습니다 — 같은 알림을 "
                            "되풀이해 보내지 않기 위해서입니다. `ticket-alarm doctor`로 데이터베이스를 확인하고, 손상되었으면 "
                            "`ticket-alarm restore`로 백업에서 되살린 뒤 다시 시작하세요.",
                            database_path(config_.data_dir));
    return report;
  }
  // Dead, or a probe that found nothing to send: look again in ten minutes, never in a spin.
  if (dead_) probe_at_ = now + kDeadProbeSeconds;
  if (probing && !dead_) {
    logger("notify")->info("웹훅이 다시 동작합니다: 대기 중인 알림을 보냅니다");
    NotifyReport rest = deliver_due(now, limit);
    report.sent += rest.sent;
    report.failed += rest.failed;
    report.pending = rest.pending;
    report.requests += rest.requests;
    report.rate_limited += rest.rate_limited;
    report.webhook_dead = rest.webhook_dead;
    report.yielded = rest.yielded;
  }
  return report;
}

std::optional<std::time_t> DeliveryRunner::next_due_at() {
  if (!client_ || dry_run_ || record_failed_) return std::nullopt;
  if (dead_) return store_.pending_count() > 0 ? std::optional<std::time_t>(probe_at_) : std::nullopt;
  const std::time_t now = std::time(nullptr);
  if (!store_.due_deliveries(key_, now, 1).empty()) return now;  // a chunk of a backlog is left
  auto next = store_.next_retry_at(key_);
  if (auto reminder = store_.next_reminder_at(key_)) {
    // A replay's reminder clock is not the wall clock: its reminders go when a crawl says so.
    const std::time_t at = reminder_clock_ ? now + 3600 : std::max(*reminder, reminders_paused_until_);
    if (!next || at < *next) next = at;
  }
  return next;
}

NotifyReport DeliveryRunner::deliver_reminders(std::time_t now) {
  NotifyReport report;
  if (!client_ || dead_ || record_failed_ || dry_run_ || now < reminders_paused_until_) return report;
  try {
    for (const auto& r : store_.due_reminders(key_, now, 100)) {
      if (now - r.due_at > kReminderGraceSeconds) {
        store_.mark_reminder(r.id, ReminderState::Skipped, "보낼 시각이 지나 보내지 않았습니다", now);
        logger("notify")->warn("보낼 시각이 {}분 지나 보내지 않은 오픈 알림: {} ({}분 전 알림)", (now - r.due_at) / 60, r.title,
                               r.offset_min);
        continue;
      }
      if (!send_reminder(r, now, report)) break;
    }
  } catch (const StoreError& e) {
    record_failed_ = true;
    report.record_failed = true;
    logger("notify")->error("알림 전송 실패: 오픈 알림의 결과를 데이터베이스에 기록하지 못해 전송을 멈췄습니다 — {}", e.what());
  }
  return report;
}

bool DeliveryRunner::send_reminder(const Reminder& r, std::time_t now, NotifyReport& report) {
  auto log = logger("notify");
  EmbedOptions embed = notifier_options_from(config_).embed;
  const nlohmann::json message = build_reminder_message(r, embed);
  SendResult sent;
  // A 429 that says how long to wait is waited out here, as for an alert: the reminder stays
  // ahead of the alerts that are waiting for the same webhook.
  for (int limited = 0;;) {
    const auto wait = client_->next_allowed_at() - std::chrono::steady_clock::now();
    if (wait > std::chrono::seconds(30)) {
      reminders_paused_until_ = now + std::chrono::duration_cast<std::chrono::seconds>(wait).count() + 1;
      return false;
    }
    if (!stop_.wait_until(client_->next_allowed_at())) return false;
    sent = client_->send(message);
    if (sent.http_status != 0) ++report.requests;
    if (sent.outcome != SendOutcome::rate_limited) break;
    if (sent.http_status == 0) continue;  // our own bucket said wait: the top of the loop does
    ++report.rate_limited;
    if (!sent.retry_after_known || ++limited >= kReminderRateLimits) break;
  }
  switch (sent.outcome) {
    case SendOutcome::ok:
      store_.mark_reminder(r.id, ReminderState::Sent, sent.message_id, now);
      ++report.sent;
      log->info("알림 전송 성공: ⏰ {}분 전 오픈 알림 — {} (메시지 {})", r.offset_min, r.title, sent.message_id);
      return true;
    case SendOutcome::rate_limited:
      reminders_paused_until_ = now + static_cast<std::time_t>(std::ceil(std::max(1.0, sent.retry_after_s)));
      return false;
    case SendOutcome::retryable:
      reminders_paused_until_ = now + 5;
      log->warn("오픈 알림 재전송 예정: {} — {}", r.title, sent.error);
      return false;
    case SendOutcome::rejected:
      store_.mark_reminder(r.id, ReminderState::Failed, sent.error, now);
      ++report.failed;
      log->error("알림 전송 실패: ⏰ 오픈 알림 {} — {}", r.title, sent.error);
      return true;
    case SendOutcome::dead:
      dead_ = true;
      probe_at_ = now + kDeadProbeSeconds;
      report.webhook_dead = true;
      report.dead_reason = sent.error;
      store_.set_webhook_dead(key_, sent.error, now);
      log->error("알림 전송 실패: {} — 오픈 알림은 웹훅이 다시 동작하면 보냅니다", sent.error);
      return false;
  }
  return false;
}

NotifyReport DeliveryRunner::deliver_ops() {
  NotifyReport report;
  WebhookClient* client = ops_client_ ? ops_client_.get() : client_.get();
  if (!client || dry_run_ || record_failed_ || (!ops_client_ && dead_)) return report;
  EmbedOptions embed = notifier_options_from(config_).embed;
  for (const auto& h : store_.site_health()) {
    if (h.broken == h.told_broken) continue;
    if (client->next_allowed_at() - std::chrono::steady_clock::now() > std::chrono::seconds(30)) break;
    if (!stop_.wait_until(client->next_allowed_at())) break;
    const SiteDescriptor* site = find_site(h.site);
    const SendResult sent = client->send(
        build_site_health_message(h, site ? site->name : h.site, site ? site->script : h.site + ".js", embed));
    if (sent.http_status != 0) ++report.requests;
    if (sent.outcome != SendOutcome::ok) {
      logger("notify")->warn("알림 전송 실패: {} 점검 알림 — {} (다음에 다시 보냅니다)", h.site, sent.error);
      break;
    }
    store_.mark_site_health_told(h.site, h.broken);
    ++report.sent;
    logger("notify")->info("알림 전송 성공: {} 점검 알림 ({})", h.site, h.broken ? "이상" : "정상화");
  }
  return report;
}

bool DeliveryRunner::reminder_is_due() {
  const std::time_t now = reminder_now();
  if (now < reminders_paused_until_) return false;
  const auto next = store_.next_reminder_at(key_);
  return next && *next <= now;
}

NotifyReport DeliveryRunner::deliver(const std::vector<Delivery>& due, std::time_t now) {
  NotifyReport report;
  if (due.empty()) return report;
  std::vector<Notice> notices;
  for (const auto& d : due) {
    Notice n;
    n.ticket = d.ticket;
    n.kind = notice_kind(d.kind);
    n.priority = d.kind != DeliveryKind::Summary && filter_.priority(d.ticket);
    n.summary = d.summary;
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
  report = notifier.send(
      notices, [&](const MessageResult& m) { persist(m, std::time(nullptr)); }, [this] { return reminder_is_due(); });
  if (report.webhook_dead) {
    logger("notify")->error("알림 전송 실패: {} — 설정의 DISCORD_WEBHOOK_URL을 새 웹훅 주소로 바꾸고 다시 시작하세요. "
                            "보내지 못한 알림 {}건은 대기열에 남아 있고, {}분마다 웹훅을 다시 확인합니다.",
                            report.dead_reason, store_.pending_count(), kDeadProbeSeconds / 60);
  }
  return report;
}

}  // namespace ta
