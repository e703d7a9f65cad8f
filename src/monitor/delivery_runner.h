#pragma once
// The glue between the delivery queue and Discord: takes what is due, sends it through the
// notifier and writes every answer back right away (sent only after Discord confirmed it).
#include <ctime>
#include <memory>
#include <optional>
#include <string>

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
  // Sends up to max_notifications_per_cycle due deliveries; the rest wait for the next cycle.
  NotifyReport deliver_due(std::time_t now);
  // Between cycles: sends only the retries (deliveries pushed back past `after`, the end of the
  // last cycle) that are due by `now`, so a Discord hiccup delays an alert by its backoff, not by
  // a whole interval.
  NotifyReport deliver_retries(std::time_t after, std::time_t now);
  // When the next such retry is due; nullopt when there is none (or nothing can be sent).
  std::optional<std::time_t> next_retry_after(std::time_t after);

 private:
  NotifyReport deliver(const std::vector<Delivery>& due, std::time_t now);
  int batch_limit() const;
  void persist(const MessageResult& m, std::time_t now);

  const Config& config_;
  Store& store_;
  StopSignal& stop_;
  bool dry_run_;
  KeywordFilter filter_;
  std::unique_ptr<WebhookClient> client_;
  std::string key_;
  bool dead_ = false;
};

}  // namespace ta
