#pragma once
// One Discord webhook over libcurl. Keeps a single easy handle (its connection is reused between
// messages) and the webhook's rate-limit bucket. Never throws from its public functions.
#include <chrono>
#include <memory>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

#include "notify/rate_limit.h"
#include "notify/send_result.h"
#include "notify/stop_signal.h"
#include "notify/webhook_url.h"

namespace ta {

struct ProxyConfig;

struct WebhookClientOptions {
  std::string proxy;  // given to CURLOPT_PROXY; empty: no proxy configured
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds total_timeout{15000};
  std::string user_agent = "ticket-alarm/0.1";
};

// The configured proxy for this webhook's scheme (proxy.https for https, proxy.http for http),
// the way the old tool's `proxies` dict chose it.
std::string proxy_for(const WebhookUrl& url, const ProxyConfig& proxy);

class WebhookClient {
 public:
  using Clock = std::chrono::steady_clock;

  explicit WebhookClient(WebhookUrl url, WebhookClientOptions options = {});
  ~WebhookClient();
  WebhookClient(const WebhookClient&) = delete;
  WebhookClient& operator=(const WebhookClient&) = delete;

  // POSTs `payload` now, unless the bucket is known to be empty: then nothing is sent and the
  // result is rate_limited with the wait left, so the caller can schedule instead of sleeping.
  SendResult send(const nlohmann::json& payload);
  // Waits for next_allowed_at() (interrupted by `stop`, which may be null), then send(). When
  // stopped first, returns retryable with nothing sent.
  SendResult send_when_allowed(const nlohmann::json& payload, StopSignal* stop);
  // PATCHes the webhook's own message `message_id` (an edit never pings). Unknown Message (404,
  // code 10008: deleted in the channel) is `rejected`, not a dead webhook.
  SendResult edit_message(const std::string& message_id, const nlohmann::json& payload);
  // GET the webhook object ({id, name, channel_id, guild_id, type}); `webhook` is set on ok.
  SendResult fetch_webhook(nlohmann::json* webhook);

  // Before this instant a request would exceed the last known bucket or a 429's retry_after.
  Clock::time_point next_allowed_at() const;
  const WebhookUrl& url() const { return url_; }

 private:
  SendResult perform(const std::string& url, const std::string* body, nlohmann::json* response_json,
                     const char* method = nullptr);

  WebhookUrl url_;
  WebhookClientOptions options_;
  std::mutex request_mutex_;  // one easy handle: one request at a time
  void* curl_ = nullptr;      // CURL*, kept opaque so users need no curl headers
  mutable std::mutex state_mutex_;
  RateLimitState rate_limit_;
};

}  // namespace ta
