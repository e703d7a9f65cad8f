#include "support/fake_discord.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <httplib.h>

namespace ta::test {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

// Discord's epoch (2015-01-01) in Unix milliseconds.
constexpr long long kDiscordEpochMs = 1420070400000LL;

std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", s);
  return buf;
}

// Rounded up to the millisecond: the client that waits exactly this long is never early.
double ceil_ms(Clock::duration d) {
  auto ms = std::chrono::duration_cast<std::chrono::microseconds>(d).count();
  return std::ceil(static_cast<double>(ms) / 1000.0) / 1000.0;
}

bool truthy(const std::string& v) { return v == "true" || v == "True" || v == "1"; }

}  // namespace

struct FakeDiscord::Reply {
  int status = 200;
  std::string body;  // empty: no body (204)
  std::vector<std::pair<std::string, std::string>> headers;
  double retry_after_s = 0;
};

FakeDiscord::FakeDiscord() : server_(std::make_unique<httplib::Server>()) {
  add_webhook(kWebhookId, kToken);
  auto route = R"(/api(?:/v(\d+))?/webhooks/(\d+)/([^/]+)/?)";
  auto record_and_send = [this](const httplib::Request& req, httplib::Response& res, Reply reply, Clock::time_point at) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      FakeDiscordRequest r;
      r.at = at;
      r.method = req.method;
      r.path = req.path;
      r.api_version = req.matches.size() > 1 && req.matches[1].matched ? std::stoi(req.matches[1].str()) : 0;
      r.webhook_id = req.matches.size() > 2 ? req.matches[2].str() : "";
      r.user_agent = req.get_header_value("User-Agent");
      r.body = req.body;
      r.status = reply.status;
      r.retry_after_s = reply.retry_after_s;
      requests_.push_back(std::move(r));
    }
    changed_.notify_all();
    res.status = reply.status;
    for (auto& [k, v] : reply.headers) res.set_header(k, v);
    if (!reply.body.empty()) res.set_content(reply.body, "application/json");
  };
  server_->Post(route, [this, record_and_send](const httplib::Request& req, httplib::Response& res) {
    auto at = Clock::now();
    pause_before_reply();
    bool wait = req.has_param("wait") && truthy(req.get_param_value("wait"));
    std::string thread_id = req.has_param("thread_id") ? req.get_param_value("thread_id") : "";
    record_and_send(req, res, handle_execute(req.matches[2], req.matches[3], req.body, wait, thread_id), at);
  });
  auto message_route = R"(/api(?:/v(\d+))?/webhooks/(\d+)/([^/]+)/messages/(\d+)/?)";
  server_->Patch(message_route, [this, record_and_send](const httplib::Request& req, httplib::Response& res) {
    auto at = Clock::now();
    pause_before_reply();
    record_and_send(req, res, handle_edit(req.matches[2], req.matches[3], req.matches[4], req.body), at);
  });
  server_->Get(route, [this, record_and_send](const httplib::Request& req, httplib::Response& res) {
    auto at = Clock::now();
    pause_before_reply();
    record_and_send(req, res, handle_get(req.matches[2], req.matches[3]), at);
  });
  port_ = server_->bind_to_any_port("127.0.0.1");
  if (port_ <= 0) throw std::runtime_error("fake Discord: cannot bind 127.0.0.1");
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  // stop() is a no-op until the accept loop runs; wait for it so the destructor always stops it.
  while (!server_->is_running()) std::this_thread::yield();
}

FakeDiscord::~FakeDiscord() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

std::string FakeDiscord::webhook_url(const std::string& id, const std::string& token) const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/api/webhooks/" + id + "/" + token;
}

void FakeDiscord::add_webhook(const std::string& id, const std::string& token, const std::string& name) {
  std::lock_guard<std::mutex> lock(mutex_);
  Webhook w;
  w.token = token;
  w.name = name;
  webhooks_[id] = w;
}

void FakeDiscord::remove_webhook(const std::string& id) {
  std::lock_guard<std::mutex> lock(mutex_);
  webhooks_.erase(id);
}

void FakeDiscord::set_rate_limit(int limit, std::chrono::milliseconds window) {
  std::lock_guard<std::mutex> lock(mutex_);
  limit_ = limit;
  window_ = window;
}

void FakeDiscord::fail_next(int count, int status) {
  std::lock_guard<std::mutex> lock(mutex_);
  fail_next_ = count;
  fail_next_status_ = status;
}

void FakeDiscord::fail_fraction(double probability, std::uint32_t seed, int status) {
  std::lock_guard<std::mutex> lock(mutex_);
  fail_probability_ = probability;
  fail_fraction_status_ = status;
  rng_.seed(seed);
}

void FakeDiscord::force_html_429(int count) {
  std::lock_guard<std::mutex> lock(mutex_);
  forced_html_429_ = count;
}

