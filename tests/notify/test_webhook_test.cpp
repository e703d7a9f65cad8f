#include "notify/test_webhook.h"

#include <sstream>

#include <gtest/gtest.h>

#include "config/config.h"
#include "support/fake_discord.h"

namespace ta {
namespace {

using test::FakeDiscord;

struct Outcome {
  int exit_code;
  std::string text;
};

Outcome run(const std::string& url) {
  Config config;
  config.DISCORD_WEBHOOK_URL = url;
  std::ostringstream out;
  int code = run_test_webhook(config, out);
  return {code, out.str()};
}

TEST(TestWebhook, SuccessReportsTheMessageId) {
  FakeDiscord discord;
  Outcome o = run(discord.webhook_url());
  EXPECT_EQ(o.exit_code, 0);
  ASSERT_EQ(discord.messages().size(), 1u);
  EXPECT_NE(o.text.find("성공"), std::string::npos);
  EXPECT_NE(o.text.find(discord.messages()[0].id), std::string::npos) << o.text;
  EXPECT_TRUE(discord.messages()[0].pings.empty());
}

TEST(TestWebhook, DeletedOrWrongTokenSaysSo) {
  FakeDiscord discord;
  Outcome gone = run(discord.webhook_url("42", "someToken"));
  EXPECT_EQ(gone.exit_code, 1);
  EXPECT_NE(gone.text.find("웹훅이 삭제되었거나 토큰이 틀렸습니다"), std::string::npos) << gone.text;
  Outcome wrong = run(discord.webhook_url(FakeDiscord::kWebhookId, "notTheToken"));
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_NE(wrong.text.find("토큰이 틀렸습니다"), std::string::npos);
  EXPECT_EQ(wrong.text.find("notTheToken"), std::string::npos);
}

TEST(TestWebhook, RateLimitSaysWhenToRetry) {
  FakeDiscord discord;
  discord.force_429(1, 2.5);
  Outcome o = run(discord.webhook_url());
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_NE(o.text.find("속도 제한"), std::string::npos) << o.text;
  EXPECT_NE(o.text.find("2.5초"), std::string::npos) << o.text;
}

TEST(TestWebhook, NoWebhookNamesBothWaysToSetIt) {
  Outcome o = run("");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_NE(o.text.find("DISCORD_WEBHOOK_URL"), std::string::npos);
  EXPECT_NE(o.text.find("TICKET_ALARM_WEBHOOK_URL"), std::string::npos);
  Outcome bad = run("https://example.com/not-a-webhook");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.text.find("DISCORD_WEBHOOK_URL"), std::string::npos);
}

TEST(TestWebhook, UnreachableDiscordFails) {
  std::string url;
  {
    FakeDiscord gone;
    url = gone.webhook_url();
  }
  Outcome o = run(url);
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_NE(o.text.find("보내지 못했습니다"), std::string::npos) << o.text;
}

}  // namespace
}  // namespace ta
