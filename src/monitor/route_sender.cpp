#include "monitor/route_sender.h"

#include <algorithm>
#include <cmath>
#include <iostream>

#include "log/log.h"
#include "normalize/ticket_time.h"
#include "notify/also_message.h"
#include "notify/embed_builder.h"
#include "notify/notifier_setup.h"
#include "notify/reminder_message.h"
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
    case DeliveryKind::Also: return NoticeKind::also_on;
    case DeliveryKind::New:
    case DeliveryKind::Test: break;
  }
  return NoticeKind::new_ticket;
}

// " (채널 아이유)" in log lines when several routes send; nothing for the default one.
std::string route_tag(const std::string& name) { return name == kDefaultRoute ? "" : " (채널 " + name + ")"; }

}  // namespace

RouteSender::RouteSender(SendContext& context, const RouteConfig& route, const KeywordFilter::Groups& aliases)
    : ctx_(context), route_(route), filter_(route, aliases) {
  if (route.webhook.empty()) return;
  std::string error;
  client_ = make_webhook_client(ctx_.config, route.webhook, &error);
  if (!client_) {
    logger("notify")->error("{}{}", error, route_tag(route.name));
    return;
  }
  key_ = ::ta::webhook_key(route.webhook);
  // Found dead by an earlier run: the first send is a probe, and its answer settles the state.
  const auto health = ctx_.store.webhook_status(key_);
  dead_ = health && health->status == "dead";
  const int adopted = ctx_.store.adopt_pending_deliveries(route.name, key_);
  if (adopted > 0) logger("notify")->info("웹훅 설정 전에 쌓인 알림 {}건을 보냅니다{}", adopted, route_tag(route.name));
}

RouteSender::~RouteSender() = default;

RoutePolicy RouteSender::policy() const {
  const RouteFilter* f = &filter_;
  return RoutePolicy{route_.name, key_, [f](const Ticket& t) { return f->wanted(t); },
                     [f](const Ticket& t) { return f->priority(t); }};
}

EmbedOptions RouteSender::embed_options(std::time_t now) const {
  EmbedOptions embed = notifier_options_from(ctx_.config).embed;
  embed.now = now;
  embed.mention_role = route_.mention_role;
  return embed;
}

void RouteSender::mark_dead(const std::string& error, std::time_t now) {
  dead_ = true;
  probe_at_ = now + kDeadProbeSeconds;
  ctx_.store.set_webhook_dead(key_, error, now);
}

void RouteSender::persist(const MessageResult& m, std::time_t now) {
  const auto next = std::chrono::system_clock::to_time_t(m.next_attempt_at);
  for (std::int64_t id : m.delivery_ids) {
    switch (m.status) {
      case DeliveryStatus::sent:
        ctx_.store.mark_sent(id, m.result.message_id, now);
        break;
      case DeliveryStatus::failed:
        ctx_.store.mark_failed(id, m.result.error, now);
        break;
      case DeliveryStatus::retry_later:
        ctx_.store.mark_retry(id, m.result.error, std::max(next, now), m.attempts > 0);
        break;
      case DeliveryStatus::dead:
        // The deliveries stay pending: they go out once the webhook is fixed.
        ctx_.store.mark_retry(id, m.result.error, now, false);
        break;
      case DeliveryStatus::rate_limited:
      case DeliveryStatus::retrying:
        break;  // still in flight in this call
    }
  }
  if (m.status == DeliveryStatus::dead) {
    dead_ = true;
    ctx_.store.set_webhook_dead(key_, m.result.error, now);
  }
  if (m.status == DeliveryStatus::sent && dead_) {
    dead_ = false;
    ctx_.store.set_webhook_ok(key_, now);
  }
}

int RouteSender::cycle_cap() const {
  return ctx_.config.max_notifications_per_cycle > 0 ? ctx_.config.max_notifications_per_cycle : 1000000;
}

void RouteSender::begin_cycle() {
  sent_this_cycle_ = 0;
  if (client_ && !ctx_.dry_run) ctx_.store.release_deferred(key_);
}

