// The delivery queue's states through the whole binary (real Chromium, real SQLite, the fake
// Discord): the per-cycle cap counts a whole cycle, an alert whose openings all passed before it
// could go out is recorded and not sent, a site's first crawl sends one summary, and a webhook
// found dead is probed again by the next run and recovers.
#include <gtest/gtest.h>

#include "monitor_env.h"
#include "notify/webhook_url.h"
#include "store/store.h"

namespace ta {
namespace {

using nlohmann::json;

std::map<std::string, std::int64_t> stored_counts(test::MonitorEnv& env) {
  Store store(database_path(env.config["data_dir"]));
  return store.counts_by_status();
}

TEST(DeliveryStates, TheCapCountsTheWholeCycleNotEachSite) {
  test::MonitorEnv env;
  env.config["sources"] = {"interpark", "ticketlink"};
  env.config["detail_pages"] = 0;
  env.config["max_notifications_per_cycle"] = 4;
  env.use_fixture("interpark");
  env.use_fixture("ticketlink");

  auto first = env.once();
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(env.embeds().size(), 4u) << "two sites, one cap: not four per site";
  EXPECT_NE(first.err.find("다음 주기에 보냅니다"), std::string::npos) << first.err;
  auto counts = stored_counts(env);
  EXPECT_EQ(counts["sent"], 4);
  EXPECT_GT(counts["deferred"], 4) << "the rest wait for the next cycle, as data";
  EXPECT_EQ(counts["pending"], 0);
  const auto waiting = counts["deferred"];

  auto second = env.once();
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(env.embeds().size(), 8u) << "the next cycle sends the next four";
  EXPECT_EQ(stored_counts(env)["deferred"], waiting - 4);
  std::set<std::string> urls;
  for (const auto& e : env.embeds()) urls.insert(e.value("url", ""));
  EXPECT_EQ(urls.size(), 8u) << "never one twice";
}

TEST(DeliveryStates, AnAlertWhoseOpeningsPassedBeforeItCouldGoOutIsRecordedNotSent) {
  test::MonitorEnv env;
  const std::vector<json> items = {test::item("9101", "뮤지컬 A 티켓오픈", "2025-06-21T12:00:00+09:00"),
                                   test::item("9102", "뮤지컬 B 티켓오픈", "2025-06-30T20:00:00+09:00")};
  env.use_items(items, "2025-06-21T10:00:00.000+09:00");
  env.config["DISCORD_WEBHOOK_URL"] = "";  // queued, not sent: no webhook yet
  auto queued = env.once();
  ASSERT_EQ(queued.exit_code, 0) << queued.err;
  EXPECT_EQ(stored_counts(env)["pending"], 2);

  // A day later the webhook is set: A opened yesterday noon, B is still ahead.
  env.config["DISCORD_WEBHOOK_URL"] = env.discord.webhook_url();
  env.use_items(items, "2025-06-22T10:00:00.000+09:00");
  auto later = env.once();
  ASSERT_EQ(later.exit_code, 0) << later.err;
  const auto embeds = env.embeds();
  ASSERT_EQ(embeds.size(), 1u);
  EXPECT_NE(embeds[0].value("title", "").find("뮤지컬 B"), std::string::npos);
  EXPECT_NE(later.err.find("오픈 시각이 모두 지나 보내지 않은 알림: 뮤지컬 A"), std::string::npos) << later.err;
  auto counts = stored_counts(env);
  EXPECT_EQ(counts["stale"], 1);
  EXPECT_EQ(counts["sent"], 1);
  EXPECT_EQ(counts["pending"] + counts["deferred"] + counts["retry"], 0);
}

TEST(DeliveryStates, AFirstRunSendsOneSummaryThenEachNewNoticeOnItsOwn) {
  test::MonitorEnv env;
  env.config["first_run"] = "summary";
  env.config["dashboard_url"] = "https://alarm.example.org/";
  std::vector<json> items;
  for (int i = 1; i <= 14; ++i)
    items.push_back(test::item(std::to_string(9200 + i), "콘서트 " + std::to_string(i) + " 티켓오픈",
                               "2025-07-" + std::string(i < 10 ? "0" : "") + std::to_string(i) + "T20:00:00+09:00"));
  env.use_items(items);
  auto first = env.once();
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_EQ(env.discord.messages().size(), 1u) << "one summary, not fourteen alerts";
  const auto embeds = env.embeds();
  ASSERT_EQ(embeds.size(), 1u);
  EXPECT_EQ(embeds[0].value("title", ""), "📋 인터파크: 지금 예정된 티켓오픈 14건");
  const std::string description = embeds[0].value("description", "");
  EXPECT_NE(description.find("콘서트 1 티켓오픈"), std::string::npos) << "the soonest are listed";
  EXPECT_EQ(description.find("콘서트 14 티켓오픈"), std::string::npos) << "ten listed, the rest counted";
  EXPECT_NE(description.find("외 4건"), std::string::npos) << description;
  EXPECT_NE(description.find("https://alarm.example.org/"), std::string::npos);
  EXPECT_NE(first.err.find("요약 메시지 하나로 알립니다"), std::string::npos) << first.err;

  items.push_back(test::item("9300", "새 뮤지컬 티켓오픈", "2025-07-20T20:00:00+09:00"));
  env.use_items(items);
  auto second = env.once();
  ASSERT_EQ(second.exit_code, 0) << second.err;
  const auto after = env.embeds();
  ASSERT_EQ(after.size(), 2u) << "only the new notice";
  EXPECT_NE(after[1].value("title", "").find("새 뮤지컬 티켓오픈"), std::string::npos);
}

TEST(DeliveryStates, AWebhookFoundDeadIsProbedByTheNextRunAndRecovers) {
  test::MonitorEnv env;
  env.use_items({test::item("9401", "연극 A 티켓오픈", "2025-07-01T20:00:00+09:00"),
                 test::item("9402", "연극 B 티켓오픈", "2025-07-02T20:00:00+09:00")});
  env.discord.fail_next(1, 404);
  auto dead = env.once();
  EXPECT_NE(dead.exit_code, 0) << "a dead webhook is a failed run";
  EXPECT_NE(dead.err.find("다시 확인합니다"), std::string::npos) << dead.err;
  {
    Store store(database_path(env.config["data_dir"]));
    auto state = store.webhook_status(webhook_key(env.discord.webhook_url()));
    ASSERT_TRUE(state);
    EXPECT_EQ(state->status, "dead");
    EXPECT_EQ(store.pending_count(), 2) << "nothing is lost while the webhook is dead";
  }

  // The webhook works again (fixed in Discord, or it was a glitch): the next run probes it first.
  auto recovered = env.once();
  ASSERT_EQ(recovered.exit_code, 0) << recovered.err;
  EXPECT_EQ(env.embeds().size(), 2u);
  EXPECT_NE(recovered.err.find("웹훅이 다시 동작합니다"), std::string::npos) << recovered.err;
  Store store(database_path(env.config["data_dir"]));
  EXPECT_EQ(store.webhook_status(webhook_key(env.discord.webhook_url()))->status, "ok");
}

TEST(DeliveryStates, A403BlocksOneMessageNotTheWebhook) {
  test::MonitorEnv env;
  env.use_items({test::item("9501", "연극 C 티켓오픈", "2025-07-01T20:00:00+09:00")});
  env.discord.fail_next(1, 403);
  auto r = env.once();
  EXPECT_EQ(r.exit_code, 0) << "the webhook is fine; one message was refused: " << r.err;
  EXPECT_NE(r.err.find("AutoMod"), std::string::npos) << r.err;
  auto counts = stored_counts(env);
  EXPECT_EQ(counts["failed"], 1);
  Store store(database_path(env.config["data_dir"]));
  const auto state = store.webhook_status(webhook_key(env.discord.webhook_url()));
  EXPECT_TRUE(!state || state->status == "ok");
}

}  // namespace
}  // namespace ta
