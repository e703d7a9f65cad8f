#pragma once
// A local stand-in for Discord's webhook API (cpp-httplib on 127.0.0.1, an ephemeral port). It
// validates bodies the way Discord documents (../shared/discord-webhook.md), answers with Discord's
// status codes, headers and error bodies, rate-limits per webhook, can inject faults, and records
// every request and accepted message so tests assert on what Discord would have seen.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace httplib {
class Server;
}

namespace ta::test {

struct FakeDiscordRequest {
  std::chrono::steady_clock::time_point at;  // when the request arrived
  std::string method;
  std::string path;
  int api_version = 0;  // 0: unversioned URL
  std::string webhook_id;
  std::string user_agent;
  std::string body;
  int status = 0;
  double retry_after_s = 0;  // what a 429 told the client to wait
};

struct FakeDiscordMessage {
  std::string id;
  std::string webhook_id;
  std::string thread_id;
  nlohmann::json payload;
  // Who this message would notify: "everyone", "here", "user:ID", "role:ID".
  std::vector<std::string> pings;
  int edits = 0;  // PATCH /messages/ID accepted for it (payload holds the latest embeds)
};

class FakeDiscord {
 public:
  static constexpr const char* kWebhookId = "1234567890123456789";
  static constexpr const char* kToken = "fakeToken_abcDEF-0123456789";

  // Listening when the constructor returns, with one webhook (kWebhookId / kToken).
  FakeDiscord();
  ~FakeDiscord();
  FakeDiscord(const FakeDiscord&) = delete;
  FakeDiscord& operator=(const FakeDiscord&) = delete;

  int port() const { return port_; }
  // The URL a user would paste (unversioned): http://127.0.0.1:PORT/api/webhooks/ID/TOKEN.
  std::string webhook_url() const { return webhook_url(kWebhookId, kToken); }
  std::string webhook_url(const std::string& id, const std::string& token) const;

  void add_webhook(const std::string& id, const std::string& token, const std::string& name = "티켓 알림");
  void remove_webhook(const std::string& id);  // later requests get 404 Unknown Webhook
  // As a moderator deleting it in the channel: a later edit gets 404 Unknown Message (10008).
  void delete_message(const std::string& message_id);

  // Knobs. Defaults: 5 requests per 2 s per webhook, no faults, no delay.
  void set_rate_limit(int limit, std::chrono::milliseconds window);
  void fail_next(int count, int status = 500);
  void fail_fraction(double probability, std::uint32_t seed, int status = 500);
  void force_429(int count, double retry_after_s, bool global = false);
  void force_html_429(int count);  // Cloudflare's block page: 429 without retry_after or headers
  void set_response_delay(std::chrono::milliseconds delay);
  // Like AutoMod: any valid message whose body contains `word` gets 400 code 200000.
  void block_word(const std::string& word);

  std::vector<FakeDiscordRequest> requests() const;
  std::vector<FakeDiscordMessage> messages() const;
  bool wait_for_messages(std::size_t count, std::chrono::milliseconds timeout) const;
  // Waits until `done` holds for the accepted messages (checked after every request) or `timeout`.
  bool wait_until(const std::function<bool(const std::vector<FakeDiscordMessage>&)>& done,
                  std::chrono::milliseconds timeout) const;

  // Discord's validation of an execute-webhook body: nullopt when Discord would accept it, else
  // the 400 body it would send (code 50109, 50006 or 50035 with the errors tree).
  static std::optional<nlohmann::json> validate(const std::string& body);
  // Who `payload` would ping, given its content and allowed_mentions (Discord's default when absent).
  static std::vector<std::string> pings_of(const nlohmann::json& payload);

 private:
  struct Webhook {
    std::string token;
    std::string name;
  };
  // One per route and webhook id, known or not, as Discord keeps them.
  struct Bucket {
    int remaining = 0;
    std::chrono::steady_clock::time_point reset_at{};
  };
  struct Reply;

  Reply handle_execute(const std::string& id, const std::string& token, const std::string& body,
                       bool wait, const std::string& thread_id);
  Reply handle_get(const std::string& id, const std::string& token);
  Reply handle_edit(const std::string& id, const std::string& token, const std::string& message_id,
                    const std::string& body);
  std::optional<Reply> check_webhook(const std::string& id, const std::string& token);
  // Refills `bucket` when its window is over and adds every X-RateLimit-* header for it.
  void add_rate_limit_headers(Reply& reply, Bucket& bucket, const std::string& bucket_key,
                              std::chrono::steady_clock::time_point now);
  std::string next_snowflake();
  void pause_before_reply();

  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;

  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  bool stopping_ = false;
  std::map<std::string, Webhook> webhooks_;
  std::map<std::string, Bucket> buckets_;
  int limit_ = 5;
  std::chrono::milliseconds window_{2000};
  int fail_next_ = 0;
  int fail_next_status_ = 500;
  double fail_probability_ = 0;
  int fail_fraction_status_ = 500;
  std::mt19937 rng_{1};
  int forced_429_ = 0;
  int forced_html_429_ = 0;
  double forced_retry_after_ = 0;
  bool forced_global_ = false;
  std::chrono::milliseconds delay_{0};
  std::string blocked_word_;
  std::uint64_t sequence_ = 0;
  std::vector<FakeDiscordRequest> requests_;
  std::vector<FakeDiscordMessage> messages_;
};

}  // namespace ta::test