std::vector<Delivery> RouteSender::within_cycle_cap(std::vector<Delivery> due) {
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
  if (!deferred.empty() && !ctx_.dry_run) {
    ctx_.store.defer_deliveries(deferred);
    logger("notify")->info("이번 주기 알림 한도({}건)를 넘은 알림 {}건은 다음 주기에 보냅니다{}", cycle_cap(),
                           deferred.size(), route_tag(route_.name));
  }
  return taken;
}

std::vector<Delivery> RouteSender::without_stale(std::vector<Delivery> due) {
  if (ctx_.config.announce_past) return due;
  std::vector<Delivery> fresh;
  for (auto& d : due) {
    const auto now = is_alert(d.kind) && ctx_.stale_clock ? ctx_.stale_clock(d.site) : std::nullopt;
    if (!now || !all_openings_past(d.ticket, *now)) {
      fresh.push_back(std::move(d));
      continue;
    }
    if (!ctx_.dry_run) ctx_.store.mark_stale(d.id, "보내기 전에 오픈 시각이 모두 지났습니다");
    logger("notify")->info("오픈 시각이 모두 지나 보내지 않은 알림: {}", d.ticket.title);
  }
  return fresh;
}

NotifyReport RouteSender::deliver_due(std::time_t now, int limit) {
  if (!client_ || ctx_.record_failed) return {};
  const bool probing = dead_;
  if (probing && now < probe_at_) return {};
  auto due = ctx_.store.due_deliveries(key_, now, probing ? 1 : std::min(limit, cycle_cap() + 1000));
  NotifyReport report = deliver(within_cycle_cap(without_stale(std::move(due))), now);
  if (report.record_failed) {
    ctx_.record_failed = true;
    logger("notify")->error("알림 전송 실패: 보낸 결과를 데이터베이스({})에 기록하지 못해 전송을 멈췄습니다 — 같은 알림을 "
                            "되풀이해 보내지 않기 위해서입니다. `ticket-alarm doctor`로 데이터베이스를 확인하고, 손상되었으면 "
                            "`ticket-alarm restore`로 백업에서 되살린 뒤 다시 시작하세요.",
                            database_path(ctx_.config.data_dir));
    return report;
  }
  // Dead, or a probe that found nothing to send: look again in ten minutes, never in a spin.
  if (dead_) probe_at_ = now + kDeadProbeSeconds;
  if (probing && !dead_) {
    logger("notify")->info("웹훅이 다시 동작합니다: 대기 중인 알림을 보냅니다{}", route_tag(route_.name));
    add_report(report, deliver_due(now, limit));
  }
  return report;
}

std::optional<std::time_t> RouteSender::next_due_at() {
  if (!client_ || ctx_.dry_run || ctx_.record_failed) return std::nullopt;
  if (dead_) return ctx_.store.pending_count() > 0 ? std::optional<std::time_t>(probe_at_) : std::nullopt;
  const std::time_t now = std::time(nullptr);
  if (!ctx_.store.due_deliveries(key_, now, 1).empty()) return now;  // a chunk of a backlog is left
  auto next = ctx_.store.next_retry_at(key_);
  if (auto reminder = ctx_.store.next_reminder_at(key_)) {
    // A replay's reminder clock is not the wall clock: its reminders go when a crawl says so.
    const std::time_t at = ctx_.reminder_clock ? now + 3600 : std::max(*reminder, reminders_paused_until_);
    if (!next || at < *next) next = at;
  }
  return next;
}

NotifyReport RouteSender::deliver_reminders(std::time_t now) {
  NotifyReport report;
  if (!client_ || dead_ || ctx_.record_failed || ctx_.dry_run || now < reminders_paused_until_) return report;
  try {
    for (const auto& r : ctx_.store.due_reminders(key_, now, 100)) {
      if (now - r.due_at > kReminderGraceSeconds) {
        ctx_.store.mark_reminder(r.id, ReminderState::Skipped, "보낼 시각이 지나 보내지 않았습니다", now);
        logger("notify")->warn("보낼 시각이 {}분 지나 보내지 않은 오픈 알림: {} ({}분 전 알림)", (now - r.due_at) / 60, r.title,
                               r.offset_min);
        continue;
      }
      if (!send_reminder(r, now, report)) break;
    }
  } catch (const StoreError& e) {
    ctx_.record_failed = true;
    report.record_failed = true;
    logger("notify")->error("알림 전송 실패: 오픈 알림의 결과를 데이터베이스에 기록하지 못해 전송을 멈췄습니다 — {}", e.what());
  }
  return report;
}