void FakeDiscord::force_429(int count, double retry_after_s, bool global) {
  std::lock_guard<std::mutex> lock(mutex_);
  forced_429_ = count;
  forced_retry_after_ = retry_after_s;
  forced_global_ = global;
}

void FakeDiscord::set_response_delay(std::chrono::milliseconds delay) {
  std::lock_guard<std::mutex> lock(mutex_);
  delay_ = delay;
}

void FakeDiscord::block_word(const std::string& word) {
  std::lock_guard<std::mutex> lock(mutex_);
  blocked_word_ = word;
}

std::vector<FakeDiscordRequest> FakeDiscord::requests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

std::vector<FakeDiscordMessage> FakeDiscord::messages() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return messages_;
}

bool FakeDiscord::wait_for_messages(std::size_t count, std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return messages_.size() >= count; });
}

bool FakeDiscord::wait_until(const std::function<bool(const std::vector<FakeDiscordMessage>&)>& done,
                             std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return done(messages_); });
}

void FakeDiscord::pause_before_reply() {
  std::unique_lock<std::mutex> lock(mutex_);
  if (delay_.count() <= 0) return;
  // Interruptible, so destroying the server never waits out an injected delay.
  changed_.wait_for(lock, delay_, [this] { return stopping_; });
}

std::string FakeDiscord::next_snowflake() {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  unsigned long long id = (static_cast<unsigned long long>(ms - kDiscordEpochMs) << 22) | (1ULL << 17) | (sequence_++ & 0xFFF);
  return std::to_string(id);
}

void FakeDiscord::add_rate_limit_headers(Reply& reply, Bucket& bucket, const std::string& bucket_key, Clock::time_point now) {
  if (now >= bucket.reset_at) {
    bucket.remaining = limit_;
    bucket.reset_at = now + window_;
  }
  double reset_after = ceil_ms(bucket.reset_at - now);
  double reset_epoch = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count() + reset_after;
  reply.headers.push_back({"X-RateLimit-Limit", std::to_string(limit_)});
  reply.headers.push_back({"X-RateLimit-Remaining", std::to_string(bucket.remaining)});
  reply.headers.push_back({"X-RateLimit-Reset", seconds_text(reset_epoch)});
  reply.headers.push_back({"X-RateLimit-Reset-After", seconds_text(reset_after)});
  reply.headers.push_back({"X-RateLimit-Bucket", "fake" + std::to_string(std::hash<std::string>{}(bucket_key) % 1000000)});
}

std::optional<FakeDiscord::Reply> FakeDiscord::check_webhook(const std::string& id, const std::string& token) {
  auto it = webhooks_.find(id);
  Reply r;
  if (it == webhooks_.end()) {
    r.status = 404;
    r.body = json{{"message", "Unknown Webhook"}, {"code", 10015}}.dump();
    return r;
  }
  if (it->second.token != token) {
    r.status = 401;
    r.body = json{{"message", "Invalid Webhook Token"}, {"code", 50027}}.dump();
    return r;
  }
  return std::nullopt;
}

void FakeDiscord::delete_message(const std::string& message_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  messages_.erase(std::remove_if(messages_.begin(), messages_.end(),
                                 [&](const FakeDiscordMessage& m) { return m.id == message_id; }),
                  messages_.end());
}

// Edit Webhook Message: only the message's own webhook may edit it; the new embeds (and content,
// when given) replace the old ones; an edit never pings anyone.
FakeDiscord::Reply FakeDiscord::handle_edit(const std::string& id, const std::string& token,
                                            const std::string& message_id, const std::string& body) {
  std::unique_lock<std::mutex> lock(mutex_);
  const std::string bucket_key = "PATCH " + id;
  Reply r;
  if (auto bad = check_webhook(id, token)) r = *bad;
  add_rate_limit_headers(r, buckets_[bucket_key], bucket_key, Clock::now());
  if (r.status != 200) return r;
  auto it = std::find_if(messages_.begin(), messages_.end(),
                         [&](const FakeDiscordMessage& m) { return m.id == message_id && m.webhook_id == id; });
  if (it == messages_.end()) {
    r.status = 404;
    r.body = json{{"message", "Unknown Message"}, {"code", 10008}}.dump();
    return r;
  }
  if (auto error = validate(body)) {
    r.status = 400;
    r.body = error->dump();
    return r;
  }
  const json edit = json::parse(body);
  if (edit.contains("embeds")) it->payload["embeds"] = edit["embeds"];
  if (edit.contains("content")) it->payload["content"] = edit["content"];
  ++it->edits;
  r.body = json{{"id", it->id}, {"type", 0}, {"embeds", it->payload.value("embeds", json::array())},
                {"content", it->payload.value("content", std::string())}, {"webhook_id", id}}
               .dump();
  lock.unlock();
  changed_.notify_all();
  return r;
}

