#include "notify/webhook_url.h"

#include <gtest/gtest.h>

namespace ta {
namespace {

TEST(WebhookUrl, PinsVersionTenAndWaits) {
  auto w = parse_webhook_url("https://discord.com/api/webhooks/123456789012345678/AbC_def-123");
  ASSERT_TRUE(w);
  EXPECT_EQ(w->id, "123456789012345678");
  EXPECT_EQ(w->token, "AbC_def-123");
  EXPECT_EQ(w->post_url, "https://discord.com/api/v10/webhooks/123456789012345678/AbC_def-123?wait=true");
  EXPECT_EQ(w->base, "https://discord.com/api/v10/webhooks/123456789012345678/AbC_def-123");
}

TEST(WebhookUrl, KeepsHostAndReplacesOtherVersions) {
  for (const std::string host : {"discordapp.com", "ptb.discord.com", "canary.discord.com", "canary.discordapp.com"}) {
    auto w = parse_webhook_url("https://" + host + "/api/v9/webhooks/1/tok/");
    ASSERT_TRUE(w) << host;
    EXPECT_EQ(w->post_url, "https://" + host + "/api/v10/webhooks/1/tok?wait=true");
  }
}

TEST(WebhookUrl, KeepsThreadIdDropsOtherQuery) {
  auto w = parse_webhook_url("  https://discord.com/api/webhooks/1/tok?wait=false&thread_id=987654321  ");
  ASSERT_TRUE(w);
  EXPECT_EQ(w->thread_id, "987654321");
  EXPECT_EQ(w->post_url, "https://discord.com/api/v10/webhooks/1/tok?wait=true&thread_id=987654321");
}

TEST(WebhookUrl, AcceptsLoopbackHttpForTests) {
  auto w = parse_webhook_url("http://127.0.0.1:34567/api/webhooks/42/secretToken");
  ASSERT_TRUE(w);
  EXPECT_EQ(w->post_url, "http://127.0.0.1:34567/api/v10/webhooks/42/secretToken?wait=true");
}

TEST(WebhookUrl, RejectsWithKoreanErrorNamingTheKeyAndNotTheToken) {
  for (const std::string bad :
       {"", "   ", "discord.com/api/webhooks/1/tok", "http://discord.com/api/webhooks/1/SECRETTOKEN",
        "https://evil.com/api/webhooks/1/SECRETTOKEN", "https://discord.com.evil.com/api/webhooks/1/SECRETTOKEN",
        "https://discord.com/api/webhooks/abc/SECRETTOKEN", "https://discord.com/api/webhooks/1",
        "https://discord.com/api/channels/1/SECRETTOKEN", "http://10.0.0.1:80/api/webhooks/1/SECRETTOKEN",
        "https://discord.com:8443/api/webhooks/1/SECRETTOKEN"}) {
    std::string error;
    EXPECT_FALSE(parse_webhook_url(bad, &error)) << bad;
    EXPECT_NE(error.find("DISCORD_WEBHOOK_URL"), std::string::npos) << error;
    EXPECT_EQ(error.find("SECRETTOKEN"), std::string::npos) << error;
  }
}

TEST(WebhookUrl, KeyIsTheIdNeverTheToken) {
  EXPECT_EQ(webhook_key("https://discord.com/api/webhooks/123/secret"), "123");
  EXPECT_EQ(webhook_key("not a url"), "");
}

}  // namespace
}  // namespace ta