bool RouteSender::send_reminder(const Reminder& r, std::time_t now, NotifyReport& report) {
  auto log = logger("notify");
  const nlohmann::json message = build_reminder_message(r, embed_options(0));
  SendResult sent;
  // A 429 that says how long to wait is waited out here, as for an alert: the reminder stays
  // ahead of the alerts that are waiting for the same webhook.
  for (int limited = 0;;) {
    const auto wait = client_->next_allowed_at() - std::chrono::steady_clock::now();
    if (wait > std::chrono::seconds(30)) {
      reminders_paused_until_ = now + std::chrono::duration_cast<std::chrono::seconds>(wait).count() + 1;
      return false;
    }
    if (!ctx_.stop.wait_until(client_->next_allowed_at())) return false;
    sent = client_->send(message);
    if (sent.http_status != 0) ++report.requests;
    if (sent.outcome != SendOutcome::rate_limited) break;
    if (sent.http_status == 0) continue;  // our own bucket said wait: the top of the loop does
    ++report.rate_limited;
    if (!sent.retry_after_known || ++limited >= kReminderRateLimits) break;
  }
  switch (sent.outcome) {
    case SendOutcome::ok:
      ctx_.store.mark_reminder(r.id, ReminderState::Sent, sent.message_id, now);
      ++report.sent;
      log->info("알림 전송 성공: ⏰ {}분 전 오픈 알림 — {} (메시지 {}){}", r.offset_min, r.title, sent.message_id,
                route_tag(route_.name));
      return true;
    case SendOutcome::rate_limited:
      reminders_paused_until_ = now + static_cast<std::time_t>(std::ceil(std::max(1.0, sent.retry_after_s)));
      return false;
    case SendOutcome::retryable:
      reminders_paused_until_ = now + 5;
      log->warn("오픈 알림 재전송 예정: {} — {}", r.title, sent.error);
      return false;
    case SendOutcome::rejected:
      ctx_.store.mark_reminder(r.id, ReminderState::Failed, sent.error, now);
      ++report.failed;
      log->error("알림 전송 실패: ⏰ 오픈 알림 {} — {}", r.title, sent.error);
      return true;
    case SendOutcome::dead:
      mark_dead(sent.error, now);
      report.webhook_dead = true;
      report.dead_reason = sent.error;
      log->error("알림 전송 실패: {} — 오픈 알림은 웹훅이 다시 동작하면 보냅니다{}", sent.error, route_tag(route_.name));
      return false;
  }
  return false;
}

bool RouteSender::reminder_is_due() {
  const std::time_t now = ctx_.reminder_now();
  if (now < reminders_paused_until_) return false;
  const auto next = ctx_.store.next_reminder_at(key_);
  return next && *next <= now;
}

Notice RouteSender::notice_of(const Delivery& d) const {
  Notice n;
  n.ticket = d.ticket;
  n.kind = notice_kind(d.kind);
  n.priority = d.kind != DeliveryKind::Summary && d.kind != DeliveryKind::Also && filter_.priority(d.ticket);
  n.summary = d.summary;
  n.delivery_id = d.id;
  n.previous_attempts = d.attempts;
  n.previous = d.previous;
  return n;
}

