// Reminders before an opening, sent by the delivery runner to the fake Discord with "now" passed
// in (no waiting for the clock), then through the whole binary with replayed archives whose
// recording times move the clock: each reminder exactly once, at its time, across restarts.
#include <gtest/gtest.h>

#include "config/config.h"
#include "monitor/delivery_runner.h"
#include "monitor/delivery_worker.h"
#include "monitor_env.h"
#include "normalize/kst_time.h"
#include "notify/webhook_url.h"
#include "store/store.h"

namespace ta {
namespace {

using nlohmann::json;

struct RunnerEnv {
  test::MonitorEnv env;
  Config config;
  std::unique_ptr<Store> store;
  std::string key;
  const std::time_t opening = std::time(nullptr) + 7200;

  RunnerEnv() {
    env.config["reminders"] = {10};
    config = parse_config(env.config.dump(), env.dir.file("config.json"), nullptr);
    store = std::make_unique<Store>(database_path(config.data_dir));
    key = webhook_key(config.DISCORD_WEBHOOK_URL);
  }
  void crawl(const std::string& id, const std::string& title, bool priority = false) {
    Ticket t;
    t.id = id;
    t.title = title;
    t.url = "https://tickets.interpark.com/contents/notice/detail/" + id;
    t.open_at = format_kst_iso(opening);
    CrawlPolicy policy;
    policy.webhook_key = key;
    policy.reminder_offsets = config.reminders;
    policy.priority = [priority](const Ticket&) { return priority; };
    // The alert itself went out earlier: only the reminder is left to send.
    for (std::int64_t queued : store->record_crawl("interpark", {t}, std::time(nullptr), policy).queued)
      store->mark_sent(queued, "alert", std::time(nullptr));
  }
  std::vector<test::FakeDiscordMessage> messages() const { return env.discord.messages(); }
};

TEST(Reminders, SentAtItsTimeOnceAndNeverAgainAfterARestart) {
  RunnerEnv r;
  r.crawl("1", "연극 A");
  StopSignal stop;
  {
    DeliveryRunner runner(r.config, *r.store, stop, false);
    EXPECT_EQ(runner.next_due_at(), r.opening - 600);
    EXPECT_EQ(runner.deliver_reminders(r.opening - 601).requests, 0u) << "not yet";
    EXPECT_EQ(runner.deliver_reminders(r.opening - 600).sent, 1u);
    EXPECT_EQ(runner.deliver_reminders(r.opening - 590).requests, 0u) << "once";
  }
  DeliveryRunner restarted(r.config, *r.store, stop, false);
  EXPECT_EQ(restarted.deliver_reminders(r.opening - 580).requests, 0u) << "a restart repeats nothing";

  const auto messages = r.messages();
  ASSERT_EQ(messages.size(), 1u);
  const std::string content = messages[0].payload.value("content", "");
  EXPECT_NE(content.find("⏰ 10분 뒤 일반예매 오픈: 연극 A"), std::string::npos) << content;
  EXPECT_NE(content.find("<t:" + std::to_string(r.opening) + ":R>"), std::string::npos) << content;
  EXPECT_NE(content.find("https://tickets.interpark.com/contents/notice/detail/1"), std::string::npos);
  EXPECT_TRUE(messages[0].pings.empty());
  EXPECT_EQ(messages[0].payload["allowed_mentions"]["parse"], json::array());
  EXPECT_EQ(r.store->reminder_counts()["sent"], 1);
}

TEST(Reminders, APriorityNoticePingsAsItsFirstAlertDid) {
  RunnerEnv r;
  r.crawl("2", "아이유 콘서트", true);
  StopSignal stop;
  DeliveryRunner runner(r.config, *r.store, stop, false);
  EXPECT_EQ(runner.deliver_reminders(r.opening - 600).sent, 1u);
  const auto messages = r.messages();
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].payload.value("content", "").rfind("@here ⏰", 0), 0u);
  EXPECT_EQ(messages[0].payload["allowed_mentions"]["parse"], json::array({"everyone"}));
}

TEST(Reminders, OneLateAfterDowntimeIsSkippedNotSentLate) {
  RunnerEnv r;
  r.crawl("3", "연극 C");
  StopSignal stop;
  DeliveryRunner runner(r.config, *r.store, stop, false);
  // The program was down over the reminder's moment and comes back six minutes after it.
  EXPECT_EQ(runner.deliver_reminders(r.opening - 600 + 360).requests, 0u);
  EXPECT_TRUE(r.messages().empty());
  EXPECT_EQ(r.store->reminder_counts()["skipped"], 1);
  EXPECT_FALSE(runner.next_due_at()) << "nothing left to wake for";
}

