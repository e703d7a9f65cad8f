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

}  // namespace
}  // namespace ta::doctor
