// Changes after the first alert, through the whole binary with replayed pages whose recording
// times move the clock: a withdrawn notice is one "취소" and no reminder; a moved opening is one
// "오픈 일정 변경" and its reminder moves with it; each reminder goes exactly once even when the
// monitor is killed with SIGKILL and started again.
#include <gtest/gtest.h>
#include <signal.h>

#include "monitor_env.h"
#include "util/process_group.h"

namespace ta {
namespace {

using nlohmann::json;

std::vector<std::string> titles(const test::MonitorEnv& env) {
  std::vector<std::string> out;
  for (const auto& m : env.discord.messages()) {
    for (const auto& e : m.payload.value("embeds", json::array())) out.push_back(e.value("title", ""));
    if (m.payload.value("embeds", json::array()).empty()) out.push_back(m.payload.value("content", ""));
  }
  return out;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

TEST(ChangeMessages, AWithdrawnNoticeIsOneCancelAndItsReminderNeverGoes) {
  test::MonitorEnv env;
  env.config["reminders"] = {10};
  const json gone = test::item("9702", "뮤지컬 레베카 티켓오픈", "2025-06-21T12:00:00+09:00");
  const json stays = test::item("9701", "연극 햄릿 티켓오픈", "2025-06-21T12:00:00+09:00");
  env.use_items({gone, stays}, "2025-06-21T10:00:00.000+09:00");
  ASSERT_EQ(env.once().exit_code, 0);
  ASSERT_EQ(env.discord.messages().size(), 1u) << "one message with both alerts";

  for (const char* at : {"2025-06-21T10:01:00.000+09:00", "2025-06-21T10:02:00.000+09:00", "2025-06-21T10:03:00.000+09:00",
                         "2025-06-21T10:04:00.000+09:00"}) {
    env.use_items({stays}, at);
    auto r = env.once();
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  auto all = titles(env);
  ASSERT_EQ(all.size(), 3u) << testing::PrintToString(all);
  EXPECT_TRUE(contains(all[2], "[취소] 뮤지컬 레베카 티켓오픈")) << all[2];
  const json cancel = env.embeds().back();
  EXPECT_EQ(cancel["url"], "https://tickets.interpark.com/contents/notice/detail/9702") << "the original alert's link";
  EXPECT_TRUE(contains(cancel.value("description", ""), "예매처 공지 목록에서 이 공지가 내려갔습니다")) << cancel.dump();
  EXPECT_TRUE(contains(env.log(), "예매처 목록에서 내려간 공지 (3회 연속 없음"));

  // At 11:51 only the listed notice is reminded.
  env.use_items({stays}, "2025-06-21T11:51:00.000+09:00");
  ASSERT_EQ(env.once().exit_code, 0);
  all = titles(env);
  ASSERT_EQ(all.size(), 4u) << testing::PrintToString(all);
  EXPECT_TRUE(contains(all[3], "⏰ 10분 뒤 일반예매 오픈: 연극 햄릿")) << all[3];
}

TEST(ChangeMessages, AMovedOpeningIsOneUpdateAndItsReminderMovesWithIt) {
  test::MonitorEnv env;
  env.config["reminders"] = {10};
  env.use_items({test::item("9711", "뮤지컬 D 티켓오픈", "2025-06-21T10:30:00+09:00")}, "2025-06-21T10:00:00.000+09:00");
  ASSERT_EQ(env.once().exit_code, 0);
  env.use_items({test::item("9711", "뮤지컬 D 티켓오픈", "2025-06-21T10:50:00+09:00")}, "2025-06-21T10:05:00.000+09:00");
  ASSERT_EQ(env.once().exit_code, 0);
  auto all = titles(env);
  ASSERT_EQ(all.size(), 2u) << testing::PrintToString(all);
  EXPECT_TRUE(contains(all[1], "[오픈 일정 변경] 뮤지컬 D 티켓오픈")) << all[1];

  env.use_items({test::item("9711", "뮤지컬 D 티켓오픈", "2025-06-21T10:50:00+09:00")}, "2025-06-21T10:21:00.000+09:00");
  ASSERT_EQ(env.once().exit_code, 0);
  EXPECT_EQ(titles(env).size(), 2u) << "the old time's reminder is cancelled";
  env.use_items({test::item("9711", "뮤지컬 D 티켓오픈", "2025-06-21T10:50:00+09:00")}, "2025-06-21T10:41:00.000+09:00");
  ASSERT_EQ(env.once().exit_code, 0);
  all = titles(env);
  ASSERT_EQ(all.size(), 3u) << testing::PrintToString(all);
  EXPECT_TRUE(contains(all[2], "⏰ 10분 뒤 일반예매 오픈: 뮤지컬 D 티켓오픈")) << all[2];
}

TEST(ChangeMessages, AReminderWhoseMomentPassedWhileTheMonitorWasDownIsSkipped) {
  test::MonitorEnv env;
  env.config["reminders"] = {60, 10};
  const std::vector<json> items = {test::item("9731", "뮤지컬 F 티켓오픈", "2025-06-21T11:30:00+09:00")};
  env.use_items(items, "2025-06-21T10:00:00.000+09:00");
  ASSERT_EQ(env.once().exit_code, 0);
  // Down from 10:00 to 11:27: the 60-minute reminder (10:30) and the 10-minute one (11:20) passed.
  env.use_items(items, "2025-06-21T11:27:00.000+09:00");
  auto r = env.once();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto all = titles(env);
  ASSERT_EQ(all.size(), 1u) << "only the alert, never a late burst: " << testing::PrintToString(all);
  EXPECT_TRUE(contains(env.log(), "보낼 시각이 7분 지나 보내지 않은 오픈 알림: 뮤지컬 F 티켓오픈 (10분 전 알림)")) << env.log();
  EXPECT_TRUE(contains(env.log(), "보낼 시각이 57분 지나 보내지 않은 오픈 알림: 뮤지컬 F 티켓오픈 (60분 전 알림)"));
}

// `run` until the fake Discord holds `count` messages, then SIGKILL.
void run_until_then_kill(test::MonitorEnv& env, std::size_t count) {
  test::BackgroundBinary monitor({"run", "--config", env.config_path(), "--replay-dir", env.replay_dir()}, env.env(),
                                 env.dir.path());
  const bool arrived = env.discord.wait_for_messages(count, std::chrono::seconds(120));
  // Give a wrong repeat a moment to show itself (it would arrive right behind the last one).
  env.discord.wait_for_messages(count + 1, std::chrono::seconds(2));
  monitor.stop(SIGKILL);
  ASSERT_TRUE(arrived) << "expected " << count << " messages: " << testing::PrintToString(titles(env));
}

TEST(ChangeMessages, EachReminderExactlyOnceAcrossSigkillAndRestart) {
  test::MonitorEnv env;
  env.config["reminders"] = {60, 10};
  const std::vector<json> items = {test::item("9721", "뮤지컬 E 티켓오픈", "2025-06-21T11:30:00+09:00")};
  env.use_items(items, "2025-06-21T10:29:00.000+09:00");
  run_until_then_kill(env, 1);  // the alert; the 60-minute reminder is a minute away
  env.use_items(items, "2025-06-21T10:31:00.000+09:00");
  run_until_then_kill(env, 2);  // the 60-minute reminder, killed right after
  env.use_items(items, "2025-06-21T11:21:00.000+09:00");
  run_until_then_kill(env, 3);  // the 10-minute one; the 60-minute one is not repeated
  env.use_items(items, "2025-06-21T11:22:00.000+09:00");
  ASSERT_EQ(env.once().exit_code, 0);

  const auto all = titles(env);
  ASSERT_EQ(all.size(), 3u) << testing::PrintToString(all);
  EXPECT_TRUE(contains(all[0], "뮤지컬 E 티켓오픈")) << all[0];
  EXPECT_TRUE(contains(all[1], "⏰ 1시간 뒤 일반예매 오픈")) << all[1];
  EXPECT_TRUE(contains(all[2], "⏰ 10분 뒤 일반예매 오픈")) << all[2];
  EXPECT_TRUE(processes_mentioning("--user-data-dir=" + env.dir.file("tmp")).empty()) << "no Chromium outlives a run";
}

}  // namespace
}  // namespace ta
