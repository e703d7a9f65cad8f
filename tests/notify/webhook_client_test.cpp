#include "notify/webhook_client.h"

#include <future>

#include <gtest/gtest.h>
#include <httplib.h>

#include "config/config.h"
#include "notify/notifier_setup.h"
#include "support/fake_discord.h"

namespace ta {
namespace {

using nlohmann::json;
using test::FakeDiscord;

const json kHello = {{"content", "안녕하세요"}, {"allowed_mentions", {{"parse", json::array()}}}};

WebhookClient client_for(const std::string& url, WebhookClientOptions options = {}) {
  auto parsed = parse_webhook_url(url);
  EXPECT_TRUE(parsed) << url;
  return WebhookClient(*parsed, options);
}

TEST(WebhookClient, PostsToVersionTenAndReturnsTheMessageId) {
  FakeDiscord discord;
  auto client = client_for(discord.webhook_url());
  SendResult r = client.send(kHello);
  ASSERT_EQ(r.outcome, SendOutcome::ok) << r.error;
  EXPECT_EQ(r.http_status, 200);
  ASSERT_EQ(discord.messages().size(), 1u);
  EXPECT_EQ(r.message_id, discord.messages()[0].id);
  auto requests = discord.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].api_version, 10);
  EXPECT_EQ(requests[0].user_agent, "ticket-alarm/0.1");
}

TEST(WebhookClient, ThreadIdIsKept) {
  FakeDiscord discord;
  auto client = client_for(discord.webhook_url() + "?thread_id=555");
  ASSERT_EQ(client.send(kHello).outcome, SendOutcome::ok);
  EXPECT_EQ(discord.messages()[0].thread_id, "555");
}

TEST(WebhookClient, UnknownWebhookAndWrongTokenAreDead) {
  FakeDiscord discord;
  auto unknown = client_for(discord.webhook_url("999", FakeDiscord::kToken)).send(kHello);
  EXPECT_EQ(unknown.outcome, SendOutcome::dead);
  EXPECT_EQ(unknown.http_status, 404);
  EXPECT_EQ(unknown.discord_code, 10015);
  auto wrong = client_for(discord.webhook_url(FakeDiscord::kWebhookId, "wrongToken")).send(kHello);
  EXPECT_EQ(wrong.outcome, SendOutcome::dead);
  EXPECT_EQ(wrong.http_status, 401);
  EXPECT_EQ(wrong.discord_code, 50027);
  EXPECT_EQ(wrong.error.find("wrongToken"), std::string::npos);
  EXPECT_TRUE(discord.messages().empty());
}

TEST(WebhookClient, InvalidBodyIsRejectedWithTheField) {
  FakeDiscord discord;
  auto client = client_for(discord.webhook_url());
  json bad = {{"embeds", {{{"title", std::string(300, 'x')}}}}};
  SendResult r = client.send(bad);
  EXPECT_EQ(r.outcome, SendOutcome::rejected);
  EXPECT_EQ(r.discord_code, 50035);
  EXPECT_NE(r.error.find("embeds.0.title"), std::string::npos) << r.error;
}

TEST(WebhookClient, TooManyRequestsSetsTheWaitAndNothingIsSentBeforeIt) {
  FakeDiscord discord;
  discord.force_429(1, 0.4);
  auto client = client_for(discord.webhook_url());
  SendResult first = client.send(kHello);
  ASSERT_EQ(first.outcome, SendOutcome::rate_limited);
  EXPECT_EQ(first.http_status, 429);
  EXPECT_DOUBLE_EQ(first.retry_after_s, 0.4);
  auto limited_at = discord.requests().back().at;
  EXPECT_GE(client.next_allowed_at(), limited_at + std::chrono::milliseconds(400));

  // Too early: refused locally, Discord never sees it.
  SendResult early = client.send(kHello);
  EXPECT_EQ(early.outcome, SendOutcome::rate_limited);
  EXPECT_EQ(early.http_status, 0);
  EXPECT_GT(early.retry_after_s, 0);
  EXPECT_EQ(discord.requests().size(), 1u);

  SendResult later = client.send_when_allowed(kHello, nullptr);
  ASSERT_EQ(later.outcome, SendOutcome::ok) << later.error;
  auto requests = discord.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_GE(requests[1].at, limited_at + std::chrono::milliseconds(400));
}

TEST(WebhookClient, AnEmptyBucketIsWaitedOutNotHit) {
  FakeDiscord discord;
  discord.set_rate_limit(2, std::chrono::milliseconds(300));
  auto client = client_for(discord.webhook_url());
  for (int i = 0; i < 7; ++i) ASSERT_EQ(client.send_when_allowed(kHello, nullptr).outcome, SendOutcome::ok);
  for (const auto& r : discord.requests()) EXPECT_EQ(r.status, 200);  // never a 429
  EXPECT_EQ(discord.messages().size(), 7u);
}

TEST(WebhookClient, StopInterruptsARateLimitWait) {
  FakeDiscord discord;
  discord.force_429(1, 120.0);
  auto client = client_for(discord.webhook_url());
  ASSERT_EQ(client.send(kHello).outcome, SendOutcome::rate_limited);
  StopSignal stop;
  auto waiting = std::async(std::launch::async, [&] { return client.send_when_allowed(kHello, &stop); });
  stop.request_stop();
  SendResult r = waiting.get();
  EXPECT_EQ(r.outcome, SendOutcome::retryable);
  EXPECT_EQ(discord.requests().size(), 1u);
}