bool RouteSender::edit_first_alert(const Delivery& d, std::time_t now, NotifyReport& report) {
  if (!d.previous) return false;
  const auto message = ctx_.store.sent_message_of(route_.name, d.previous->site, d.previous->id);
  if (message.empty()) return false;
  std::vector<Notice> notices;
  std::size_t original = 0;
  for (const auto& m : message) {
    if (m.site == d.previous->site && m.ticket_id == d.previous->id) original = notices.size();
    notices.push_back(notice_of(m));
  }
  std::vector<Ticket> also;
  for (const auto& a : ctx_.store.sent_also_for(route_.name, d.previous->site, d.previous->id)) also.push_back(a.ticket);
  also.push_back(d.ticket);
  const std::string message_id = message.front().discord_message_id;
  if (!ctx_.stop.wait_until(client_->next_allowed_at())) return true;  // stopping: it stays pending
  const SendResult r = client_->edit_message(message_id, build_also_edit(notices, original, also, embed_options(now)));
  if (r.http_status != 0) ++report.requests;
  auto log = logger("notify");
  switch (r.outcome) {
    case SendOutcome::ok:
      ctx_.store.mark_sent(d.id, message_id, now);
      ++report.sent;
      log->info("알림 전송 성공: 먼저 보낸 알림(메시지 {})에 {} 추가 — {}{}", message_id, d.ticket.site_name, d.ticket.title,
                route_tag(route_.name));
      return true;
    case SendOutcome::rate_limited:
      if (r.http_status != 0) ++report.rate_limited;  // a 429, not our own bucket saying wait
      ctx_.store.mark_retry(d.id, r.error, now + static_cast<std::time_t>(std::ceil(std::max(1.0, r.retry_after_s))), false);
      return true;
    case SendOutcome::retryable:
      ctx_.store.mark_retry(d.id, r.error, now + 30, true);
      return true;
    case SendOutcome::dead:
      mark_dead(r.error, now);
      report.webhook_dead = true;
      report.dead_reason = r.error;
      ctx_.store.mark_retry(d.id, r.error, now, false);
      return true;
    case SendOutcome::rejected:
      log->warn("먼저 보낸 알림을 고치지 못해 짧은 알림을 따로 보냅니다: {} — {}", d.ticket.title, r.error);
      return false;
  }
  return false;
}

NotifyReport RouteSender::deliver(const std::vector<Delivery>& due, std::time_t now) {
  std::vector<Notice> notices;
  std::vector<const Delivery*> also;
  for (const auto& d : due) {
    if (d.kind == DeliveryKind::Also && !ctx_.dry_run)
      also.push_back(&d);
    else
      notices.push_back(notice_of(d));
  }
  // The first alerts go first: a show listed by two sites in one crawl edits the message just sent.
  NotifyReport report = send_notices(notices, now);
  if (also.empty() || dead_ || ctx_.record_failed || report.yielded || report.record_failed) return report;
  std::vector<Notice> follow_ups;
  for (const Delivery* d : also)
    if (!edit_first_alert(*d, now, report)) follow_ups.push_back(notice_of(*d));
  if (dead_) return report;
  add_report(report, send_notices(follow_ups, now));
  return report;
}

NotifyReport RouteSender::send_notices(const std::vector<Notice>& notices, std::time_t now) {
  NotifyReport report;
  if (notices.empty()) return report;
  NotifierOptions options = notifier_options_from(ctx_.config);
  options.embed = embed_options(now);
  if (ctx_.dry_run) {
    for (const auto& m : plan_messages(notices, options.embed))
      std::cout << m.payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
    logger("notify")->info("--dry-run: 알림 {}건을 보내지 않았습니다 (대기열에 남아 있음)", notices.size());
    report.pending = notices.size();
    return report;
  }
  Notifier notifier(*client_, options, &ctx_.stop);
  report = notifier.send(
      notices, [&](const MessageResult& m) { persist(m, std::time(nullptr)); }, [this] { return reminder_is_due(); });
  if (report.webhook_dead) {
    logger("notify")->error("알림 전송 실패: {} — 설정의 {}을(를) 새 웹훅 주소로 바꾸고 다시 시작하세요. "
                            "보내지 못한 알림 {}건은 대기열에 남아 있고, {}분마다 웹훅을 다시 확인합니다.",
                            report.dead_reason, route_webhook_setting(route_.name),
                            ctx_.store.pending_count(), kDeadProbeSeconds / 60);
  }
  return report;
}

}  // namespace ta
