#pragma once
// The glue between the delivery queue and Discord: takes what is due, sends it through the
// notifier and writes every answer back right away (sent only after Discord confirmed it).
#include <atomic>
#include <ctime>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "monitor/keyword_filter.h"
#include "notify/notifier.h"
#include "notify/stop_signal.h"
#include "notify/webhook_client.h"
#include "store/store.h"

namespace ta {

class DeliveryRunner {
 public:
  // dry_run: print the messages that would be sent (JSON, one per line) and send nothing.
  DeliveryRunner(const Config& config, Store& store, StopSignal& stop, bool dry_run);
  ~DeliveryRunner();

  bool has_webhook() const { return client_ != nullptr; }
  const std::string& webhook_key() const { return key_; }
  // A crawl cycle starts: deliveries the last cycle's cap deferred are due again, and
  // max_notifications_per_cycle counts from zero.
  void begin_cycle();
  // Sends what is due now: every retry whose time has come, and pending deliveries up to what is
  // left of this cycle's max_notifications_per_cycle (the rest are deferred to the next cycle).
  // While the webhook is dead, one delivery goes out every kDeadProbeSeconds to see whether it
  // works again.
  NotifyReport deliver_due(std::time_t now, int limit = 1000000);
  // Sends the reminders due by `now` (reminder_now() for the monitor), each a short message of
  // its own; one more than kReminderGraceSeconds late is skipped, never sent late. Called before
  // deliver_due, so a backlog of alerts never holds a reminder back.
  NotifyReport deliver_reminders(std::time_t now);
  // The canary's messages (store/site_health.h) the ops channel has not been told yet: one when a
  // site breaks, one when it recovers, to OPS_WEBHOOK_URL or else the alert webhook.
  NotifyReport deliver_ops();
  // "Now" for reminders: the wall clock, or what set_reminder_clock gave (a replay's archive time).
  std::time_t reminder_now() const { return reminder_clock_ ? reminder_clock_() : std::time(nullptr); }
  void set_reminder_clock(std::function<std::time_t()> clock) { reminder_clock_ = std::move(clock); }
  // When deliver_due or deliver_reminders has something to do next without a new crawl result:
  // now (alerts still due), the earliest retry or reminder, or the next dead-webhook probe;
  // nullopt when nothing is waiting (or nothing can be sent).
  std::optional<std::time_t> next_due_at();
  bool webhook_dead() const { return dead_; }
  // A sent message's result could not be stored: nothing more is sent by this process (it would
  // repeat), and `once` exits non-zero.
  bool record_failed() const { return record_failed_; }
  // What "now" is for a site's alert when judging whether it went stale: the wall clock by
  // default; a replay passes the site's archive time (nullopt before one was crawled: nothing is
  // judged stale then).
  using StaleClock = std::function<std::optional<std::time_t>(const std::string& site)>;
  void set_stale_clock(StaleClock clock) { stale_clock_ = std::move(clock); }

  static constexpr std::time_t kDeadProbeSeconds = 600;

 private:
  // A reminder's moment has come (and reminders are not paused by a 429): alerts give way.
  bool reminder_is_due();
  NotifyReport deliver(const std::vector<Delivery>& due, std::time_t now);
  // The due deliveries this call may send; pending ones over the cycle's cap are deferred.
  std::vector<Delivery> within_cycle_cap(std::vector<Delivery> due);
  // Drops (marks stale) the alerts whose every opening has passed; returns the others.
  std::vector<Delivery> without_stale(std::vector<Delivery> due);
  int cycle_cap() const;
  void persist(const MessageResult& m, std::time_t now);
  // One reminder: false when sending must pause (rate limit, Discord trouble, a dead webhook).
  bool send_reminder(const Reminder& r, std::time_t now, NotifyReport& report);

  const Config& config_;
  Store& store_;
  StopSignal& stop_;
  bool dry_run_;
  KeywordFilter filter_;
  std::unique_ptr<WebhookClient> client_;
  std::string key_;
  bool dead_ = false;
  StaleClock stale_clock_ = [](const std::string&) { return std::optional<std::time_t>(std::time(nullptr)); };
  std::time_t probe_at_ = 0;  // while dead_: when the next probe may go out
  int sent_this_cycle_ = 0;   // pending deliveries taken since begin_cycle()
  std::unique_ptr<WebhookClient> ops_client_;  // OPS_WEBHOOK_URL; null: the alert webhook
  std::atomic<bool> record_failed_{false};  // read by /healthz from the web server's threads
  std::time_t reminders_paused_until_ = 0;  // after a 429 or a Discord error
  std::function<std::time_t()> reminder_clock_;
};

}  // namespace ta
