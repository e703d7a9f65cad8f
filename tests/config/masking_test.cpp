#include <gtest/gtest.h>

#include "config/config.h"
#include "config/scratch.h"
#include "log/log.h"

namespace ta {
namespace {

TEST(MaskWebhook, KeepsSchemeHostAndIdAndHidesTheToken) {
  EXPECT_EQ(mask_webhook("https://discord.com/api/webhooks/123/abcdef-_XYZ"), "https://discord.com/api/webhooks/123/****");
  EXPECT_EQ(mask_webhook("https://discordapp.com/api/v10/webhooks/42/tok?wait=true"),
            "https://discordapp.com/api/v10/webhooks/42/****");
}

TEST(MaskWebhook, EmptyStaysEmpty) { EXPECT_EQ(mask_webhook(""), ""); }

TEST(MaskWebhook, OtherUrlsKeepOnlyTheHost) {
  EXPECT_EQ(mask_webhook("https://hooks.example.com/services/T000/B000/secret"), "https://hooks.example.com/****");
  EXPECT_EQ(mask_webhook("not a url secret"), "****");
}

TEST(MaskWebhook, EffectiveJsonNeverShowsTheToken) {
  Config c;
  c.DISCORD_WEBHOOK_URL = "https://discord.com/api/webhooks/123/superSecretToken";
  c.web.admin_token = "adminPassword";
  const std::string dumped = effective_json(c).dump();
  EXPECT_EQ(dumped.find("superSecretToken"), std::string::npos) << dumped;
  EXPECT_EQ(dumped.find("adminPassword"), std::string::npos) << dumped;
  EXPECT_EQ(effective_json(c)["DISCORD_WEBHOOK_URL"], "https://discord.com/api/webhooks/123/****");
}

TEST(MaskWebhook, LoadingRegistersTheTokenAsALogSecret) {
  test::CleanConfigEnv env;
  parse_config(R"({"DISCORD_WEBHOOK_URL": "https://discord.com/api/webhooks/123/tokenFromConfig", "web": {"admin_token": "adminTokenValue"}})",
               "config/config.json", nullptr);
  // Even where a line shows the token without the URL around it.
  EXPECT_EQ(redact("token=tokenFromConfig admin=adminTokenValue"), "token=**** admin=****");
}

}  // namespace
}  // namespace ta
