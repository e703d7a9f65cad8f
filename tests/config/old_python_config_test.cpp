// Users copy the old Python tool's config.json unchanged: it must load, with warnings at most.
#include <gtest/gtest.h>

#include "config/config.h"
#include "config/scratch.h"

namespace ta {
namespace {

constexpr const char* kOldConfig = R"({
  "DISCORD_WEBHOOK_URL": "https://discord.com/api/webhooks/123/abc",
  "KEYWORDS": ["뮤지컬"],
  "PRIORITY_KEYWORDS": ["아이유"],
  "interval": 300,
  "notification_delay": 2,
  "max_notifications_per_cycle": 5,
  "sources": ["interpark", "yes24"],
  "proxy": {"http": "http://p:8080", "https": "http://p:8080"}
})";

TEST(OldPythonConfig, EveryOldKeyIsReadUnchanged) {
  test::CleanConfigEnv env;
  test::TempDir dir;
  const std::string path = dir.write("config.json", kOldConfig);
  std::vector<std::string> warnings;
  const Config c = load_config(path, &warnings);
  EXPECT_TRUE(warnings.empty()) << test::joined(warnings);
  EXPECT_EQ(c.DISCORD_WEBHOOK_URL, "https://discord.com/api/webhooks/123/abc");
  EXPECT_EQ(c.KEYWORDS, std::vector<std::string>{"뮤지컬"});
  EXPECT_EQ(c.PRIORITY_KEYWORDS, std::vector<std::string>{"아이유"});
  EXPECT_EQ(c.interval, 300);
  EXPECT_DOUBLE_EQ(c.notification_delay, 2.0);
  EXPECT_EQ(c.max_notifications_per_cycle, 5);
  EXPECT_EQ(c.sources, (std::vector<std::string>{"interpark", "yes24"}));
  EXPECT_EQ(c.proxy.http, "http://p:8080");
  EXPECT_EQ(c.proxy.https, "http://p:8080");
  EXPECT_EQ(c.source_path, path);
  EXPECT_EQ(c.browser.pool_size, 2);  // keys the old tool never had keep their defaults
}

TEST(OldPythonConfig, UnknownKeyIsAWarningNamingTheNearestKey) {
  test::CleanConfigEnv env;
  std::vector<std::string> warnings;
  const Config c = parse_config(R"({"intervall": 45, "KEYWORD": ["뮤지컬"], "browser": {"pool_sise": 3}})",
                                "config/config.json", &warnings);
  const std::string all = test::joined(warnings);
  EXPECT_NE(all.find("알 수 없는 설정 키 \"intervall\" (config/config.json) — \"interval\"을(를) 의미했나요?"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("\"KEYWORD\" (config/config.json) — \"KEYWORDS\"을(를) 의미했나요?"), std::string::npos) << all;
  EXPECT_NE(all.find("\"browser.pool_sise\" (config/config.json) — \"browser.pool_size\"을(를) 의미했나요?"),
            std::string::npos)
      << all;
  EXPECT_EQ(warnings.size(), 3u);
  EXPECT_EQ(c.interval, 60);  // an unknown key is ignored, not guessed
}

TEST(OldPythonConfig, KeyInAnotherCaseIsNotTakenButSuggested) {
  test::CleanConfigEnv env;
  std::vector<std::string> warnings;
  const Config c = parse_config(R"({"discord_webhook_url": "https://discord.com/api/webhooks/1/abcdefgh"})",
                                "config/config.json", &warnings);
  EXPECT_EQ(c.DISCORD_WEBHOOK_URL, "");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("\"DISCORD_WEBHOOK_URL\"을(를) 의미했나요?"), std::string::npos) << warnings[0];
}

TEST(OldPythonConfig, KeyInTheWrongSectionPointsToWhereItBelongs) {
  test::CleanConfigEnv env;
  std::vector<std::string> warnings;
  parse_config(R"({"pool_size": 3})", "config/config.json", &warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("\"browser.pool_size\"을(를) 의미했나요?"), std::string::npos) << warnings[0];
}

TEST(OldPythonConfig, UnrelatedOldKeyIsIgnoredWithAWarning) {
  test::CleanConfigEnv env;
  std::vector<std::string> warnings;
  parse_config(R"({"chromedriver": "/usr/bin/chromedriver"})", "config/config.json", &warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("알 수 없는 설정 키 \"chromedriver\" (config/config.json) — ticket-alarm이 쓰지 않는 키라 무시합니다"),
            std::string::npos)
      << warnings[0];
}

