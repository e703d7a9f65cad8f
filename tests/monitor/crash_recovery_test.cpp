// kill -9 of the monitor in the middle of sending, then a restart: nothing is lost, at most the
// one message that was in flight repeats, and the killed run's Chromium is cleaned up.
#include <gtest/gtest.h>
#include <signal.h>

#include <map>

#include "monitor_env.h"
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
