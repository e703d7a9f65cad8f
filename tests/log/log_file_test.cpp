#include <fcntl.h>
#include <unistd.h>

#include <cstdio>

#include <gtest/gtest.h>

#include "log/log.h"
#include "log/log_scratch.h"

namespace ta {
namespace {

using LogFile = test::LogFileTest;

// The console copy of megabytes of test lines would bury the test report.
class SilencedStderr {
 public:
  SilencedStderr() : saved_(::dup(STDERR_FILENO)) {
    std::fflush(stderr);
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, STDERR_FILENO);
    ::close(null);
  }
  ~SilencedStderr() {
    std::fflush(stderr);
    ::dup2(saved_, STDERR_FILENO);
    ::close(saved_);
  }
  SilencedStderr(const SilencedStderr&) = delete;
  SilencedStderr& operator=(const SilencedStderr&) = delete;

 private:
  int saved_;
};

TEST_F(LogFile, RegisteredSecretNeverReachesTheFile) {
  init_logging(config());
  add_secret("s3cr3tValue42");
  logger("test")->info("token is s3cr3tValue42, again s3cr3tValue42.");
  const std::string text = log_text();
  EXPECT_EQ(text.find("s3cr3tValue42"), std::string::npos) << text;
  EXPECT_NE(text.find("token is ****, again ****."), std::string::npos) << text;
}

TEST_F(LogFile, AnyDiscordWebhookTokenIsHiddenEvenUnregistered) {
  init_logging(config());
  logger("notify")->error("POST https://discord.com/api/webhooks/123456789/unregistered-Tok_en9 failed: 404");
  logger("notify")->warn("retry https://discordapp.com/api/v10/webhooks/42/otherTokenABC?wait=true");
  const std::string text = log_text();
  EXPECT_EQ(text.find("unregistered-Tok_en9"), std::string::npos) << text;
  EXPECT_EQ(text.find("otherTokenABC"), std::string::npos) << text;
  EXPECT_NE(text.find("https://discord.com/api/webhooks/123456789/**** failed: 404"), std::string::npos) << text;
  EXPECT_NE(text.find("https://discordapp.com/api/v10/webhooks/42/****?wait=true"), std::string::npos) << text;
}

TEST_F(LogFile, LevelsAreSpelledOutInBrackets) {
  init_logging(config());
  logger("site")->info("확인 완료");
  logger("site")->warn("느림");
  logger("site")->error("실패");
  const std::string text = log_text();
  EXPECT_NE(text.find("[INFO] [site] 확인 완료\n"), std::string::npos) << text;
  EXPECT_NE(text.find("[WARNING] [site] 느림\n"), std::string::npos) << text;
  EXPECT_NE(text.find("[ERROR] [site] 실패\n"), std::string::npos) << text;
}

TEST_F(LogFile, ConfiguredLevelFiltersLowerLevels) {
  init_logging(config("warning"));
  logger("test")->info("hidden info line");
  logger("test")->warn("shown warning line");
  const std::string text = log_text();
  EXPECT_EQ(text.find("hidden info line"), std::string::npos) << text;
  EXPECT_NE(text.find("[WARNING] [test] shown warning line"), std::string::npos) << text;
}

TEST_F(LogFile, LoggerCreatedBeforeInitAlsoWritesToTheFile) {
  init_console_logging();
  auto early = logger("main");
  init_logging(config());
  early->info("after init");
  EXPECT_NE(log_text().find("[INFO] [main] after init"), std::string::npos);
}

TEST_F(LogFile, RotationKeepsOlderFilesUnderTheDirectory) {
  init_logging(config());  // 1 MB per file, 2 rotated files
  const std::string line(1000, 'x');
  {
    SilencedStderr quiet;
    for (int i = 0; i < 2500; ++i) logger("test")->info("{} {}", i, line);
    logger("test")->flush();
  }
  EXPECT_TRUE(std::filesystem::exists(dir_ / "ticket-alarm.log"));
  EXPECT_TRUE(std::filesystem::exists(dir_ / "ticket-alarm.1.log"));
  EXPECT_TRUE(std::filesystem::exists(dir_ / "ticket-alarm.2.log"));
  EXPECT_FALSE(std::filesystem::exists(dir_ / "ticket-alarm.3.log"));
  for (const auto& entry : std::filesystem::directory_iterator(dir_))
    EXPECT_LE(entry.file_size(), 1024u * 1024u) << entry.path();
}

TEST_F(LogFile, UnusableDirectoryFallsBackToConsoleWithoutThrowing) {
  std::filesystem::create_directories(dir_);
  std::ofstream(dir_ / "a-file") << "not a directory";
  LogConfig cfg = config();
  cfg.dir = (dir_ / "a-file" / "logs").string();
  EXPECT_NO_THROW(init_logging(cfg));
  EXPECT_NO_THROW(logger("test")->info("still logging"));
  EXPECT_FALSE(std::filesystem::exists(dir_ / "a-file" / "logs"));
}

}  // namespace
}  // namespace ta
