// Checks that need neither a browser nor a network: configuration, directories, resources, the
// database and the last cycles.
#include <filesystem>
#include <fstream>
#include <limits>

#include <gtest/gtest.h>

#include "config/config.h"
#include "doctor/checks.h"
#include "store/store.h"
#include "support/temp_dir.h"

namespace ta::doctor {
namespace {

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

Config config_in(const test::TempDir& dir) {
  Config c;
  c.data_dir = dir.file("data");
  c.log.dir = dir.file("logs");
  return c;
}

TEST(ConfigCheck, ValidFilePasses) {
  test::TempDir dir;
  write_file(dir.file("config.json"), R"({"KEYWORDS": ["아이유"], "sources": ["melon"]})");
  Config config;
  CheckResult r = check_config(dir.file("config.json"), &config);
  EXPECT_EQ(r.status, Status::pass) << r.detail;
  EXPECT_EQ(config.sources, std::vector<std::string>{"melon"});
}

TEST(ConfigCheck, UnknownKeyWarnsWithTheSuggestion) {
  test::TempDir dir;
  write_file(dir.file("config.json"), R"({"KEYWORD": ["아이유"]})");
  Config config;
  CheckResult r = check_config(dir.file("config.json"), &config);
  EXPECT_EQ(r.status, Status::warn);
  EXPECT_NE(r.detail.find("KEYWORDS"), std::string::npos) << r.detail;
}

TEST(ConfigCheck, BrokenFileFailsWithItsMessageAndLeavesDefaults) {
  test::TempDir dir;
  write_file(dir.file("config.json"), "{\n  \"interval\": 300,\n  \"sources\": [\"melon\"\n}\n");
  Config config;
  config.interval = 7;
  CheckResult r = check_config(dir.file("config.json"), &config);
  EXPECT_EQ(r.status, Status::fail);
  EXPECT_NE(r.detail.find("config.json"), std::string::npos) << r.detail;
  EXPECT_EQ(config.interval, Config{}.interval);
  EXPECT_EQ(config.sources, Config{}.sources);
}

TEST(DirectoryCheck, WritableDirectoriesPassAndMissingOnesAreMade) {
  test::TempDir dir;
  Config config = config_in(dir);
  auto results = check_directories(config);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].status, Status::pass) << results[0].detail;
  EXPECT_EQ(results[1].status, Status::pass) << results[1].detail;
  EXPECT_TRUE(std::filesystem::is_directory(config.data_dir));
  // The probe file is gone again.
  EXPECT_TRUE(std::filesystem::is_empty(config.data_dir));
}

TEST(DirectoryCheck, DataDirUnderARegularFileFails) {
  // Tests run as root, so permissions cannot make a directory unwritable; a file in the path can.
  test::TempDir dir;
  write_file(dir.file("file"), "not a directory");
  Config config = config_in(dir);
  config.data_dir = dir.file("file") + "/data";
  auto results = check_directories(config);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].status, Status::fail);
  EXPECT_NE(results[0].title.find("데이터"), std::string::npos);
  EXPECT_NE(results[0].detail.find(config.data_dir), std::string::npos) << results[0].detail;
  EXPECT_NE(results[0].fix.find("data_dir"), std::string::npos) << results[0].fix;
  EXPECT_EQ(results[1].status, Status::pass);
}

TEST(ResourceCheck, WarnsBelowTheThresholds) {
  test::TempDir dir;
  write_file(dir.file("meminfo"), "MemTotal:        2048000 kB\nMemFree:          100000 kB\nMemAvailable:     512000 kB\n");
  DoctorOptions options;
  options.meminfo_path = dir.file("meminfo");
  options.min_free_disk_bytes = std::numeric_limits<std::uint64_t>::max();
  auto results = check_resources(config_in(dir), options);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].status, Status::warn) << results[0].detail;
  EXPECT_NE(results[0].detail.find("GB"), std::string::npos);
  EXPECT_EQ(results[1].status, Status::warn) << results[1].detail;
  EXPECT_NE(results[1].detail.find("0.5 GB"), std::string::npos) << results[1].detail;
}