FakeDiscord::Reply FakeDiscord::handle_get(const std::string& id, const std::string& token) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string bucket_key = "GET " + id;
  Reply r;
  if (auto bad = check_webhook(id, token)) r = *bad;
  add_rate_limit_headers(r, buckets_[bucket_key], bucket_key, Clock::now());
  if (r.status != 200) return r;
  const Webhook& hook = webhooks_[id];
  r.body = json{{"id", id}, {"name", hook.name}, {"channel_id", "900000000000000001"},
                {"guild_id", "900000000000000002"}, {"type", 1}, {"avatar", nullptr}, {"application_id", nullptr}}
               .dump();
  return r;
}

FakeDiscord::Reply FakeDiscord::handle_execute(const std::string& id, const std::string& token, const std::string& body,
                                               bool wait, const std::string& thread_id) {
  std::unique_lock<std::mutex> lock(mutex_);
  auto now = Clock::now();
  std::string bucket_key = "POST " + id;
  Bucket& bucket = buckets_[bucket_key];
  Reply r;
  if (auto bad = check_webhook(id, token)) r = *bad;
  add_rate_limit_headers(r, bucket, bucket_key, now);
  if (r.status != 200) return r;
  const Webhook& hook = webhooks_[id];
  auto too_many = [&](double retry_after, bool global) {
    r.status = 429;
    r.retry_after_s = retry_after;
    r.body = json{{"message", "You are being rate limited."}, {"retry_after", retry_after}, {"global", global}}.dump();
    r.headers.push_back({"Retry-After", std::to_string(static_cast<long long>(std::ceil(retry_after)))});
    r.headers.push_back({"X-RateLimit-Scope", global ? "global" : "user"});
    if (global) r.headers.push_back({"X-RateLimit-Global", "true"});
  };
  if (forced_429_ > 0) {
    --forced_429_;
    too_many(forced_retry_after_, forced_global_);
    return r;
  }
  if (forced_html_429_ > 0) {
    // What Cloudflare in front of Discord answers when it blocks: an HTML page, no retry_after,
    // no rate-limit headers.
    --forced_html_429_;
    r.status = 429;
    r.headers.clear();
    r.body = "<!DOCTYPE html><html><head><title>Access denied | discord.com used Cloudflare to restrict access</title>"
             "</head><body>Error 1015: You are being rate limited</body></html>";
    return r;
  }
  if (bucket.remaining <= 0) {
    too_many(ceil_ms(bucket.reset_at - now), false);
    return r;
  }
  --bucket.remaining;
  // The remaining count shown is the one after this request, as Discord reports it.
  for (auto& [k, v] : r.headers)
    if (k == "X-RateLimit-Remaining") v = std::to_string(bucket.remaining);

  bool fail = false;
  int fail_status = 500;
  if (fail_next_ > 0) {
    --fail_next_;
    fail = true;
    fail_status = fail_next_status_;
  } else if (fail_probability_ > 0 && std::uniform_real_distribution<double>(0.0, 1.0)(rng_) < fail_probability_) {
    fail = true;
    fail_status = fail_fraction_status_;
  }
  if (fail) {
    r.status = fail_status;
    r.body = json{{"message", std::to_string(fail_status) + ": Internal Server Error"}, {"code", 0}}.dump();
    return r;
  }
  if (auto error = validate(body)) {
    r.status = 400;
    r.body = error->dump();
    return r;
  }
  json payload = json::parse(body);
  if (!blocked_word_.empty() && payload.dump().find(blocked_word_) != std::string::npos) {
    r.status = 400;
    r.body = json{{"message", "Message was blocked by AutoMod"}, {"code", 200000}}.dump();
    return r;
  }
  FakeDiscordMessage m;
  m.id = next_snowflake();
  m.webhook_id = id;
  m.thread_id = thread_id;
  m.payload = payload;
  m.pings = pings_of(payload);
  messages_.push_back(m);
  if (!wait) {
    r.status = 204;
    return r;
  }
  bool everyone = std::find(m.pings.begin(), m.pings.end(), "everyone") != m.pings.end() ||
                  std::find(m.pings.begin(), m.pings.end(), "here") != m.pings.end();
  json message = {{"id", m.id},
                  {"type", 0},
                  {"content", payload.value("content", std::string())},
                  {"channel_id", thread_id.empty() ? "900000000000000001" : thread_id},
                  {"author", {{"bot", true}, {"id", id}, {"username", payload.value("username", hook.name)}}},
                  {"embeds", payload.value("embeds", json::array())},
                  {"mentions", json::array()},
                  {"mention_roles", json::array()},
                  {"mention_everyone", everyone},
                  {"pinned", false},
                  {"tts", false},
                  {"timestamp", "2025-01-01T00:00:00.000000+00:00"},
                  {"flags", 0},
                  {"webhook_id", id}};
  r.status = 200;
  r.body = message.dump();
  return r;
}

}  // namespace ta::test
