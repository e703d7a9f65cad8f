// /api/tickets, /api/sites, /api/stats over a store filled like a real crawl.
#include <gtest/gtest.h>

#include "web/store_status_source.h"
#include "web_env.h"

namespace ta::test {
namespace {

using Ids = std::vector<std::string>;

TEST_F(WebTest, TicketsFromNowOnSortedByOpenTimeThenUndated) {
  auto answer = get_json("/api/tickets");
  EXPECT_EQ(ids(answer), (Ids{"interpark/25009001", "yes24/16995", "melon/211234", "interpark/25009003",
                              "ticketlink/48110", "yes24/17001"}));
  EXPECT_EQ(answer["now"], now);
  EXPECT_EQ(answer["has_more"], false);
  EXPECT_EQ(answer["genres"], nlohmann::json({"뮤지컬", "스포츠", "연극", "콘서트", "팬미팅"}));

  const auto& first = answer["tickets"][0];
  EXPECT_EQ(first["title"], "아이유 HEREH WORLD TOUR 앙코르 콘서트");
  EXPECT_EQ(first["site_name"], "인터파크");
  EXPECT_EQ(first["open_epoch"], kst("2025-07-01T15:00:00+09:00"));
  EXPECT_EQ(first["venue"], "서울월드컵경기장");
  EXPECT_EQ(first["url"], "https://example.interpark.test/notice/25009001");
  EXPECT_EQ(answer["tickets"][2]["open_type_label"], "팬클럽 선예매");
  EXPECT_EQ(answer["tickets"][2]["open_type_name"], "팬클럽 선예매") << "what the 구분 column shows";
  EXPECT_TRUE(answer["tickets"][5]["open_epoch"].is_null());
  // Site strings are data: the API hands them over unchanged for the page to show as text.
  EXPECT_EQ(answer["tickets"][3]["title"], kXssTitle);
}

TEST_F(WebTest, RemindersAreTheNextScheduledSoonestFirstInKorean) {
  const auto answer = get_json("/api/reminders");
  EXPECT_EQ(answer["now"], static_cast<std::int64_t>(now));
  const auto& list = answer["reminders"];
  ASSERT_EQ(list.size(), 2u) << answer.dump();
  const std::int64_t opening = kst("2025-07-03T20:00:00+09:00");
  EXPECT_EQ(list[0]["minutes_before"], 60);
  EXPECT_EQ(list[0]["due_at"], opening - 3600);
  EXPECT_EQ(list[1]["minutes_before"], 10);
  EXPECT_EQ(list[0]["opening_at"], opening);
  EXPECT_EQ(list[0]["opening"], "팬클럽 선예매");
  EXPECT_EQ(list[0]["site_name"], "멜론티켓");
  EXPECT_EQ(list[0]["title"], "NCT DREAM 팬미팅 〈DREAM FESTA〉 팬클럽 선예매");
}

TEST_F(WebTest, ChangesAreTheLatestUpdatesAndCancellationsInKorean) {
  EXPECT_EQ(get_json("/api/changes")["changes"], nlohmann::json::array()) << "no change yet";
  store->record_crawl("ticketlink",
                      {notice("ticketlink", "티켓링크", "48110", "2025 KBO 올스타전 예매 안내", "2025-07-09T11:00:00+09:00",
                              "스포츠", "대전 한화생명 볼파크")},
                      now - 600, {});
  Ticket cancel = notice("yes24", "YES24", "17002", "뮤지컬 〈레미제라블〉 공연 취소 및 환불 안내", std::nullopt, "뮤지컬", "");
  cancel.open_type = "other";
  cancel.open_type_label = "변경/취소";
  store->record_crawl("yes24", {cancel}, now - 300, {});

  const auto list = get_json("/api/changes")["changes"];
  ASSERT_EQ(list.size(), 2u) << list.dump();
  EXPECT_EQ(list[0]["kind"], "취소");
  EXPECT_EQ(list[0]["reason"], "예매처 취소 공지");
  EXPECT_EQ(list[0]["title"], "뮤지컬 〈레미제라블〉 공연 취소 및 환불 안내");
  EXPECT_EQ(list[0]["original"]["title"], "뮤지컬 〈레미제라블〉 4차 티켓오픈 안내");
  EXPECT_EQ(list[0]["status"], "보낼 예정");
  EXPECT_EQ(list[1]["kind"], "일정 변경");
  EXPECT_EQ(list[1]["reason"], "오픈 일정 변경");
  EXPECT_EQ(list[1]["site_name"], "티켓링크");
  EXPECT_EQ(list[1]["changes"], nlohmann::json({"일반예매 2025년 7월 8일 (화) 오전 11시 → 2025년 7월 9일 (수) 오전 11시"}));
  EXPECT_EQ(list[1]["at"], static_cast<std::int64_t>(now - 600));
}

TEST_F(WebTest, TicketsFilterBySiteGenreAndSearch) {
  EXPECT_EQ(ids(get_json("/api/tickets?site=yes24")), (Ids{"yes24/16995", "yes24/17001"}));
  EXPECT_EQ(ids(get_json("/api/tickets?genre=" + url_encode("뮤지컬"))), (Ids{"yes24/16995"}));
  EXPECT_EQ(ids(get_json("/api/tickets?q=" + url_encode("레미제라블"))), (Ids{"yes24/16995"}));
  EXPECT_EQ(ids(get_json("/api/tickets?q=" + url_encode("KSPO"))), (Ids{"melon/211234"}));  // venue
  EXPECT_EQ(ids(get_json("/api/tickets?site=interpark&genre=" + url_encode("콘서트"))), (Ids{"interpark/25009001"}));
  EXPECT_EQ(ids(get_json("/api/tickets?site=nowhere")), Ids{});
}

TEST_F(WebTest, WhenFollowsKoreanDays) {
  // 오늘 includes what opened this morning, so the page can say 오픈됨.
  EXPECT_EQ(ids(get_json("/api/tickets?when=today")), (Ids{"interpark/25009002", "interpark/25009001"}));
  EXPECT_EQ(ids(get_json("/api/tickets?when=tomorrow")), (Ids{"yes24/16995"}));
  // This week ends Sunday 07-06 24:00 KST: the 07-08 ball game is next week.
  EXPECT_EQ(ids(get_json("/api/tickets?when=week")),
            (Ids{"interpark/25009002", "interpark/25009001", "yes24/16995", "melon/211234", "interpark/25009003"}));
}

TEST_F(WebTest, WhenUsesTheKoreanDateNotUtc) {
  // 00:30 KST on 07-02 is still 07-01 in UTC; "today" must be 07-02 all the same.
  server->stop();
  server = std::make_unique<WebServer>(config, *store, status);
  server->set_clock([] { return kst("2025-07-02T00:30:00+09:00"); });
  server->start();
  client = std::make_unique<httplib::Client>("127.0.0.1", server->port());
  EXPECT_EQ(ids(get_json("/api/tickets?when=today")), (Ids{"yes24/16995"}));
}

TEST_F(WebTest, TicketsPage) {
  auto first = get_json("/api/tickets?limit=2");
  EXPECT_EQ(ids(first), (Ids{"interpark/25009001", "yes24/16995"}));
  EXPECT_EQ(first["has_more"], true);
  EXPECT_EQ(first["limit"], 2);
  auto second = get_json("/api/tickets?limit=2&offset=2");
  EXPECT_EQ(ids(second), (Ids{"melon/211234", "interpark/25009003"}));
  EXPECT_EQ(second["has_more"], true);
  auto last = get_json("/api/tickets?limit=2&offset=4");
  EXPECT_EQ(ids(last), (Ids{"ticketlink/48110", "yes24/17001"}));
  EXPECT_EQ(last["has_more"], false);
}

TEST_F(WebTest, BadQueryValuesAreRefusedInKorean) {
  for (const char* path : {"/api/tickets?limit=0", "/api/tickets?limit=201", "/api/tickets?limit=ten",
                           "/api/tickets?offset=-1", "/api/tickets?when=yesterday"}) {
    auto answer = get_json(path, 400);
    ASSERT_TRUE(answer.contains("error")) << path;
    EXPECT_FALSE(answer["error"].get<std::string>().empty());
  }
  EXPECT_NE(get_json("/api/tickets?when=soon", 400)["error"].get<std::string>().find("today"), std::string::npos);
}

TEST_F(WebTest, SitesShowStoreStatusAndTheMonitorsSchedule) {
  store->record_cycle({"interpark", now - 600, 2100, 40, 2, "next-data", ""});
  store->record_cycle({"interpark", now - 300, 30000, 0, 0, "", "페이지 시간 초과 (30초)"});
  store->record_cycle({"yes24", now - 120, 900, 20, 0, "dom", ""});
  status.runs = {{"interpark", now - 300, now + 240, 1}};
  config.sources = {"interpark", "yes24", "melon"};

  auto answer = get_json("/api/sites");
  EXPECT_EQ(answer["interval_s"], 300);
  ASSERT_EQ(answer["sites"].size(), 3u);
  const auto& ip = answer["sites"][0];
  EXPECT_EQ(ip["site"], "interpark");
  EXPECT_EQ(ip["name"], "인터파크");
  EXPECT_EQ(ip["enabled"], true);
  EXPECT_EQ(ip["last_success"], now - 600);
  EXPECT_EQ(ip["last_error_at"], now - 300);
  EXPECT_EQ(ip["last_error"], "페이지 시간 초과 (30초)");
  EXPECT_EQ(ip["items"], 40);
  EXPECT_EQ(ip["strategy"], "next-data");
  EXPECT_EQ(ip["next_run"], now + 240);
  EXPECT_EQ(ip["consecutive_failures"], 1);
  EXPECT_EQ(ip["healthy"], true);  // 10 minutes old = 2 intervals, not more

  EXPECT_EQ(answer["sites"][1]["name"], "YES24");
  EXPECT_TRUE(answer["sites"][1]["next_run"].is_null());
  const auto& melon = answer["sites"][2];
  EXPECT_EQ(melon["name"], "멜론티켓");
  EXPECT_TRUE(melon["last_success"].is_null());
  EXPECT_EQ(melon["healthy"], false);
  EXPECT_NE(melon["problem"].get<std::string>().find("아직 성공한 실행이 없습니다"), std::string::npos);
}

TEST_F(WebTest, SitesListDisabledSitesTheStoreStillRemembers) {
  store->record_cycle({"ticketlink", now - 60, 800, 5, 0, "api", ""});
  config.sources = {"yes24"};
  auto sites = get_json("/api/sites")["sites"];
  ASSERT_EQ(sites.size(), 2u);
  EXPECT_EQ(sites[0]["site"], "yes24");
  EXPECT_EQ(sites[1]["site"], "ticketlink");
  EXPECT_EQ(sites[1]["enabled"], false);
  EXPECT_EQ(sites[1]["healthy"], true);
}

TEST_F(WebTest, ServeAloneReadsRunsFromTheStore) {
  store->record_cycle({"interpark", now - 600, 2100, 40, 2, "next-data", ""});
  store->record_cycle({"interpark", now - 300, 30000, 0, 0, "", "page timeout"});
  store->record_cycle({"yes24", now - 900, 30000, 0, 0, "", "HTTP 503"});
  store->record_cycle({"yes24", now - 120, 900, 20, 0, "dom", ""});
  StoreStatusSource source(config, *store);
  auto runs = source.site_runs();
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].site, "interpark");
  EXPECT_EQ(runs[0].last_run, now - 300);
  EXPECT_EQ(runs[0].consecutive_failures, 1);
  EXPECT_EQ(runs[0].next_run, 0);  // unknown without a monitor
  EXPECT_EQ(runs[1].last_run, now - 120);
  EXPECT_EQ(runs[1].consecutive_failures, 0);
  EXPECT_EQ(source.interval_s(), config.interval);
}

