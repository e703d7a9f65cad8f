#pragma once
// One route's sending (config routes, or the old keys' default route): its webhook, its dead/ok
// state, its rate limits, its per-cycle cap and its reminders. DeliveryRunner holds one per
// route; what they share (the store, the stop signal, the clocks, whether recording failed) is a
// SendContext.
#include <atomic>
#include <ctime>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "monitor/route_filter.h"
#include "notify/notifier.h"
#include "notify/stop_signal.h"
#include "notify/webhook_client.h"
#include "store/store.h"

namespace ta {

struct SendContext {
  const Config& config;
  Store& store;
  StopSignal& stop;
  bool dry_run = false;
  // A sent message's result could not be stored: no route sends any more (it would repeat).
  std::atomic<bool> record_failed{false};
  std::function<std::optional<std::time_t>(const std::string& site)> stale_clock;
  std::function<std::time_t()> reminder_clock;  // empty: the wall clock
  std::time_t reminder_now() const { return reminder_clock ? reminder_clock() : std::time(nullptr); }
};

class RouteSender {
 public:
  RouteSender(SendContext& context, const RouteConfig& route, const KeywordFilter::Groups& aliases);
  ~RouteSender();

  const std::string& name() const { return route_.name; }
  const std::string& webhook_key() const { return key_; }
  bool has_webhook() const { return client_ != nullptr; }
  bool dead() const { return dead_; }
  const RouteFilter& filter() const { return filter_; }
  WebhookClient* client() { return client_.get(); }
  // How record_crawl addresses this route's deliveries and reminders.
  RoutePolicy policy() const;

  void begin_cycle();
  NotifyReport deliver_due(std::time_t now, int limit);
  NotifyReport deliver_reminders(std::time_t now);
  std::optional<std::time_t> next_due_at();
  // A reminder's moment has come (and reminders are not paused by a 429): alerts give way.
  bool reminder_is_due();

 private:
  NotifyReport deliver(const std::vector<Delivery>& due, std::time_t now);
  NotifyReport send_notices(const std::vector<Notice>& notices, std::time_t now);
  std::vector<Delivery> within_cycle_cap(std::vector<Delivery> due);
  std::vector<Delivery> without_stale(std::vector<Delivery> due);
  // An "also": edits the first alert's message; false when it cannot (no message, refused) and
  // a follow-up should go instead. Handled deliveries are written back here.
  bool edit_first_alert(const Delivery& d, std::time_t now, NotifyReport& report);
  Notice notice_of(const Delivery& d) const;
  EmbedOptions embed_options(std::time_t now) const;
  int cycle_cap() const;
  void persist(const MessageResult& m, std::time_t now);
  void mark_dead(const std::string& error, std::time_t now);
  bool send_reminder(const Reminder& r, std::time_t now, NotifyReport& report);

  SendContext& ctx_;
  RouteConfig route_;
  RouteFilter filter_;
  std::unique_ptr<WebhookClient> client_;
  std::string key_;
  std::atomic<bool> dead_{false};  // read by the ops sender's thread and /healthz
  std::time_t probe_at_ = 0;  // while dead_: when the next probe may go out
  int sent_this_cycle_ = 0;   // pending deliveries taken since begin_cycle()
  std::time_t reminders_paused_until_ = 0;  // after a 429 or a Discord error
};

constexpr std::time_t kDeadProbeSeconds = 600;

}  // namespace ta
