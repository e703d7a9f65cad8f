// config `routes`: several channels, each with its keywords, sites, genres and role; the old
// global keys stay the default route. Bad routes name the key and say what to do.
#include <gtest/gtest.h>

#include "config/config.h"
#include "config/scratch.h"
#include "log/log.h"

namespace ta {
namespace {

using test::config_error;

const char* const kTwoRoutes = R"({
  "DISCORD_WEBHOOK_URL": "https://discord.com/api/webhooks/100/defaultToken",
  "KEYWORDS": ["콘서트"],
  "routes": [
    {"name": "아이유", "webhook": "https://discord.com/api/webhooks/200/iuSecretToken", "keywords": ["아이유"],
     "exclude": ["취소"], "priority": ["단독"], "sites": ["Interpark", "yes24"], "mention_role": "<@&111122223333444455>"},
    {"name": "뮤지컬", "webhook": "https://discord.com/api/webhooks/300/musicalToken", "genres": ["뮤지컬"],
     "priority": true, "mention_role": 987654321}
  ]
})";

TEST(Routes, ParsedWithEveryFieldAndTheOldKeysStayTheDefaultRoute) {
  test::CleanConfigEnv env;
  std::vector<std::string> warnings;
  const Config c = parse_config(kTwoRoutes, "config.json", &warnings);
  EXPECT_TRUE(warnings.empty()) << testing::PrintToString(warnings);
  ASSERT_EQ(c.routes.size(), 2u);
  const RouteConfig& iu = c.routes[0];
  EXPECT_EQ(iu.name, "아이유");
  EXPECT_EQ(iu.keywords, std::vector<std::string>{"아이유"});
  EXPECT_EQ(iu.exclude, std::vector<std::string>{"취소"});
  EXPECT_EQ(iu.priority, std::vector<std::string>{"단독"});
  EXPECT_FALSE(iu.priority_all);
  EXPECT_EQ(iu.sites, (std::vector<std::string>{"interpark", "yes24"})) << "site names read as `sources` are";
  EXPECT_EQ(iu.mention_role, "111122223333444455") << "a role mention pasted from Discord is its id";
  EXPECT_TRUE(c.routes[1].priority_all);
  EXPECT_EQ(c.routes[1].genres, std::vector<std::string>{"뮤지컬"});
  EXPECT_EQ(c.routes[1].mention_role, "987654321");

  const auto routes = delivery_routes(c);
  ASSERT_EQ(routes.size(), 3u);
  EXPECT_EQ(routes[0].name, kDefaultRoute);
  EXPECT_EQ(routes[0].webhook, c.DISCORD_WEBHOOK_URL);
  EXPECT_EQ(routes[0].keywords, std::vector<std::string>{"콘서트"});
  EXPECT_EQ(routes[1].name, "아이유");
  EXPECT_EQ(routes[2].name, "뮤지컬");
}

TEST(Routes, WithoutAnyWebhookTheDefaultRouteStillQueues) {
  test::CleanConfigEnv env;
  const auto routes = delivery_routes(parse_config("{}", "config.json", nullptr));
  ASSERT_EQ(routes.size(), 1u);
  EXPECT_EQ(routes[0].name, kDefaultRoute);
  EXPECT_EQ(routes[0].webhook, "");
}

TEST(Routes, OnlyRoutesMeansNoDefaultRouteAndUnusedKeywordsAreWarnedAbout) {
  test::CleanConfigEnv env;
  std::vector<std::string> warnings;
  const Config c = parse_config(R"({"KEYWORDS": ["뮤지컬"], "routes": [{"name": "a", "webhook": "https://discord.com/api/webhooks/1/t"}]})",
                                "config.json", &warnings);
  const auto routes = delivery_routes(c);
  ASSERT_EQ(routes.size(), 1u);
  EXPECT_EQ(routes[0].name, "a");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("각 경로의 \"keywords\""), std::string::npos) << warnings[0];
}

TEST(Routes, EffectiveJsonMasksEveryRouteWebhookAndTheyAreLogSecrets) {
  test::CleanConfigEnv env;
  const Config c = parse_config(kTwoRoutes, "config.json", nullptr);
  const std::string dumped = effective_json(c).dump();
  EXPECT_EQ(dumped.find("iuSecretToken"), std::string::npos) << dumped;
  EXPECT_EQ(effective_json(c)["routes"][0]["webhook"], "https://discord.com/api/webhooks/200/****");
  EXPECT_EQ(effective_json(c)["routes"][1]["priority"], true);
  EXPECT_EQ(redact("posting to musicalToken"), "posting to ****");
  // What check-config prints is itself a valid configuration with the same routes.
  const Config again = parse_config(effective_json(c).dump(), "effective.json", nullptr);
  ASSERT_EQ(again.routes.size(), 2u);
  EXPECT_EQ(again.routes[0].sites, c.routes[0].sites);
  EXPECT_EQ(again.routes[1].mention_role, c.routes[1].mention_role);
}