// A 429 storm on a backlog of alerts: the reminder whose moment comes in the middle of it goes
// out as soon as Discord takes anything, ahead of every alert still waiting.
TEST(Reminders, NotHeldBackByA429StormOnAlerts) {
  RunnerEnv r;
  r.crawl("5", "연극 E");  // its 10-minute reminder is due at opening - 600
  CrawlPolicy policy;
  policy.webhook_key = r.key;
  std::vector<Ticket> backlog;
  for (int i = 0; i < 25; ++i) {
    Ticket t;
    t.id = std::to_string(600 + i);
    t.title = "콘서트 " + std::to_string(i);
    t.url = "https://tickets.interpark.com/contents/notice/detail/" + t.id;
    t.open_at = format_kst_iso(r.opening + 86400);
    backlog.push_back(t);
  }
  ASSERT_EQ(r.store->record_crawl("interpark", backlog, std::time(nullptr), policy).queued.size(), 25u);

  // The reminder's moment comes with Discord's first 429: "now" is the fake Discord's request count.
  r.env.discord.force_429(3, 0.3);
  StopSignal stop;
  DeliveryRunner runner(r.config, *r.store, stop, false);
  runner.set_reminder_clock([&] { return r.env.discord.requests().empty() ? r.opening - 700 : r.opening - 600; });
  DeliveryWorker worker(runner, {});
  worker.begin_cycle();
  ASSERT_TRUE(r.env.discord.wait_for_messages(4, std::chrono::seconds(60))) << "3 messages of alerts and 1 reminder";
  worker.request_stop();

  const auto messages = r.messages();
  ASSERT_EQ(messages.size(), 4u);
  EXPECT_NE(messages[0].payload.value("content", "").find("⏰ 10분 뒤 일반예매 오픈: 연극 E"), std::string::npos)
      << "the reminder goes before any alert: " << messages[0].payload.dump();
  std::size_t alerts = 0;
  for (std::size_t i = 1; i < messages.size(); ++i) alerts += messages[i].payload["embeds"].size();
  EXPECT_EQ(alerts, 25u) << "and every alert follows";
  std::size_t limited = 0;
  for (const auto& q : r.env.discord.requests()) limited += q.status == 429;
  EXPECT_EQ(limited, 3u);
}

// The binary over replayed archives: the archive's recording time is "now".
TEST(Reminders, ThroughTheBinaryEachReminderOnceAcrossRuns) {
  test::MonitorEnv env;
  env.config["reminders"] = {60, 10};
  const std::vector<json> items = {test::item("9601", "뮤지컬 D 티켓오픈", "2025-06-21T10:30:00+09:00")};
  env.use_items(items, "2025-06-21T10:00:00.000+09:00");
  auto first = env.once();
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(env.discord.messages().size(), 1u) << "the alert; the 60-minute reminder's moment had passed";

  env.use_items(items, "2025-06-21T10:19:00.000+09:00");
  ASSERT_EQ(env.once().exit_code, 0);
  EXPECT_EQ(env.discord.messages().size(), 1u) << "10:20 is not here yet: " << env.discord.messages().back().payload.dump();

  env.use_items(items, "2025-06-21T10:21:00.000+09:00");
  auto due = env.once();
  ASSERT_EQ(due.exit_code, 0) << due.err;
  const auto messages = env.discord.messages();
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_NE(messages[1].payload.value("content", "").find("⏰ 10분 뒤 일반예매 오픈: 뮤지컬 D 티켓오픈"), std::string::npos)
      << messages[1].payload.dump();

  env.use_items(items, "2025-06-21T10:22:00.000+09:00");
  ASSERT_EQ(env.once().exit_code, 0);
  EXPECT_EQ(env.discord.messages().size(), 2u) << "never twice";
}

TEST(Reminders, TheConfigRefusesBadOffsets) {
  test::MonitorEnv env;
  env.config["reminders"] = {10, "soon"};
  EXPECT_THROW(parse_config(env.config.dump(), "config.json", nullptr), ConfigError);
  env.config["reminders"] = {0};
  try {
    parse_config(env.config.dump(), "config.json", nullptr);
    FAIL() << "0 minutes is refused";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("reminders[0]"), std::string::npos) << e.what();
  }
  env.config["reminders"] = {10, 60, 10};
  EXPECT_EQ(parse_config(env.config.dump(), "config.json", nullptr).reminders, (std::vector<int>{60, 10}));
  env.config["reminders"] = json::array();
  EXPECT_TRUE(parse_config(env.config.dump(), "config.json", nullptr).reminders.empty());
}

}  // namespace
}  // namespace ta
