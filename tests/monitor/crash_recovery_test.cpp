// kill -9 of the monitor in the middle of sending, then a restart: nothing is lost, at most the
// one message that was in flight repeats, and the killed run's Chromium is cleaned up.
#include <gtest/gtest.h>
#include <signal.h>

#include <filesystem>
#include <map>
#include <thread>

#include "monitor_env.h"
#include "store/store.h"
#include "support/process_check.h"
#include "util/process_group.h"

namespace ta {
namespace {

using nlohmann::json;

std::vector<pid_t> chromium_using(const std::string& tmp_dir) { return processes_mentioning("--user-data-dir=" + tmp_dir); }

TEST(CrashRecovery, KillDashNineMidCycleLosesNothing) {
  test::MonitorEnv env;
  std::vector<json> items;
  for (int i = 1; i <= 40; ++i)
    items.push_back(test::item(std::to_string(1000 + i), "콘서트 " + std::to_string(i) + "회차 티켓오픈", "2025-07-03T16:00:00+09:00"));
  env.use_items(items);
  // One message per 2 s: the run is certainly mid-way when it is killed.
  env.discord.set_rate_limit(1, std::chrono::milliseconds(2000));
  env.config["max_notifications_per_cycle"] = 1000;

  test::BackgroundBinary monitor({"run", "--config", env.config_path(), "--replay-dir", env.replay_dir()}, env.env(),
                                 env.dir.path());
  ASSERT_TRUE(env.discord.wait_for_messages(1, std::chrono::seconds(120))) << "the monitor sent nothing";
  monitor.stop(SIGKILL);
  const size_t before_restart = env.discord.messages().size();
  EXPECT_LT(before_restart, 4u) << "killed too late to test anything";

  auto r = env.once();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, int> seen;
  for (const auto& e : env.embeds()) ++seen[e["url"].get<std::string>()];
  EXPECT_EQ(seen.size(), 40u) << "every notice must arrive";
  int repeats = 0;
  for (const auto& [url, n] : seen) repeats += n - 1;
  EXPECT_LE(repeats, 10) << "only the one message in flight (≤ 10 embeds) may repeat";
  EXPECT_TRUE(chromium_using(env.dir.file("tmp")).empty()) << "the killed run's Chromium must be cleaned up";
}

// Waits (bounded) until a Chromium using `tmp` has renderers, i.e. a crawl is under way.
std::vector<pid_t> wait_for_renderers(const std::string& tmp) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (chromium_using(tmp).size() < 3 && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  return chromium_using(tmp);
}

std::vector<std::string> entries_of(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) out.push_back(e.path().filename().string());
  return out;
}

TEST(CrashRecovery, ChromiumDiesWithItsControllerUnderSigkill) {
  test::MonitorEnv env;
  env.use_fixture("interpark");
  test::BackgroundBinary monitor({"run", "--config", env.config_path(), "--replay-dir", env.replay_dir()}, env.env(),
                                 env.dir.path());
  const std::string tmp = env.dir.file("tmp");
  // Mid-cycle: as soon as the browser has renderers, the crawl is under way.
  ASSERT_GE(wait_for_renderers(tmp).size(), 3u) << "Chromium never started";
  monitor.stop(SIGKILL);

  const auto killed_at = std::chrono::steady_clock::now();
  while (!chromium_using(tmp).empty() && std::chrono::steady_clock::now() - killed_at < std::chrono::seconds(3))
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_TRUE(chromium_using(tmp).empty()) << chromium_using(tmp).size() << " Chromium processes outlived their controller by 3 s";

  // What the killed run left (its profile) is removed by the next command that starts a browser.
  auto r = env.once();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(entries_of(tmp).empty()) << "left in TMPDIR: " << testing::PrintToString(entries_of(tmp));
}

TEST(CrashRecovery, NothingIsLeftInTmpAfterACleanRun) {
  test::MonitorEnv env;
  env.use_fixture("interpark");
  auto r = env.once();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(entries_of(env.dir.file("tmp")).empty())
      << "left in TMPDIR: " << testing::PrintToString(entries_of(env.dir.file("tmp")));
}

TEST(CrashRecovery, SighupStopsRunCleanlyAndSaysSo) {
  test::MonitorEnv env;
  env.use_items({test::item("1", "뮤지컬 〈시카고〉 티켓오픈", "2025-07-03T16:00:00+09:00")});
  test::BackgroundBinary monitor({"run", "--config", env.config_path(), "--replay-dir", env.replay_dir()}, env.env(),
                                 env.dir.path());
  ASSERT_TRUE(env.discord.wait_for_messages(1, std::chrono::seconds(120)));
  EXPECT_EQ(monitor.stop(SIGHUP), 0) << "an SSH disconnect is a clean stop";
  EXPECT_NE(env.log().find("종료 신호 SIGHUP"), std::string::npos) << env.log();
  EXPECT_TRUE(chromium_using(env.dir.file("tmp")).empty());
}

TEST(CrashRecovery, SigtermDuringOnceIsAShutdownNotASiteFailure) {
  test::MonitorEnv env;
  env.use_items({test::item("1", "뮤지컬 〈시카고〉 티켓오픈", "2025-07-03T16:00:00+09:00")});
  // A site whose page never answers: the crawl is certainly under way when the signal comes.
  std::ofstream(env.dir.file("extract/interpark.js")) << "(ctx) => new Promise(() => {})\n";
  test::BackgroundBinary once({"once", "--config", env.config_path(), "--replay-dir", env.replay_dir()}, env.env(),
                              env.dir.path());
  const std::string tmp = env.dir.file("tmp");
  wait_for_renderers(tmp);
  std::this_thread::sleep_for(std::chrono::seconds(2));
  const auto signalled = std::chrono::steady_clock::now();
  EXPECT_EQ(once.stop(SIGTERM), 0);
  EXPECT_LT(std::chrono::steady_clock::now() - signalled, std::chrono::seconds(15));
  const auto left = chromium_using(tmp);
  for (pid_t p : left) ADD_FAILURE() << "left running: " << p << " " << test::command_of(p) << " pgid " << ::getpgid(p);
  Store store(database_path(env.dir.file("data")));
  for (const auto& s : store.site_status()) EXPECT_EQ(s.last_error, "") << "the shutdown was stored as a failure of " << s.site;
  EXPECT_EQ(env.log().find("크롤링 실패"), std::string::npos) << env.log();
}

TEST(CrashRecovery, SigtermFinishesCleanlyWithExitZero) {
  test::MonitorEnv env;
  env.use_items({test::item("1", "뮤지컬 〈시카고〉 티켓오픈", "2025-07-03T16:00:00+09:00")});
  test::BackgroundBinary monitor({"run", "--config", env.config_path(), "--replay-dir", env.replay_dir()}, env.env(),
                                 env.dir.path());
  ASSERT_TRUE(env.discord.wait_for_messages(1, std::chrono::seconds(120)));
  EXPECT_EQ(monitor.stop(SIGTERM), 0);
  EXPECT_TRUE(chromium_using(env.dir.file("tmp")).empty());
}

}  // namespace
}  // namespace ta

namespace ta {
namespace {

TEST(SingleMonitor, SecondMonitorOnTheSameDataDirIsRefused) {
  test::MonitorEnv env;
  env.use_items({test::item("1", "뮤지컬 〈시카고〉 티켓오픈", "2025-07-03T16:00:00+09:00")});
  test::BackgroundBinary first({"run", "--config", env.config_path(), "--replay-dir", env.replay_dir()}, env.env(),
                               env.dir.path());
  ASSERT_TRUE(env.discord.wait_for_messages(1, std::chrono::seconds(120)));
  auto second = env.once();
  EXPECT_EQ(second.exit_code, 1);
  EXPECT_NE(second.err.find(std::to_string(first.pid())), std::string::npos) << "the error names the running monitor: " << second.err;
  EXPECT_EQ(first.stop(SIGTERM), 0);
  EXPECT_EQ(env.discord.messages().size(), 1u);
}

}  // namespace
}  // namespace ta
