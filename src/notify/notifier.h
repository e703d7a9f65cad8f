#pragma once
// Sends due notices through one webhook, in order, honouring notification_delay, Discord's rate
// limits and retry rules. Reports every HTTP answer through a callback as soon as it arrives, so
// the caller can persist it before the next message goes out: a notice is marked sent only after
// Discord confirmed it, and a crash can repeat at most the one message in flight.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "notify/embed_builder.h"
#include "notify/notice.h"
#include "notify/send_result.h"
#include "notify/stop_signal.h"
#include "notify/webhook_client.h"

namespace ta {

struct Config;

enum class DeliveryStatus {
  sent,          // Discord confirmed the message: mark delivered
  rate_limited,  // 429: nothing changes, the same body goes again after retry_after (not an attempt)
  retrying,      // failed attempt (or a rejected batch being split); this call sends it again
  retry_later,   // handed back: attempt again at next_attempt_at
  failed,        // Discord rejected this notice's own message: never resend it
  dead,          // the webhook is gone or its token is wrong: nothing can be sent until it is fixed
};

const char* to_string(DeliveryStatus s);

// One HTTP answer (or, for retry_later after a stop/long wait, one hand-back) for one message.
struct MessageResult {
  std::vector<std::size_t> notice_indexes;  // into `due`
  std::vector<std::int64_t> delivery_ids;   // the same notices' Notice::delivery_id
  SendResult result;
  DeliveryStatus status = DeliveryStatus::retry_later;
  int attempts = 0;  // failed attempts of this message in this call (429s excluded)
  std::chrono::system_clock::time_point next_attempt_at{};
};

struct NoticeResult {
  DeliveryStatus status = DeliveryStatus::retry_later;
  std::string message_id;  // sent
  std::string error;       // Korean; empty when sent
  int attempts = 0;        // failed attempts in this call
  std::chrono::system_clock::time_point next_attempt_at{};  // retry_later
};

struct NotifyReport {
  std::vector<NoticeResult> notices;  // parallel to `due`
  std::size_t sent = 0;
  std::size_t pending = 0;  // retry_later
  std::size_t failed = 0;
  bool webhook_dead = false;
  std::string dead_reason;
  std::size_t requests = 0;      // HTTP requests made
  std::size_t rate_limited = 0;  // 429 answers among them
  bool record_failed = false;    // on_result threw: sending stopped there
  bool yielded = false;          // should_yield said so: the rest was handed back, due now
};

// Adds `more`'s counts and flags to `into` (several runs, routes or passes reported as one).
void add_report(NotifyReport& into, const NotifyReport& more);

struct NotifierOptions {
  EmbedOptions embed;
  std::chrono::milliseconds message_delay{1000};  // config notification_delay, between messages
  int max_attempts = 3;                           // per message per call; 429s do not count
  int max_rate_limits = 6;                        // 429s per message per call before it goes back to the queue
  std::chrono::milliseconds unknown_retry_max{60 * 1000};  // cap of the backoff for a 429 without retry_after
  std::chrono::milliseconds backoff_base{2000};
  std::chrono::milliseconds backoff_max{10 * 60 * 1000};
  // A rate-limit wait or backoff longer than this hands the notices back instead of blocking.
  std::chrono::milliseconds max_blocking_wait{2 * 60 * 1000};
};

NotifierOptions notifier_options_from(const Config& config);

class Notifier {
 public:
  using ResultCallback = std::function<void(const MessageResult&)>;

  // `client` and `stop` (may be null) must outlive the notifier.
  Notifier(WebhookClient& client, NotifierOptions options, StopSignal* stop = nullptr);

  // Asked before each message and after each 429: true when something more urgent (a reminder
  // whose moment has come) should go first; the rest of the run is then handed back, due now.
  using YieldCheck = std::function<bool()>;

  // Never throws (an exception from `on_result` is logged and the run continues).
  NotifyReport send(const std::vector<Notice>& due, const ResultCallback& on_result = {},
                    const YieldCheck& should_yield = {});

 private:
  struct Run;
  void deliver(Run& run, PlannedMessage message);
  static void halt_run(Run& run, DeliveryStatus status, const std::string& error,
                       std::chrono::system_clock::time_point next);

  WebhookClient& client_;
  NotifierOptions options_;
  StopSignal* stop_;
};

}  // namespace ta