TEST_F(WebTest, StatsCoverThirtyKoreanDaysOldestFirst) {
  auto queued = store->due_deliveries("", now, 100);
  ASSERT_GE(queued.size(), 2u);
  store->mark_sent(queued[0].id, "1390000000000000001", now);
  store->mark_failed(queued[1].id, "400 Bad Request: embeds", now);

  auto answer = get_json("/api/stats");
  ASSERT_EQ(answer["days"].size(), 30u);
  EXPECT_EQ(answer["days"][0]["day"], "2025-06-02");
  const auto& today = answer["days"][29];
  EXPECT_EQ(today["day"], "2025-07-01");
  EXPECT_EQ(today["crawled"], 7);  // summed over the four sites
  EXPECT_EQ(today["sent"], 1);
  EXPECT_EQ(today["failed"], 1);
  EXPECT_EQ(answer["days"][10]["crawled"], 0);
  EXPECT_EQ(answer["sent"], 1);
  EXPECT_EQ(answer["failed"], 1);
  EXPECT_EQ(answer["pending"], static_cast<int>(queued.size()) - 2);
  EXPECT_EQ(answer["webhook"]["configured"], true);
  EXPECT_TRUE(answer["webhook"]["status"].is_null());
}

TEST_F(WebTest, StatsHaveARowPerChannel) {
  RouteConfig iu;
  iu.name = "아이유";
  iu.webhook = "https://discord.com/api/webhooks/4242/routeSecretToken";
  iu.mention_role = "111122223333444455";
  config.routes = {iu};
  store->set_webhook_dead("4242", "404 Unknown Webhook", now);
  auto queued = store->due_deliveries("", now, 100);
  ASSERT_FALSE(queued.empty());
  store->mark_sent(queued[0].id, "1390000000000000001", now - 5);

  const auto rows = get_json("/api/stats")["routes"];
  ASSERT_EQ(rows.size(), 2u) << rows.dump();
  EXPECT_EQ(rows[0]["route"], "default");
  EXPECT_EQ(rows[0]["name"], "기본 채널");
  EXPECT_EQ(rows[0]["configured"], true);
  EXPECT_EQ(rows[0]["sent"], 1);
  EXPECT_EQ(rows[0]["waiting"], static_cast<int>(queued.size()) - 1);
  EXPECT_EQ(rows[0]["last_sent_at"], now - 5);
  EXPECT_EQ(rows[1]["name"], "아이유");
  EXPECT_EQ(rows[1]["status"], "dead");
  EXPECT_EQ(rows[1]["last_error"], "404 Unknown Webhook");
  EXPECT_EQ(rows[1]["mention_role"], "111122223333444455");
  EXPECT_EQ(rows[1]["waiting"], 0);
  EXPECT_EQ(rows.dump().find("routeSecretToken"), std::string::npos);
}

}  // namespace
}  // namespace ta::test
