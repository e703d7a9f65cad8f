#include "notify/notifier.h"

#include <algorithm>
#include <ctime>
#include <deque>
#include <thread>

#include "config/config.h"
#include "log/log.h"
#include "notify/backoff.h"
#include "notify/text_fit.h"

namespace ta {
namespace {

using Clock = std::chrono::steady_clock;
using SysClock = std::chrono::system_clock;

std::string log_title(const Notice& n) {
  if (n.kind == NoticeKind::summary)
    return n.ticket.site_name + " 첫 크롤링 요약 (" + std::to_string(n.summary.size()) + "건)";
  return notify_text::fit(n.ticket.title, 200);
}

SysClock::time_point wall_clock_after(Clock::duration d) {
  return SysClock::now() + std::chrono::duration_cast<SysClock::duration>(d);
}

}  // namespace

void add_report(NotifyReport& into, const NotifyReport& more) {
  into.sent += more.sent;
  into.failed += more.failed;
  into.pending += more.pending;
  into.requests += more.requests;
  into.rate_limited += more.rate_limited;
  into.record_failed |= more.record_failed;
  into.yielded |= more.yielded;
  if (more.webhook_dead) {
    into.webhook_dead = true;
    into.dead_reason = more.dead_reason;
  }
  into.notices.insert(into.notices.end(), more.notices.begin(), more.notices.end());
}

const char* to_string(DeliveryStatus s) {
  switch (s) {
    case DeliveryStatus::sent: return "sent";
    case DeliveryStatus::rate_limited: return "rate_limited";
    case DeliveryStatus::retrying: return "retrying";
    case DeliveryStatus::retry_later: return "retry_later";
    case DeliveryStatus::failed: return "failed";
    case DeliveryStatus::dead: return "dead";
  }
  return "unknown";
}

NotifierOptions notifier_options_from(const Config& config) {
  NotifierOptions o;
  o.embed.priority_mention = config.priority_mention;
  o.embed.dashboard_url = config.dashboard_url;
  double delay_ms = std::max(0.0, config.notification_delay) * 1000.0;
  o.message_delay = std::chrono::milliseconds(static_cast<long long>(std::min(delay_ms, 3600000.0)));
  return o;
}

struct Notifier::Run {
  const std::vector<Notice>& due;
  const ResultCallback& on_result;
  const YieldCheck& should_yield;
  NotifyReport report;
  std::deque<PlannedMessage> queue;
  bool has_previous = false;
  Clock::time_point previous_end{};
  // Once set, the remaining messages are handed back with this status instead of being tried.
  bool halted = false;
  DeliveryStatus halt_status = DeliveryStatus::retry_later;
  std::string halt_error;
  SysClock::time_point halt_next{};
};

// From here on the run's remaining messages are handed back with this status, not tried.
void Notifier::halt_run(Run& run, DeliveryStatus status, const std::string& error, SysClock::time_point next) {
  run.halted = true;
  run.halt_status = status;
  run.halt_error = error;
  run.halt_next = next;
}

Notifier::Notifier(WebhookClient& client, NotifierOptions options, StopSignal* stop)
    : client_(client), options_(std::move(options)), stop_(stop) {}

NotifyReport Notifier::send(const std::vector<Notice>& due, const ResultCallback& on_result,
                            const YieldCheck& should_yield) {
  Run run{due, on_result, should_yield, {}, {}, false, {}, false, DeliveryStatus::retry_later, {}, {}};
  run.report.notices.resize(due.size());
  EmbedOptions embed = options_.embed;
  if (embed.now == 0) embed.now = std::time(nullptr);
  try {
    for (auto& m : plan_messages(due, embed)) run.queue.push_back(std::move(m));
  } catch (const std::exception& e) {
    // Not expected (the builder sanitises everything); keep the notices rather than lose them.
    logger("notify")->error("알림 메시지를 만들지 못했습니다: {}", e.what());
    for (auto& n : run.report.notices) {
      n.status = DeliveryStatus::retry_later;
      n.error = "알림 메시지를 만들지 못했습니다";
      n.next_attempt_at = SysClock::now();
    }
  }
  while (!run.queue.empty()) {
    PlannedMessage m = std::move(run.queue.front());
    run.queue.pop_front();
    deliver(run, std::move(m));
  }
  for (const auto& n : run.report.notices) {
    if (n.status == DeliveryStatus::sent) ++run.report.sent;
    else if (n.status == DeliveryStatus::failed) ++run.report.failed;
    else if (n.status == DeliveryStatus::retry_later) ++run.report.pending;
  }
  return std::move(run.report);
}

void Notifier::deliver(Run& run, PlannedMessage message) {
  auto log = logger("notify");
  auto emit = [&](const SendResult& r, DeliveryStatus status, int attempts, SysClock::time_point next) {
    MessageResult mr;
    mr.notice_indexes = message.notice_indexes;
    for (std::size_t i : message.notice_indexes) mr.delivery_ids.push_back(run.due[i].delivery_id);
    mr.result = r;
    mr.status = status;
    mr.attempts = attempts;
    mr.next_attempt_at = next;
    for (std::size_t i : message.notice_indexes) {
      auto& n = run.report.notices[i];
      n.status = status;
      n.attempts = attempts;
      n.next_attempt_at = next;
      n.error = status == DeliveryStatus::sent ? "" : r.error;
      if (status == DeliveryStatus::sent) n.message_id = r.message_id;
    }
    if (!run.on_result) return;
    // A result that cannot be recorded would be sent again by the next look at the queue: stop
    // sending and hand the rest back instead.
    std::string failure;
    try {
      run.on_result(mr);
    } catch (const std::exception& e) {
      failure = e.what();
    } catch (...) {
      failure = "unknown error";
    }
    if (failure.empty()) return;
    if (!run.report.record_failed) log->error("알림 결과를 기록하지 못해 남은 알림을 보내지 않습니다: {}", failure);
    run.report.record_failed = true;
    halt_run(run, DeliveryStatus::retry_later, "알림 결과를 기록하지 못했습니다", SysClock::now());
  };
  auto hand_back = [&](int attempts) {
    SendResult r;
    r.outcome = run.halt_status == DeliveryStatus::dead ? SendOutcome::dead : SendOutcome::retryable;
    r.error = run.halt_error;
    emit(r, run.halt_status, attempts, run.halt_next);
  };
  auto halt = [&](DeliveryStatus status, const std::string& error, SysClock::time_point next) {
    halt_run(run, status, error, next);
  };
  auto pause_until = [&](Clock::time_point when) {
    if (stop_) return stop_->wait_until(when);
    std::this_thread::sleep_until(when);
    return true;
  };
  auto stopped = [&](int attempts) {
    halt(DeliveryStatus::retry_later, "종료 요청으로 보내지 않았습니다", SysClock::now());
    hand_back(attempts);
  };
  auto yields = [&] {
    if (!run.should_yield || !run.should_yield()) return false;
    log->info("때가 된 오픈 알림을 먼저 보내고 남은 알림 {}건을 이어서 보냅니다", run.queue.size() + 1);
    halt(DeliveryStatus::retry_later, "때가 된 오픈 알림을 먼저 보냅니다", SysClock::now());
    run.report.yielded = true;
    return true;
  };

  if (run.halted) return hand_back(0);
  if (yields()) return hand_back(0);
  if (run.has_previous && !pause_until(run.previous_end + options_.message_delay)) return stopped(0);

  int earlier_attempts = 0;
  for (std::size_t i : message.notice_indexes) earlier_attempts = std::max(earlier_attempts, run.due[i].previous_attempts);

  int attempts = 0;
  int rate_limits = 0;
  for (;;) {
    auto allowed = client_.next_allowed_at();
    auto wait = allowed - Clock::now();
    if (wait > options_.max_blocking_wait) {
      halt(DeliveryStatus::retry_later, "Discord 속도 제한으로 나중에 보냅니다", wall_clock_after(wait));
      return hand_back(attempts);
    }
    if (!pause_until(allowed) || (stop_ && stop_->stop_requested())) return stopped(attempts);

    SendResult r = client_.send(message.payload);
    if (r.outcome == SendOutcome::rate_limited && r.http_status == 0) continue;  // our bucket said wait
    ++run.report.requests;
    run.has_previous = true;
    run.previous_end = Clock::now();

    switch (r.outcome) {
      case SendOutcome::ok:
        emit(r, DeliveryStatus::sent, attempts, {});
        for (std::size_t i : message.notice_indexes)
          log->info("알림 전송 성공: {} (메시지 {})", log_title(run.due[i]), r.message_id);
        return;
      case SendOutcome::rate_limited: {
        // Not a failed attempt: the same body goes again once retry_after has passed. Without a
        // usable retry_after the wait doubles (capped), and a message limited again and again
        // goes back to the queue rather than holding the sender.
        ++run.report.rate_limited;
        ++rate_limits;
        const auto limit_wait = r.retry_after_known
                              ? seconds_to_wait(r.retry_after_s)
                              : std::max(seconds_to_wait(r.retry_after_s),
                                         exponential_backoff(rate_limits, std::chrono::seconds(1), options_.unknown_retry_max));
        if (rate_limits >= options_.max_rate_limits) {
          log->warn("Discord 속도 제한이 계속되어 ({}회) 남은 알림을 대기열로 돌려보냅니다 — {:.1f}초 뒤 다시 보냅니다",
                    rate_limits, limit_wait.count() / 1000.0);
          halt(DeliveryStatus::retry_later, "Discord 속도 제한이 계속되어 나중에 보냅니다", wall_clock_after(limit_wait));
          return hand_back(attempts);
        }
        emit(r, DeliveryStatus::rate_limited, attempts, wall_clock_after(limit_wait));
        if (yields()) return hand_back(attempts);
        log->warn("Discord 속도 제한: {:.3f}초 기다린 뒤 다시 보냅니다", limit_wait.count() / 1000.0);
        if (!r.retry_after_known && !pause_until(Clock::now() + limit_wait)) return stopped(attempts);
        continue;
      }
      case SendOutcome::retryable: {
        ++attempts;
        auto delay = exponential_backoff(earlier_attempts + attempts, options_.backoff_base, options_.backoff_max);
        if (attempts < options_.max_attempts && delay <= options_.max_blocking_wait) {
          emit(r, DeliveryStatus::retrying, attempts, wall_clock_after(delay));
          for (std::size_t i : message.notice_indexes)
            log->warn("알림 재전송 예정: {} — {} ({}번째 시도 실패)", log_title(run.due[i]), r.error, attempts);
          if (!pause_until(Clock::now() + delay)) return stopped(attempts);
          continue;
        }
        auto next = wall_clock_after(delay);
        emit(r, DeliveryStatus::retry_later, attempts, next);
        for (std::size_t i : message.notice_indexes)
          log->error("알림 전송 실패: {} — {}", log_title(run.due[i]), r.error);
        // Discord is struggling: later messages would fail the same way, so keep them queued too.
        halt(DeliveryStatus::retry_later, r.error, next);
        return;
      }
      case SendOutcome::rejected:
        if (message.notice_indexes.size() > 1) {
          // One bad embed must not sink the others: resend each alone (a different body).
          emit(r, DeliveryStatus::retrying, attempts, SysClock::now());
          log->warn("Discord가 묶음 메시지를 거부해 하나씩 다시 보냅니다: {}", r.error);
          EmbedOptions embed = options_.embed;
          if (embed.now == 0) embed.now = std::time(nullptr);
          std::vector<PlannedMessage> singles;
          for (std::size_t i : message.notice_indexes) {
            auto planned = plan_messages({run.due[i]}, embed);
            for (auto& p : planned) {
              p.notice_indexes = {i};
              singles.push_back(std::move(p));
            }
          }
          for (auto it = singles.rbegin(); it != singles.rend(); ++it) run.queue.push_front(std::move(*it));
          return;
        }
        emit(r, DeliveryStatus::failed, attempts, {});
        for (std::size_t i : message.notice_indexes)
          log->error("알림 전송 실패: {} — {}", log_title(run.due[i]), r.error);
        return;
      case SendOutcome::dead:
        emit(r, DeliveryStatus::dead, attempts, {});
        for (std::size_t i : message.notice_indexes)
          log->error("알림 전송 실패: {} — {}", log_title(run.due[i]), r.error);
        run.report.webhook_dead = true;
        run.report.dead_reason = r.error;
        halt(DeliveryStatus::dead, r.error, {});
        return;
    }
  }
}

}  // namespace ta
