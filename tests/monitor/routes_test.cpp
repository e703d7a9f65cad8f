// Routes through the whole binary, with real Chromium over replayed pages and the fake Discord:
// several webhooks at once (one of them dead), each hearing its own notices with exact role
// pings and its own reminders; and one show on two sites edits the first alert instead of a
// second full alert (or, when that message was deleted, sends a short follow-up).
#include <gtest/gtest.h>

#include <signal.h>

#include <algorithm>
#include <set>

#include "monitor_env.h"
#include "notify/webhook_client.h"
#include "store/store.h"
#include "util/process_group.h"

namespace ta {
namespace {

using nlohmann::json;

constexpr const char* kIu = "2000000000000000001";
constexpr const char* kMusical = "2000000000000000002";
constexpr const char* kGone = "2000000000000000003";  // never registered: 404 Unknown Webhook
constexpr const char* kRole = "111122223333444455";

std::vector<test::FakeDiscordMessage> messages_to(const test::MonitorEnv& env, const std::string& webhook) {
  std::vector<test::FakeDiscordMessage> out;
  for (const auto& m : env.discord.messages())
    if (m.webhook_id == webhook) out.push_back(m);
  return out;
}

std::vector<std::string> embed_titles(const std::vector<test::FakeDiscordMessage>& messages) {
  std::vector<std::string> out;
  for (const auto& m : messages) {
    for (const auto& e : m.payload.value("embeds", json::array())) out.push_back(e.value("title", ""));
    if (m.payload.value("embeds", json::array()).empty()) out.push_back(m.payload.value("content", ""));
  }
  return out;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

void add_routes(test::MonitorEnv& env) {
  env.discord.add_webhook(kIu, "iuToken");
  env.discord.add_webhook(kMusical, "musicalToken");
  env.config["routes"] = json::array(
      {{{"name", "아이유"}, {"webhook", env.discord.webhook_url(kIu, "iuToken")}, {"keywords", {"IU"}},
        {"mention_role", kRole}},
       {{"name", "뮤지컬"}, {"webhook", env.discord.webhook_url(kMusical, "musicalToken")}, {"genres", {"뮤지컬"}}},
       {{"name", "닫힌 채널"}, {"webhook", env.discord.webhook_url(kGone, "goneToken")}}});
}

TEST(RoutesEndToEnd, EachChannelHearsItsOwnNoticesWithExactRolePingsAndADeadOneHoldsOnlyItself) {
  test::MonitorEnv env;
  add_routes(env);
  env.config["reminders"] = {10};
  const std::vector<json> items = {test::item("9801", "아이유 콘서트 〈HEREH〉 티켓오픈", "2025-06-21T10:30:00+09:00"),
                                   test::item("9802", "뮤지컬 레베카 티켓오픈", "2025-06-21T10:40:00+09:00"),
                                   test::item("9803", "연극 햄릿 티켓오픈", "2025-06-21T10:50:00+09:00")};
  env.use_items(items, "2025-06-21T10:00:00.000+09:00");
  auto r = env.once();
  EXPECT_EQ(r.exit_code, 1) << "a dead webhook is a failure of this run: " << r.err;

  const auto everything = messages_to(env, test::FakeDiscord::kWebhookId);
  EXPECT_EQ(embed_titles(everything).size(), 3u) << "the default route (no KEYWORDS) hears all three";
  const auto iu = messages_to(env, kIu);
  ASSERT_EQ(iu.size(), 1u);
  ASSERT_EQ(embed_titles(iu).size(), 1u);
  EXPECT_TRUE(contains(embed_titles(iu)[0], "아이유 콘서트 〈HEREH〉 티켓오픈")) << "IU finds 아이유 through the shipped aliases";
  EXPECT_EQ(iu[0].pings, std::vector<std::string>{std::string("role:") + kRole});
  EXPECT_EQ(iu[0].payload["allowed_mentions"], json({{"parse", json::array()}, {"roles", json::array({kRole})}}));
  const auto musical = messages_to(env, kMusical);
  ASSERT_EQ(embed_titles(musical).size(), 1u);
  EXPECT_TRUE(contains(embed_titles(musical)[0], "뮤지컬 레베카")) << embed_titles(musical)[0];
  EXPECT_TRUE(musical[0].pings.empty());
  for (const auto& m : everything) EXPECT_TRUE(m.pings.empty()) << m.payload.dump();

  const std::string log = env.log();
  EXPECT_TRUE(contains(log, "routes의 \"닫힌 채널\" webhook")) << log;
  {
    Store store(database_path(env.dir.file("data")));
    for (const auto& c : store.route_counts()) {
      if (c.route == "닫힌 채널") {
        EXPECT_EQ(c.waiting, 3) << "the dead channel keeps its alerts for when it is fixed";
      } else {
        EXPECT_EQ(c.waiting, 0) << c.route;
      }
    }
  }

  // 10:21: each route reminds the openings it announced, the IU channel pinging its role.
  env.use_items(items, "2025-06-21T10:21:00.000+09:00");
  r = env.once();
  const auto iu_after = messages_to(env, kIu);
  ASSERT_EQ(iu_after.size(), 2u) << testing::PrintToString(embed_titles(iu_after));
  const std::string reminder = iu_after[1].payload.value("content", "");
  EXPECT_EQ(reminder.rfind(std::string("<@&") + kRole + "> ⏰ 10분 뒤 일반예매 오픈: 아이유 콘서트", 0), 0u) << reminder;
  EXPECT_EQ(iu_after[1].pings, std::vector<std::string>{std::string("role:") + kRole});
  EXPECT_EQ(messages_to(env, kMusical).size(), 1u) << "레베카's reminder is due at 10:30, not yet";
  EXPECT_EQ(messages_to(env, test::FakeDiscord::kWebhookId).size(), everything.size() + 1) << "one reminder (아이유)";
}

TEST(RoutesEndToEnd, TheSameShowOnASecondSiteEditsTheFirstAlertInsteadOfRepeatingIt) {
  test::MonitorEnv env;
  env.config["sources"] = {"interpark", "yes24"};
  const json interpark_show = test::item("9901", "아이유 콘서트 〈HEREH〉 티켓오픈 안내", "2025-06-21T20:00:00+09:00", "KSPO DOME");
  json yes24_show = test::item("5001", "[콘서트] 아이유 콘서트 〈HEREH〉", "2025-06-21T20:00:00+09:00", "올림픽공원 KSPO DOME");
  yes24_show["url"] = "http://ticket.yes24.com/New/Notice/NoticeMain.aspx?Gcode=009_215&Id=5001";
  json yes24_other = test::item("5000", "연극 햄릿", "2025-06-22T20:00:00+09:00", "예술의전당");
  yes24_other["url"] = "http://ticket.yes24.com/New/Notice/NoticeMain.aspx?Gcode=009_215&Id=5000";

  env.use_site_items("interpark", {interpark_show}, "2025-06-21T10:00:00.000+09:00");
  env.use_site_items("yes24", {yes24_other}, "2025-06-21T10:00:00.000+09:00");
  auto r = env.once();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto before = env.discord.messages();
  ASSERT_EQ(embed_titles(before).size(), 2u) << testing::PrintToString(embed_titles(before));

  env.use_site_items("yes24", {yes24_other, yes24_show}, "2025-06-21T10:05:00.000+09:00");
  env.use_site_items("interpark", {interpark_show}, "2025-06-21T10:05:00.000+09:00");
  r = env.once();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto after = env.discord.messages();
  EXPECT_EQ(after.size(), before.size()) << "no second alert: " << testing::PrintToString(embed_titles(after));
  const auto edited = std::find_if(after.begin(), after.end(), [](const auto& m) { return m.edits > 0; });
  ASSERT_NE(edited, after.end()) << "the first alert was edited";
  EXPECT_EQ(edited->edits, 1);
  bool listed = false;
  for (const auto& e : edited->payload["embeds"])
    for (const auto& f : e.value("fields", json::array()))
      if (f.value("name", "") == "다른 예매처에서도 오픈") {
        listed = contains(f.value("value", ""), "YES24") && contains(f.value("value", ""), "Id=5001");
      }
  EXPECT_TRUE(listed) << edited->payload.dump();
  EXPECT_TRUE(contains(env.log(), "다른 예매처에서 이미 알린 공연 (interpark → yes24)")) << env.log();

  // A second show whose first alert a moderator deleted: a short follow-up instead.
  const json second = test::item("9902", "뮤지컬 레베카 10주년 티켓오픈", "2025-06-22T14:00:00+09:00", "블루스퀘어");
  env.use_site_items("interpark", {interpark_show, second}, "2025-06-21T10:10:00.000+09:00");
  ASSERT_EQ(env.once().exit_code, 0);
  const std::string deleted = env.discord.messages().back().id;
  env.discord.delete_message(deleted);
  json second_yes24 = test::item("5002", "뮤지컬 레베카 10주년", "2025-06-22T14:00:00+09:00", "블루스퀘어 신한카드홀");
  second_yes24["url"] = "http://ticket.yes24.com/New/Notice/NoticeMain.aspx?Gcode=009_215&Id=5002";
  env.use_site_items("yes24", {yes24_other, yes24_show, second_yes24}, "2025-06-21T10:15:00.000+09:00");
  ASSERT_EQ(env.once().exit_code, 0);
  const auto last = env.discord.messages().back();
  const auto titles = embed_titles({last});
  ASSERT_EQ(titles.size(), 1u);
  EXPECT_EQ(titles[0], "🔁 다른 예매처에서도 오픈: 뮤지컬 레베카 10주년") << titles[0];
  EXPECT_TRUE(contains(env.log(), "먼저 보낸 알림을 고치지 못해 짧은 알림을 따로 보냅니다")) << env.log();
}

TEST(RoutesEndToEnd, RunSendsEachChannelOnItsOwnThreadAndStopsCleanly) {
  test::MonitorEnv env;
  add_routes(env);
  env.use_items({test::item("9811", "아이유 콘서트 티켓오픈", "2025-06-21T12:30:00+09:00"),
                 test::item("9812", "뮤지컬 레베카 티켓오픈", "2025-06-21T12:40:00+09:00")},
                "2025-06-21T10:00:00.000+09:00");
  test::BackgroundBinary monitor({"run", "--config", env.config_path(), "--replay-dir", env.replay_dir()}, env.env(),
                                 env.dir.path());
  const bool arrived = env.discord.wait_until(
      [](const std::vector<test::FakeDiscordMessage>& all) {
        std::set<std::string> hooks;
        for (const auto& m : all) hooks.insert(m.webhook_id);
        return hooks.count(test::FakeDiscord::kWebhookId) && hooks.count(kIu) && hooks.count(kMusical);
      },
      std::chrono::seconds(120));
  const int code = monitor.stop(SIGTERM);
  ASSERT_TRUE(arrived) << env.log();
  EXPECT_EQ(code, 0) << env.log();
  EXPECT_EQ(messages_to(env, kIu).size(), 1u);
  EXPECT_EQ(messages_to(env, kIu)[0].pings, std::vector<std::string>{std::string("role:") + kRole});
  EXPECT_TRUE(contains(env.log(), "routes의 \"닫힌 채널\" webhook")) << "the dead channel fails on its own";
  EXPECT_TRUE(processes_mentioning("--user-data-dir=" + env.dir.file("tmp")).empty()) << "no Chromium outlives the run";
}

// One message per webhook per 15 s, and the default channel's bucket is spent just before the
// run: its alerts wait out the rate limit, while the IU channel's alert goes out at once from its
// own thread (one thread for all channels would send it only after the default channel's wait).
TEST(RoutesEndToEnd, ARateLimitedChannelNeverHoldsBackAnother) {
  test::MonitorEnv env;
  add_routes(env);
  env.config["routes"].erase(2);  // no dead channel here
  env.discord.set_rate_limit(1, std::chrono::seconds(15));
  std::vector<json> items;
  for (int i = 0; i < 20; ++i)
    items.push_back(test::item(std::to_string(9900 + i), "연극 " + std::to_string(i) + " 티켓오픈", "2025-06-21T12:30:00+09:00"));
  items.push_back(test::item("9899", "아이유 콘서트 티켓오픈", "2025-06-21T12:30:00+09:00"));
  env.use_items(items, "2025-06-21T10:00:00.000+09:00");
  WebhookClient spender(*parse_webhook_url(env.discord.webhook_url()));
  ASSERT_EQ(spender.send({{"content", "bucket spent"}}).outcome, SendOutcome::ok);
  test::BackgroundBinary monitor({"run", "--config", env.config_path(), "--replay-dir", env.replay_dir()}, env.env(),
                                 env.dir.path());
  const bool arrived = env.discord.wait_until(
      [](const std::vector<test::FakeDiscordMessage>& all) {
        return std::count_if(all.begin(), all.end(),
                             [](const auto& m) { return m.webhook_id == test::FakeDiscord::kWebhookId; }) >= 2;
      },
      std::chrono::seconds(120));
  monitor.stop(SIGTERM);
  ASSERT_TRUE(arrived) << env.log();
  std::vector<std::string> order;  // the webhook of each accepted message, in arrival order
  for (const auto& m : env.discord.messages()) order.push_back(m.webhook_id == kIu ? "iu" : "default");
  const auto iu = std::find(order.begin(), order.end(), "iu");
  ASSERT_NE(iu, order.end());
  EXPECT_EQ(iu - order.begin(), 1) << "the IU alert went before the default channel's rate-limited alerts: "
                                   << testing::PrintToString(order);
}

}  // namespace
}  // namespace ta