TEST(ResourceCheck, PassesWithEnoughRoom) {
  test::TempDir dir;
  write_file(dir.file("meminfo"), "MemAvailable:    4194304 kB\n");
  DoctorOptions options;
  options.meminfo_path = dir.file("meminfo");
  options.min_free_disk_bytes = 1;
  auto results = check_resources(config_in(dir), options);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].status, Status::pass) << results[0].detail;
  EXPECT_EQ(results[1].status, Status::pass) << results[1].detail;
  EXPECT_NE(results[1].detail.find("4.0 GB"), std::string::npos) << results[1].detail;
}

TEST(DatabaseCheck, AbsentDatabaseIsOnlyAWarning) {
  test::TempDir dir;
  bool usable = true;
  CheckResult r = check_database(config_in(dir), &usable);
  EXPECT_EQ(r.status, Status::warn);
  EXPECT_NE(r.detail.find("아직 실행 전"), std::string::npos) << r.detail;
  EXPECT_FALSE(usable);
  EXPECT_FALSE(std::filesystem::exists(database_path(config_in(dir).data_dir))) << "the check must not create it";
}

TEST(DatabaseCheck, GarbageFileFailsTheIntegrityCheck) {
  test::TempDir dir;
  Config config = config_in(dir);
  std::filesystem::create_directories(config.data_dir);
  write_file(database_path(config.data_dir), std::string(8192, 'x'));
  bool usable = true;
  CheckResult r = check_database(config, &usable);
  EXPECT_EQ(r.status, Status::fail);
  EXPECT_NE(r.detail.find("무결성"), std::string::npos) << r.detail;
  EXPECT_NE(r.fix.find("백업"), std::string::npos) << r.fix;
  EXPECT_FALSE(usable);
}

TEST(DatabaseCheck, SoundDatabasePasses) {
  test::TempDir dir;
  Config config = config_in(dir);
  { Store store(database_path(config.data_dir)); }
  bool usable = false;
  CheckResult r = check_database(config, &usable);
  EXPECT_EQ(r.status, Status::pass) << r.detail;
  EXPECT_TRUE(usable);
}

TEST(SiteStatusCheck, ReportsEachEnabledSitesLastCycle) {
  test::TempDir dir;
  Config config = config_in(dir);
  config.sources = {"interpark", "melon", "yes24", "ticketlink"};
  const std::time_t now = 1750000000;
  {
    Store store(database_path(config.data_dir));
    // interpark: fine a minute ago. melon: failed after its last success. yes24: fine, but long ago.
    store.record_cycle({"interpark", now - 60, 1200, 17, 0, "api", ""});
    store.record_cycle({"melon", now - 900, 1000, 10, 0, "dom", ""});
    store.record_cycle({"melon", now - 300, 30000, 0, 0, "", "시간 초과: 페이지 load 대기"});
    store.record_cycle({"yes24", now - 3 * 86400, 800, 5, 0, "api", ""});
  }
  DoctorOptions options;
  options.now = now;
  auto results = check_site_status(config, options);
  ASSERT_EQ(results.size(), 4u);
  EXPECT_EQ(results[0].status, Status::pass) << results[0].detail;
  EXPECT_NE(results[0].title.find("인터파크"), std::string::npos) << results[0].title;
  EXPECT_NE(results[0].detail.find("17건"), std::string::npos) << results[0].detail;
  EXPECT_EQ(results[1].status, Status::fail) << results[1].detail;
  EXPECT_NE(results[1].detail.find("시간 초과: 페이지 load 대기"), std::string::npos) << results[1].detail;
  EXPECT_NE(results[1].fix.find("ticket-alarm crawl melon"), std::string::npos) << results[1].fix;
  EXPECT_EQ(results[2].status, Status::warn) << results[2].detail;
  EXPECT_NE(results[2].detail.find("3일 전"), std::string::npos) << results[2].detail;
  EXPECT_EQ(results[3].status, Status::warn) << results[3].detail;
  EXPECT_NE(results[3].detail.find("기록이 없습니다"), std::string::npos) << results[3].detail;
}

}  // namespace
}  // namespace ta::doctor