TEST(Routes, BadRoutesNameTheKeyAndSayWhatToDo) {
  test::CleanConfigEnv env;
  auto error = [](const std::string& routes) { return config_error("{\"routes\": " + routes + "}"); };
  std::string m = error(R"({"name": "a"})");
  EXPECT_NE(m.find("\"routes\"의 형식이 잘못되었습니다"), std::string::npos) << m;

  m = error(R"([{"webhook": "https://discord.com/api/webhooks/1/t"}])");
  EXPECT_NE(m.find("\"routes[0].name\""), std::string::npos) << m;

  m = error(R"([{"name": "default", "webhook": "https://discord.com/api/webhooks/1/t"}])");
  EXPECT_NE(m.find("기본 경로의 이름"), std::string::npos) << m;

  m = error(R"([{"name": "a"}])");
  EXPECT_NE(m.find("\"routes[0].webhook\""), std::string::npos) << m;

  m = error(R"([{"name": "a", "webhook": "discord.com/api/webhooks/1/t"}])");
  EXPECT_NE(m.find("\"routes[0].webhook\""), std::string::npos) << m;

  m = error(R"([{"name": "a", "webhook": "https://discord.com/api/webhooks/1/t"},
                {"name": "a", "webhook": "https://discord.com/api/webhooks/2/t"}])");
  EXPECT_NE(m.find("\"routes[1].name\""), std::string::npos) << m;

  m = error(R"([{"name": "a", "webhook": "https://discord.com/api/webhooks/1/t", "sites": ["intrepark"]}])");
  EXPECT_NE(m.find("\"routes[0].sites[0]\""), std::string::npos) << m;
  EXPECT_NE(m.find("\"interpark\"을(를) 의미했나요?"), std::string::npos) << m;

  m = error(R"([{"name": "a", "webhook": "https://discord.com/api/webhooks/1/t", "mention_role": "@아이유팬"}])");
  EXPECT_NE(m.find("\"routes[0].mention_role\""), std::string::npos) << m;
  EXPECT_NE(m.find("역할 ID 복사"), std::string::npos) << m;
}

TEST(Routes, TwoSettingsNamingOneWebhookAreRefused) {
  test::CleanConfigEnv env;
  std::string m = config_error(R"({"DISCORD_WEBHOOK_URL": "https://discord.com/api/webhooks/7/x",
    "routes": [{"name": "a", "webhook": "https://discordapp.com/api/webhooks/7/x"}]})");
  EXPECT_NE(m.find("\"routes[0].webhook\""), std::string::npos) << m;
  EXPECT_NE(m.find("\"DISCORD_WEBHOOK_URL\"와(과) 같은 웹훅"), std::string::npos) << m;
  EXPECT_EQ(m.find("/7/x"), std::string::npos) << "the token is never shown: " << m;
}

TEST(Routes, AnUnknownKeyInARouteIsWarnedWithTheNearestOne) {
  test::CleanConfigEnv env;
  std::vector<std::string> warnings;
  parse_config(R"({"routes": [{"name": "a", "webhook": "https://discord.com/api/webhooks/1/t", "keyword": ["x"]}]})",
               "config.json", &warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("\"routes[0].keywords\"을(를) 의미했나요?"), std::string::npos) << warnings[0];
}

TEST(Routes, TheShippedRoutesExampleIsValid) {
  test::CleanConfigEnv env;
  std::vector<std::string> warnings;
  const Config c = load_config(std::string(TA_TEST_SOURCE_DIR) + "/config/config.routes.example.json", &warnings);
  EXPECT_TRUE(warnings.empty()) << testing::PrintToString(warnings);
  ASSERT_EQ(c.routes.size(), 2u);
  EXPECT_EQ(delivery_routes(c).size(), 3u);
  EXPECT_TRUE(c.routes[0].priority_all);
  EXPECT_EQ(c.routes[1].sites, (std::vector<std::string>{"interpark", "yes24"}));
}

}  // namespace
}  // namespace ta