TEST(WebhookClient, SlowServerTimesOutAsRetryable) {
  FakeDiscord discord;
  discord.set_response_delay(std::chrono::milliseconds(5000));
  WebhookClientOptions options;
  options.total_timeout = std::chrono::milliseconds(200);
  auto client = client_for(discord.webhook_url(), options);
  SendResult r = client.send(kHello);
  EXPECT_EQ(r.outcome, SendOutcome::retryable);
  EXPECT_EQ(r.http_status, 0);
  EXPECT_NE(r.error.find("시간 초과"), std::string::npos) << r.error;
}

TEST(WebhookClient, ConnectionRefusedIsRetryable) {
  std::string url;
  {
    FakeDiscord gone;
    url = gone.webhook_url();
  }
  auto client = client_for(url);
  SendResult r = client.send(kHello);
  EXPECT_EQ(r.outcome, SendOutcome::retryable);
  EXPECT_NE(r.error.find("연결하지 못했습니다"), std::string::npos) << r.error;
  EXPECT_EQ(r.error.find(FakeDiscord::kToken), std::string::npos) << r.error;
}

TEST(WebhookClient, FetchesTheWebhookObject) {
  FakeDiscord discord;
  auto client = client_for(discord.webhook_url());
  json webhook;
  ASSERT_EQ(client.fetch_webhook(&webhook).outcome, SendOutcome::ok);
  EXPECT_EQ(webhook["id"], FakeDiscord::kWebhookId);
  EXPECT_EQ(webhook["type"], 1);
  EXPECT_TRUE(webhook.contains("channel_id"));
  EXPECT_EQ(discord.requests()[0].method, "GET");
}

// A forward proxy on loopback: records the absolute-form request targets curl sends to a proxy
// and relays them to the fake Discord.
class LoopbackProxy {
 public:
  explicit LoopbackProxy(int upstream_port) : upstream_port_(upstream_port) {
    server_.Post(".*", [this](const httplib::Request& req, httplib::Response& res) { relay(req, res); });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
  }
  ~LoopbackProxy() {
    server_.stop();
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::vector<std::string> targets() {
    std::lock_guard<std::mutex> lock(mutex_);
    return targets_;
  }

 private:
  void relay(const httplib::Request& req, httplib::Response& res) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      targets_.push_back(req.target);
    }
    std::string prefix = "http://127.0.0.1:" + std::to_string(upstream_port_);
    std::string path = req.target.rfind(prefix, 0) == 0 ? req.target.substr(prefix.size()) : req.target;
    httplib::Client upstream("127.0.0.1", upstream_port_);
    auto answer = upstream.Post(path.c_str(), req.body, "application/json");
    if (!answer) {
      res.status = 502;
      return;
    }
    res.status = answer->status;
    for (const auto& [k, v] : answer->headers)
      if (k.rfind("X-RateLimit", 0) == 0 || k == "Retry-After") res.set_header(k, v);
    res.set_content(answer->body, "application/json");
  }

  int upstream_port_;
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mutex_;
  std::vector<std::string> targets_;
};

TEST(WebhookClient, ConfiguredProxyCarriesTheRequest) {
  FakeDiscord discord;
  LoopbackProxy proxy(discord.port());
  Config config;
  config.DISCORD_WEBHOOK_URL = discord.webhook_url();
  config.proxy.http = proxy.url();
  config.proxy.https = "http://127.0.0.1:1";  // not for an http webhook
  std::string error;
  auto client = make_webhook_client(config, &error);
  ASSERT_TRUE(client) << error;
  SendResult r = client->send(kHello);
  ASSERT_EQ(r.outcome, SendOutcome::ok) << r.error;
  auto targets = proxy.targets();
  ASSERT_EQ(targets.size(), 1u);
  EXPECT_EQ(targets[0], "http://127.0.0.1:" + std::to_string(discord.port()) + "/api/v10/webhooks/" +
                            FakeDiscord::kWebhookId + "/" + FakeDiscord::kToken + "?wait=true");
  EXPECT_EQ(r.message_id, discord.messages().at(0).id);
}

TEST(WebhookClient, ProxyChosenByScheme) {
  ProxyConfig proxy{"http://plain:3128", "http://secure:3128"};
  EXPECT_EQ(proxy_for(*parse_webhook_url("https://discord.com/api/webhooks/1/t"), proxy), "http://secure:3128");
  EXPECT_EQ(proxy_for(*parse_webhook_url("http://127.0.0.1:9/api/webhooks/1/t"), proxy), "http://plain:3128");
}

TEST(WebhookClient, SetupNamesTheKeyWhenTheUrlIsWrong) {
  Config config;
  config.DISCORD_WEBHOOK_URL = "https://example.com/hook";
  std::string error;
  EXPECT_EQ(make_webhook_client(config, &error), nullptr);
  EXPECT_NE(error.find("DISCORD_WEBHOOK_URL"), std::string::npos);
}

}  // namespace
}  // namespace ta
