// Where the configuration comes from: --config, the environment, the example on first run.
#include <sys/stat.h>

#include <gtest/gtest.h>

#include "config/config.h"
#include "config/scratch.h"

namespace ta {
namespace {

TEST(ConfigPath, CliValueThenEnvironmentThenDefault) {
  test::CleanConfigEnv env;
  EXPECT_EQ(resolve_config_path(""), "config/config.json");
  test::ScopedEnv from_env("TICKET_ALARM_CONFIG", "/etc/ticket-alarm/config.json");
  EXPECT_EQ(resolve_config_path(""), "/etc/ticket-alarm/config.json");
  EXPECT_EQ(resolve_config_path("my.json"), "my.json");
}

TEST(ConfigEnvironment, WebhookFromEnvironmentOverridesTheFile) {
  test::CleanConfigEnv env;
  test::ScopedEnv webhook("TICKET_ALARM_WEBHOOK_URL", "https://discord.com/api/webhooks/999/fromEnvToken");
  const Config c =
      parse_config(R"({"DISCORD_WEBHOOK_URL": "https://discord.com/api/webhooks/123/fromFile"})", "config/config.json", nullptr);
  EXPECT_EQ(c.DISCORD_WEBHOOK_URL, "https://discord.com/api/webhooks/999/fromEnvToken");
}

TEST(ConfigEnvironment, EmptyEnvironmentValueKeepsTheFile) {
  test::CleanConfigEnv env;
  test::ScopedEnv webhook("TICKET_ALARM_WEBHOOK_URL", "");
  const Config c =
      parse_config(R"({"DISCORD_WEBHOOK_URL": "https://discord.com/api/webhooks/123/fromFile"})", "config/config.json", nullptr);
  EXPECT_EQ(c.DISCORD_WEBHOOK_URL, "https://discord.com/api/webhooks/123/fromFile");
}

TEST(ConfigEnvironment, BadEnvironmentWebhookNamesTheVariable) {
  test::CleanConfigEnv env;
  test::ScopedEnv webhook("TICKET_ALARM_WEBHOOK_URL", "discord.com/api/webhooks/1/x");
  const std::string message = test::config_error("{}");
  EXPECT_EQ(message.rfind("환경 변수 TICKET_ALARM_WEBHOOK_URL: 설정 키 \"DISCORD_WEBHOOK_URL\"", 0), 0u) << message;
}

TEST(ConfigFirstRun, EnsureCopiesTheExampleBesideIt) {
  test::TempDir dir;
  dir.write("config/config.example.json", R"({"KEYWORDS": ["예제"]})");
  const std::string path = dir.file("config/config.json");
  EXPECT_TRUE(ensure_config_file(path));
  EXPECT_EQ(test::read_file(path), R"({"KEYWORDS": ["예제"]})");
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);  // the file will hold the webhook token
  EXPECT_FALSE(ensure_config_file(path));  // an existing file is never overwritten
}

TEST(ConfigFirstRun, EnsureWritesDefaultsWithoutAnExample) {
  test::CleanConfigEnv env;
  test::TempDir dir;
  const std::string path = dir.file("fresh/config.json");
  EXPECT_TRUE(ensure_config_file(path));
  std::vector<std::string> warnings;
  const Config c = load_config(path, &warnings);
  EXPECT_TRUE(warnings.empty()) << test::joined(warnings);
  EXPECT_EQ(effective_json(c), effective_json(Config{}));
}

TEST(ConfigFirstRun, DefaultPathIsCreatedFromTheExampleOnFirstRunOnly) {
  test::CleanConfigEnv env;
  test::TempDir dir;
  dir.write("config/config.example.json", R"({"KEYWORDS": ["예제"]})");
  test::ScopedCwd cwd(dir.path());
  bool created = false;
  Config c = load_config_from_cli("", nullptr, &created);
  EXPECT_TRUE(created);
  EXPECT_EQ(c.source_path, "config/config.json");
  EXPECT_EQ(c.KEYWORDS, std::vector<std::string>{"예제"});
  c = load_config_from_cli("", nullptr, &created);
  EXPECT_FALSE(created);
}

TEST(ConfigFirstRun, PathFromEnvironmentIsNotCreated) {
  test::CleanConfigEnv env;
  test::TempDir dir;
  test::ScopedEnv from_env("TICKET_ALARM_CONFIG", dir.file("missing.json"));
  EXPECT_THROW(load_config_from_cli("", nullptr), ConfigError);
  EXPECT_FALSE(std::filesystem::exists(dir.file("missing.json")));
}

TEST(ExtractDir, ConfiguredDirectoryWins) {
  Config c;
  c.extract_dir = "/opt/extract";
  EXPECT_EQ(extract_dir(c), "/opt/extract");
}

TEST(ExtractDir, DefaultsToAnExistingScriptsFolder) {
  // The test binary is not installed, so this is the build tree's or the project's scripts/extract.
  const std::string found = extract_dir(Config{});
  EXPECT_NE(found.find("scripts/extract"), std::string::npos) << found;
  EXPECT_EQ(found.size() - found.rfind("scripts/extract"), std::string("scripts/extract").size());
}

}  // namespace
}  // namespace ta
