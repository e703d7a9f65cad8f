#pragma once
// The glue between the delivery queue and Discord: takes what is due for each route (channel),
// sends it through that route's webhook and writes every answer back right away (sent only after
// Discord confirmed it). Routes are independent: one dead or rate-limited webhook holds back
// only its own channel.
#include <ctime>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "monitor/route_sender.h"
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

  // Some route has a webhook to send to.
  bool has_webhook() const;
  // How record_crawl addresses each route's deliveries and reminders.
  std::vector<RoutePolicy> route_policies() const;
  const std::vector<std::unique_ptr<RouteSender>>& routes() const { return routes_; }
  // A crawl cycle starts: deliveries the last cycle's cap deferred are due again, and
  // max_notifications_per_cycle counts from zero (per route).
  void begin_cycle();
  // Sends what is due now on every route: every retry whose time has come, and pending
  // deliveries up to what is left of this cycle's max_notifications_per_cycle (the rest are
  // deferred to the next cycle). While a webhook is dead, one delivery goes out every
  // kDeadProbeSeconds to see whether it works again.
  NotifyReport deliver_due(std::time_t now, int limit = 1000000);
  // Sends the reminders due by `now` (reminder_now() for the monitor), each a short message of
  // its own; one more than kReminderGraceSeconds late is skipped, never sent late. Called before
  // deliver_due, so a backlog of alerts never holds a reminder back.
  NotifyReport deliver_reminders(std::time_t now);
  // The canary's messages (store/site_health.h) the ops channel has not been told yet: one when a
  // site breaks, one when it recovers, to OPS_WEBHOOK_URL or else the first route's webhook.
  NotifyReport deliver_ops();
  // "Now" for reminders: the wall clock, or what set_reminder_clock gave (a replay's archive time).
  std::time_t reminder_now() const { return ctx_.reminder_now(); }
  void set_reminder_clock(std::function<std::time_t()> clock) { ctx_.reminder_clock = std::move(clock); }
  // When some route has something to do next without a new crawl result: now (alerts still
  // due), the earliest retry or reminder, or the next dead-webhook probe; nullopt when nothing is
  // waiting (or nothing can be sent).
  std::optional<std::time_t> next_due_at();
  bool webhook_dead() const;  // some route's webhook is dead
  // A sent message's result could not be stored: nothing more is sent by this process (it would
  // repeat), and `once` exits non-zero.
  bool record_failed() const { return ctx_.record_failed; }
  // What "now" is for a site's alert when judging whether it went stale: the wall clock by
  // default; a replay passes the site's archive time (nullopt before one was crawled: nothing is
  // judged stale then).
  using StaleClock = std::function<std::optional<std::time_t>(const std::string& site)>;
  void set_stale_clock(StaleClock clock) { ctx_.stale_clock = std::move(clock); }

  // One route's part of the above, for a sending thread per route (DeliveryWorker): a 429 storm
  // on one channel's webhook never delays another channel.
  std::size_t route_count() const { return routes_.size(); }
  void begin_cycle(std::size_t route) { routes_.at(route)->begin_cycle(); }
  NotifyReport deliver_due(std::size_t route, std::time_t now, int limit);
  NotifyReport deliver_reminders(std::size_t route, std::time_t now);
  std::optional<std::time_t> next_due_at(std::size_t route) { return routes_.at(route)->next_due_at(); }

  static constexpr std::time_t kDeadProbeSeconds = ::ta::kDeadProbeSeconds;

 private:
  SendContext ctx_;
  std::vector<std::unique_ptr<RouteSender>> routes_;
  std::unique_ptr<WebhookClient> ops_client_;  // OPS_WEBHOOK_URL; null: the first route's webhook
};

}  // namespace ta
