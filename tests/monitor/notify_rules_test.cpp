// What is announced and how: keywords, priority, exclusions, hostile titles, updates, a dead
// webhook, no webhook at all, and --dry-run — each through the real binary.
#include <gtest/gtest.h>

#include "monitor_env.h"
#include "store/store.h"

namespace ta {
namespace {

using nlohmann::json;
using test::item;

TEST(NotifyRules, KeywordsPriorityAndExclusions) {
  test::MonitorEnv env;
  env.config["KEYWORDS"] = {"뮤지컬", "aespa"};
  env.config["PRIORITY_KEYWORDS"] = {"아이유"};
  env.config["EXCLUDE_KEYWORDS"] = {"취소"};
  env.use_items({item("1", "뮤지컬 〈레미제라블〉 티켓오픈", "2025-07-03T16:00:00+09:00"),
                 item("2", "2025 IU(아이유) 콘서트 티켓오픈", "2025-07-04T20:00:00+09:00", "KSPO DOME"),
                 item("3", "연극 〈햄릿〉 티켓오픈", "2025-07-05T14:00:00+09:00"),
                 item("4", "뮤지컬 〈캣츠〉 공연 취소 안내", "2025-07-06T14:00:00+09:00"),
                 item("5", "AESPA LIVE TOUR 티켓오픈", "2025-07-07T20:00:00+09:00")});
  auto r = env.once();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> urls;
  for (const auto& e : env.embeds()) urls.push_back(e["url"]);
  std::sort(urls.begin(), urls.end());
  const std::string base = "https://tickets.interpark.com/contents/notice/detail/";
  EXPECT_EQ(urls, (std::vector<std::string>{base + "1", base + "2", base + "5"}));
  bool priority_pinged = false;
  for (const auto& m : env.discord.messages()) {
    ASSERT_TRUE(m.payload.contains("allowed_mentions"));
    if (m.payload.value("content", "").find("@here") != std::string::npos) {
      priority_pinged = true;
      EXPECT_EQ(m.payload["allowed_mentions"], json({{"parse", {"everyone"}}}));
      EXPECT_EQ(m.pings, std::vector<std::string>{"here"});
    } else {
      EXPECT_TRUE(m.pings.empty());
    }
  }
  EXPECT_TRUE(priority_pinged);
}

TEST(NotifyRules, HostileTitlesMakeValidMessagesThatPingNobody) {
  test::MonitorEnv env;
  const std::string huge(10000, 'A');
  env.use_items({item("1", "@everyone 무료 티켓 **지금** `클릭` <@123456> @here", "2025-07-03T16:00:00+09:00", "@everyone 홀"),
                 item("2", "〈" + huge + "〉", "2025-07-03T17:00:00+09:00", huge),
                 item("3", "||spoiler|| ~~strike~~ > quote __under__ 티켓오픈", "2025-07-03T18:00:00+09:00")});
  auto r = env.once();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(env.embeds().size(), 3u);
  for (const auto& req : env.discord.requests()) EXPECT_LT(req.status, 400) << req.body.substr(0, 300);
  for (const auto& m : env.discord.messages()) {
    EXPECT_TRUE(m.pings.empty()) << m.payload.dump().substr(0, 300);
    EXPECT_EQ(m.payload["allowed_mentions"], json({{"parse", json::array()}}));
  }
}

TEST(NotifyRules, ChangedOpenTimeIsAnnouncedOnceAsAnUpdate) {
  test::MonitorEnv env;
  env.use_items({item("7", "뮤지컬 〈시카고〉 티켓오픈", "2025-07-03T16:00:00+09:00")});
  ASSERT_EQ(env.once().exit_code, 0);
  ASSERT_EQ(env.embeds().size(), 1u);
  env.use_items({item("7", "뮤지컬 〈시카고〉 티켓오픈", "2025-07-10T14:00:00+09:00")});
  ASSERT_EQ(env.once().exit_code, 0);
  ASSERT_EQ(env.embeds().size(), 2u);
  EXPECT_NE(env.embeds()[1].dump().find("오픈 일정 변경"), std::string::npos) << env.embeds()[1].dump();
  ASSERT_EQ(env.once().exit_code, 0);
  EXPECT_EQ(env.embeds().size(), 2u) << "an unchanged ticket is not announced again";
}

TEST(NotifyRules, DeadWebhookKeepsDeliveriesUntilItIsFixed) {
  test::MonitorEnv env;
  env.use_items({item("1", "콘서트 A 티켓오픈", "2025-07-03T16:00:00+09:00"), item("2", "콘서트 B 티켓오픈", "2025-07-03T17:00:00+09:00")});
  env.discord.remove_webhook(test::FakeDiscord::kWebhookId);
  auto r = env.once();
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("알림 전송 실패"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("DISCORD_WEBHOOK_URL"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(test::FakeDiscord::kToken), std::string::npos) << "the token must never be logged";
  {
    Store store(database_path(env.config["data_dir"]));
    EXPECT_EQ(store.pending_count(), 2);
  }
  env.discord.add_webhook(test::FakeDiscord::kWebhookId, test::FakeDiscord::kToken);
  ASSERT_EQ(env.once().exit_code, 0);
  EXPECT_EQ(env.embeds().size(), 2u);
}

TEST(NotifyRules, WithoutAWebhookItStoresLogsAndSendsLater) {
  test::MonitorEnv env;
  env.config["DISCORD_WEBHOOK_URL"] = "";
  env.use_items({item("1", "뮤지컬 〈위키드〉 티켓오픈", "2025-07-03T16:00:00+09:00")});
  auto r = env.once();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("DISCORD_WEBHOOK_URL"), std::string::npos);
  EXPECT_NE(r.err.find("보낼 알림 (웹훅 미설정): [인터파크] 뮤지컬 〈위키드〉 티켓오픈"), std::string::npos) << r.err;
  EXPECT_TRUE(env.discord.requests().empty());
  env.config["DISCORD_WEBHOOK_URL"] = env.discord.webhook_url();
  ASSERT_EQ(env.once().exit_code, 0);
  EXPECT_EQ(env.embeds().size(), 1u);
}

TEST(NotifyRules, DryRunPrintsAndSendsNothing) {
  test::MonitorEnv env;
  env.use_items({item("1", "뮤지컬 〈맘마미아〉 티켓오픈", "2025-07-03T16:00:00+09:00")});
  auto r = env.once({"--dry-run"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(env.discord.requests().empty());
  EXPECT_NE(r.out.find("맘마미아"), std::string::npos) << r.out;
  json payload = json::parse(r.out.substr(0, r.out.find('\n')));
  EXPECT_TRUE(payload.contains("embeds"));
}

TEST(NotifyRules, PastNoticesAreStoredButNotAnnounced) {
  test::MonitorEnv env;
  env.use_items({item("1", "지난 공연 티켓오픈", "2025-06-01T10:00:00+09:00"), item("2", "다음 공연 티켓오픈", "2025-07-01T10:00:00+09:00")});
  ASSERT_EQ(env.once().exit_code, 0);
  ASSERT_EQ(env.embeds().size(), 1u);
  EXPECT_EQ(env.embeds()[0]["url"], "https://tickets.interpark.com/contents/notice/detail/2");
}

}  // namespace
}  // namespace ta
