#include <gtest/gtest.h>

#include "config/config.h"
#include "doctor/checks.h"
#include "support/fake_discord.h"

namespace ta::doctor {
namespace {

TEST(WebhookCheck, ExistingWebhookShowsItsNameAndChannelWithoutPosting) {
  test::FakeDiscord discord;
  Config config;
  config.DISCORD_WEBHOOK_URL = discord.webhook_url();
  CheckResult r = check_webhook(config, DoctorOptions{});
  EXPECT_EQ(r.status, Status::pass) << r.detail;
  EXPECT_NE(r.detail.find("티켓 알림"), std::string::npos) << r.detail;
  EXPECT_NE(r.detail.find("900000000000000001"), std::string::npos) << r.detail;
  EXPECT_EQ(r.detail.find(test::FakeDiscord::kToken), std::string::npos) << "the token must never be shown";
  auto seen = discord.requests();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].method, "GET");
  EXPECT_TRUE(discord.messages().empty());
}

TEST(WebhookCheck, RemovedWebhookFailsWith404AndHowToReplaceIt) {
  test::FakeDiscord discord;
  discord.remove_webhook(test::FakeDiscord::kWebhookId);
  Config config;
  config.DISCORD_WEBHOOK_URL = discord.webhook_url();
  CheckResult r = check_webhook(config, DoctorOptions{});
  EXPECT_EQ(r.status, Status::fail);
  EXPECT_NE(r.detail.find("404"), std::string::npos) << r.detail;
  EXPECT_NE(r.detail.find("삭제"), std::string::npos) << r.detail;
  EXPECT_NE(r.fix.find("DISCORD_WEBHOOK_URL"), std::string::npos) << r.fix;
}

TEST(WebhookCheck, WrongTokenFailsWith401) {
  test::FakeDiscord discord;
  Config config;
  config.DISCORD_WEBHOOK_URL = discord.webhook_url(test::FakeDiscord::kWebhookId, "wrongToken_0123456789abcdef");
  CheckResult r = check_webhook(config, DoctorOptions{});
  EXPECT_EQ(r.status, Status::fail);
  EXPECT_NE(r.detail.find("401"), std::string::npos) << r.detail;
  EXPECT_NE(r.detail.find("토큰"), std::string::npos) << r.detail;
}

TEST(WebhookCheck, MissingWebhookFailsAndNamesTheSetting) {
  Config config;
  CheckResult r = check_webhook(config, DoctorOptions{});
  EXPECT_EQ(r.status, Status::fail);
  EXPECT_NE(r.fix.find("DISCORD_WEBHOOK_URL"), std::string::npos) << r.fix;
  EXPECT_NE(r.fix.find("TICKET_ALARM_WEBHOOK_URL"), std::string::npos) << r.fix;
}

TEST(WebhookCheck, NotAWebhookUrlFails) {
  Config config;
  config.DISCORD_WEBHOOK_URL = "https://example.invalid/hooks/123";
  CheckResult r = check_webhook(config, DoctorOptions{});
  EXPECT_EQ(r.status, Status::fail);
  EXPECT_NE(r.detail.find("DISCORD_WEBHOOK_URL"), std::string::npos) << r.detail;
}

TEST(WebhookCheck, EveryRouteWebhookIsCheckedAndNamedByItsChannel) {
  test::FakeDiscord discord;
  discord.add_webhook("2000000000000000001", "iuToken", "아이유 알림");
  Config config;
  RouteConfig ok, gone;
  ok.name = "아이유";
  ok.webhook = discord.webhook_url("2000000000000000001", "iuToken");
  gone.name = "닫힌 채널";
  gone.webhook = discord.webhook_url("2000000000000000009", "goneToken");
  config.routes = {ok, gone};
  EXPECT_EQ(check_webhook(config, DoctorOptions{}).status, Status::pass) << "no default route is needed with routes";
  const auto results = check_route_webhooks(config, DoctorOptions{});
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].status, Status::pass);
  EXPECT_NE(results[0].title.find("채널 아이유"), std::string::npos) << results[0].title;
  EXPECT_NE(results[0].detail.find("아이유 알림"), std::string::npos) << results[0].detail;
  EXPECT_EQ(results[1].status, Status::fail);
  EXPECT_NE(results[1].fix.find("routes의 \"닫힌 채널\" webhook"), std::string::npos) << results[1].fix;
  EXPECT_TRUE(discord.messages().empty());
}

}  // namespace
}  // namespace ta::doctor
