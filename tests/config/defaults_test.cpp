#include <gtest/gtest.h>

#include "config/config.h"
#include "config/scratch.h"

namespace ta {
namespace {

TEST(ConfigDefaults, EmptyObjectGivesTheDocumentedDefaults) {
  test::CleanConfigEnv env;
  std::vector<std::string> warnings;
  const Config c = parse_config("{}", "config/config.json", &warnings);
  EXPECT_TRUE(warnings.empty()) << test::joined(warnings);
  EXPECT_EQ(c.DISCORD_WEBHOOK_URL, "");
  EXPECT_TRUE(c.KEYWORDS.empty());
  EXPECT_EQ(c.interval, 60);
  EXPECT_DOUBLE_EQ(c.notification_delay, 1.0);
  EXPECT_EQ(c.max_notifications_per_cycle, 20);
  EXPECT_EQ(c.sources, (std::vector<std::string>{"interpark", "yes24", "melon", "ticketlink"}));
  EXPECT_EQ(c.data_dir, "data");
  EXPECT_EQ(c.log.dir, "logs");
  EXPECT_EQ(c.log.level, "info");
  EXPECT_EQ(c.browser.pool_size, 2);
  EXPECT_EQ(c.browser.block, (std::vector<std::string>{"Image", "Media", "Font"}));
  EXPECT_EQ(c.web.listen, "127.0.0.1:8000");
  EXPECT_EQ(c.source_path, "");
}

TEST(ConfigDefaults, ExampleFileIsValidAndEqualsTheDefaults) {
  test::CleanConfigEnv env;
  const std::string example = TA_SOURCE_DIR "/config/config.example.json";
  std::vector<std::string> warnings;
  const Config c = load_config(example, &warnings);
  EXPECT_TRUE(warnings.empty()) << test::joined(warnings);
  EXPECT_EQ(c.source_path, example);
  // Same keys and values: a key added to Config but not to the example fails here.
  EXPECT_EQ(nlohmann::json::parse(test::read_file(example)), effective_json(Config{}));
}

TEST(ConfigDefaults, EffectiveJsonReadsBackAsTheSameConfig) {
  test::CleanConfigEnv env;
  Config c;
  c.KEYWORDS = {"뮤지컬", "콘서트"};
  c.interval = 120;
  c.notification_delay = 0.5;
  c.sources = {"melon"};
  c.proxy.https = "http://proxy:3128";
  c.browser.pool_size = 3;
  c.browser.connect = {"http://127.0.0.1:9222"};
  c.log.level = "debug";
  c.announce_past = true;
  std::vector<std::string> warnings;
  const Config back = parse_config(effective_json(c).dump(), "effective", &warnings);
  EXPECT_TRUE(warnings.empty()) << test::joined(warnings);
  EXPECT_EQ(effective_json(back), effective_json(c));
}

TEST(ConfigDefaults, EffectiveJsonHasEveryKeyAndNoSourcePath) {
  Config c;
  c.source_path = "somewhere/config.json";
  const auto j = effective_json(c);
  for (const char* key : {"DISCORD_WEBHOOK_URL", "KEYWORDS", "PRIORITY_KEYWORDS", "EXCLUDE_KEYWORDS", "interval",
                          "notification_delay", "max_notifications_per_cycle", "sources", "proxy", "data_dir",
                          "extract_dir", "max_items", "jitter_s", "max_backoff_s", "retention_days", "notify_updates",
                          "announce_past", "priority_mention", "memory_log_every", "log", "browser", "web"})
    EXPECT_TRUE(j.contains(key)) << key;
  EXPECT_FALSE(j.contains("source_path"));
  EXPECT_EQ(j["browser"]["max_pages_per_browser"], 50);
  EXPECT_EQ(j["log"]["files"], 5);
}

TEST(ConfigDefaults, CommentsAreTolerated) {
  test::CleanConfigEnv env;
  const Config c = parse_config("{\n  // 5분마다\n  \"interval\": 300 /* 초 */\n}", "config/config.json", nullptr);
  EXPECT_EQ(c.interval, 300);
}

}  // namespace
}  // namespace ta