TEST(OldPythonConfig, SourcesAsObjectEnableTheTrueOnes) {
  test::CleanConfigEnv env;
  std::vector<std::string> warnings;
  const Config c = parse_config(R"({"sources": {"yes24": true, "interpark": true, "melon": false, "TicketLink": true}})",
                                "config/config.json", &warnings);
  EXPECT_TRUE(warnings.empty()) << test::joined(warnings);
  EXPECT_EQ(c.sources, (std::vector<std::string>{"interpark", "yes24", "ticketlink"}));
}

TEST(OldPythonConfig, SourceNamesInAnyCaseAreNormalised) {
  test::CleanConfigEnv env;
  const Config c = parse_config(R"({"sources": ["Interpark", "YES24", "Melon", "yes24"]})", "config/config.json", nullptr);
  EXPECT_EQ(c.sources, (std::vector<std::string>{"interpark", "yes24", "melon"}));
}

TEST(OldPythonConfig, QuotedNumbersAreReadWithAWarning) {
  test::CleanConfigEnv env;
  std::vector<std::string> warnings;
  const Config c = parse_config(R"({"interval": "300", "notification_delay": "1.5", "browser": {"pool_size": " 3 "}})",
                                "config/config.json", &warnings);
  EXPECT_EQ(c.interval, 300);
  EXPECT_DOUBLE_EQ(c.notification_delay, 1.5);
  EXPECT_EQ(c.browser.pool_size, 3);
  ASSERT_EQ(warnings.size(), 3u);
  EXPECT_NE(warnings[0].find("설정 키 \"interval\"의 값이 문자열 \"300\"입니다 (config/config.json) — 숫자 300(으)로 읽습니다"),
            std::string::npos)
      << warnings[0];
  EXPECT_NE(warnings[2].find("\"browser.pool_size\""), std::string::npos) << warnings[2];
}

TEST(OldPythonConfig, WholeFloatsAndNullsAreAccepted) {
  test::CleanConfigEnv env;
  std::vector<std::string> warnings;
  // Python writes 300.0 for a computed float and null for None.
  const Config c = parse_config(R"({"interval": 300.0, "proxy": null, "DISCORD_WEBHOOK_URL": null, "KEYWORDS": null})",
                                "config/config.json", &warnings);
  EXPECT_TRUE(warnings.empty()) << test::joined(warnings);
  EXPECT_EQ(c.interval, 300);
  EXPECT_EQ(c.proxy.http, "");
  EXPECT_EQ(c.DISCORD_WEBHOOK_URL, "");
}

TEST(OldPythonConfig, ProxyAsOneUrlServesBothSchemes) {
  test::CleanConfigEnv env;
  const Config c = parse_config(R"({"proxy": "http://p:8080"})", "config/config.json", nullptr);
  EXPECT_EQ(c.proxy.http, "http://p:8080");
  EXPECT_EQ(c.proxy.https, "http://p:8080");
}

TEST(OldPythonConfig, KeywordStringBecomesAListAndEmptyKeywordsAreDropped) {
  test::CleanConfigEnv env;
  std::vector<std::string> warnings;
  const Config c = parse_config(R"({"KEYWORDS": "뮤지컬", "EXCLUDE_KEYWORDS": [" 취소 ", ""]})", "config/config.json",
                                &warnings);
  EXPECT_EQ(c.KEYWORDS, std::vector<std::string>{"뮤지컬"});
  // An empty keyword would match every notice.
  EXPECT_EQ(c.EXCLUDE_KEYWORDS, std::vector<std::string>{"취소"});
  const std::string all = test::joined(warnings);
  EXPECT_NE(all.find("설정 키 \"KEYWORDS\"는 목록이어야 합니다"), std::string::npos) << all;
  EXPECT_NE(all.find("설정 키 \"EXCLUDE_KEYWORDS[1]\"가 빈 문자열이라 무시합니다"), std::string::npos) << all;
}

TEST(OldPythonConfig, BooleanWrittenAsStringOrNumberIsReadWithAWarning) {
  test::CleanConfigEnv env;
  std::vector<std::string> warnings;
  const Config c = parse_config(R"({"notify_updates": "false", "announce_past": 1})", "config/config.json", &warnings);
  EXPECT_FALSE(c.notify_updates);
  EXPECT_TRUE(c.announce_past);
  EXPECT_EQ(warnings.size(), 2u) << test::joined(warnings);
}

TEST(OldPythonConfig, SpellingVariantsAreNormalised) {
  test::CleanConfigEnv env;
  const Config c =
      parse_config(R"({"log": {"level": "WARN"}, "browser": {"block": ["image", "STYLESHEET"]}})", "config/config.json", nullptr);
  EXPECT_EQ(c.log.level, "warning");
  EXPECT_EQ(c.browser.block, (std::vector<std::string>{"Image", "Stylesheet"}));
}

}  // namespace
}  // namespace ta
