// Routes in the store: every route a notice matches gets its own delivery and its own reminders,
// addressed by route so a replaced webhook takes only its own waiting messages; and the same show
// on a second site is an "also" about the first alert, on the routes that got that alert.
#include <gtest/gtest.h>

#include "store/sqlite.h"
#include "store_fixture.h"

namespace ta::testing {
namespace {

using RoutesTest = StoreTest;

bool title_has(const Ticket& t, const std::string& word) { return t.title.find(word) != std::string::npos; }

// "default" takes everything; "iu" only 아이유 (priority); "musical" only 뮤지컬.
CrawlPolicy three_routes() {
  CrawlPolicy p;
  p.routes = {RoutePolicy{"default", "w-default", {}, {}},
              RoutePolicy{"iu", "w-iu", [](const Ticket& t) { return title_has(t, "아이유"); },
                          [](const Ticket&) { return true; }},
              RoutePolicy{"musical", "w-musical", [](const Ticket& t) { return title_has(t, "뮤지컬"); }, {}}};
  p.reminder_offsets = {10};
  return p;
}

TEST_F(RoutesTest, EachMatchingRouteGetsItsOwnDeliveryAndReminders) {
  Store store(db_path());
  const auto out = store.record_crawl("interpark",
                                      {make_ticket("1", "아이유 콘서트", "2025-07-02T20:00:00+09:00"),
                                       make_ticket("2", "뮤지컬 레베카", "2025-07-02T21:00:00+09:00"),
                                       make_ticket("3", "연극 햄릿", "2025-07-02T22:00:00+09:00")},
                                      now_, three_routes());
  EXPECT_EQ(out.queued.size(), 5u) << "3 on default, 1 on iu, 1 on musical";
  EXPECT_EQ(out.filtered_out, 0);

  const auto iu = store.due_deliveries("w-iu", now_, 10);
  ASSERT_EQ(iu.size(), 1u);
  EXPECT_EQ(iu[0].route, "iu");
  EXPECT_EQ(iu[0].ticket_id, "1");
  EXPECT_EQ(store.due_deliveries("w-default", now_, 10).size(), 3u);
  const auto musical = store.due_deliveries("w-musical", now_, 10);
  ASSERT_EQ(musical.size(), 1u);
  EXPECT_EQ(musical[0].ticket_id, "2");

  const auto reminder_time = at("2025-07-02T22:00:00+09:00");
  EXPECT_EQ(store.due_reminders("w-default", reminder_time, 10).size(), 3u);
  const auto iu_reminders = store.due_reminders("w-iu", reminder_time, 10);
  ASSERT_EQ(iu_reminders.size(), 1u);
  EXPECT_EQ(iu_reminders[0].route, "iu");
  EXPECT_TRUE(iu_reminders[0].priority) << "iu gives every alert priority";
  EXPECT_EQ(store.due_reminders("w-musical", reminder_time, 10).size(), 1u);
  EXPECT_EQ(store.reminder_counts()["scheduled"], 5);

  // One route sending its reminder leaves the other routes' reminder of that opening scheduled.
  store.mark_reminder(iu_reminders[0].id, ReminderState::Sent, "m1", reminder_time);
  EXPECT_EQ(store.reminder_counts()["scheduled"], 4);
  store.record_crawl("interpark", {make_ticket("1", "아이유 콘서트", "2025-07-02T20:00:00+09:00")}, now_ + 60,
                     three_routes());
  EXPECT_EQ(store.reminder_counts()["scheduled"], 4) << "the sent one is not scheduled again";
}

TEST_F(RoutesTest, ANoticeNoRouteWantsIsFilteredOut) {
  Store store(db_path());
  CrawlPolicy p = three_routes();
  p.routes.erase(p.routes.begin());  // no catch-all route
  const auto out = store.record_crawl("interpark", {make_ticket("3", "연극 햄릿", "2025-07-02T22:00:00+09:00")}, now_, p);
  EXPECT_TRUE(out.queued.empty());
  EXPECT_EQ(out.filtered_out, 1);
}

TEST_F(RoutesTest, AReplacedWebhookAdoptsOnlyItsOwnRoutesWaitingMessages) {
  Store store(db_path());
  store.record_crawl("interpark", {make_ticket("1", "아이유 뮤지컬", "2025-07-02T20:00:00+09:00")}, now_, three_routes());
  EXPECT_EQ(store.adopt_pending_deliveries("iu", "w-iu-new"), 1);
  EXPECT_EQ(store.due_deliveries("w-iu-new", now_, 10).size(), 1u);
  EXPECT_EQ(store.due_deliveries("w-musical", now_, 10).size(), 1u) << "another route keeps its webhook";
  EXPECT_EQ(store.due_deliveries("w-default", now_, 10).size(), 1u);
  EXPECT_EQ(store.due_reminders("w-iu-new", at("2025-07-02T20:00:00+09:00"), 10).size(), 1u) << "reminders move too";
  EXPECT_TRUE(store.due_reminders("w-iu", at("2025-07-02T20:00:00+09:00"), 10).empty());
}

TEST_F(RoutesTest, ARouteTakenOutOfTheConfigLosesItsScheduledReminders) {
  Store store(db_path());
  store.record_crawl("interpark", {make_ticket("1", "아이유 뮤지컬", "2025-07-02T20:00:00+09:00")}, now_, three_routes());
  EXPECT_EQ(store.reminder_counts()["scheduled"], 3);
  CrawlPolicy without_musical = three_routes();
  without_musical.routes.pop_back();
  store.record_crawl("interpark", {make_ticket("1", "아이유 뮤지컬", "2025-07-02T20:00:00+09:00")}, now_ + 60,
                     without_musical);
  EXPECT_EQ(store.reminder_counts()["scheduled"], 2);
  EXPECT_EQ(store.reminder_counts()["cancelled"], 1);
}

TEST_F(RoutesTest, RouteCountsPerChannel) {
  Store store(db_path());
  const auto out = store.record_crawl("interpark", {make_ticket("1", "아이유 콘서트", "2025-07-02T20:00:00+09:00")}, now_,
                                      three_routes());
  store.mark_sent(store.due_deliveries("w-iu", now_, 1)[0].id, "555", now_ + 5);
  const auto counts = store.route_counts();
  ASSERT_EQ(counts.size(), 2u);
  EXPECT_EQ(counts[0].route, "default");
  EXPECT_EQ(counts[0].waiting, 1);
  EXPECT_EQ(counts[1].route, "iu");
  EXPECT_EQ(counts[1].webhook, "w-iu");
  EXPECT_EQ(counts[1].sent, 1);
  EXPECT_EQ(counts[1].last_sent_at, now_ + 5);
}

TEST_F(RoutesTest, AFirstCrawlSummaryGoesToEachRouteWithItsOwnNotices) {
  Store store(db_path());
  CrawlPolicy p = three_routes();
  p.summarize_first_crawl = true;
  const auto out = store.record_crawl("interpark",
                                      {make_ticket("1", "아이유 콘서트", "2025-07-02T20:00:00+09:00"),
                                       make_ticket("2", "뮤지컬 레베카", "2025-07-02T21:00:00+09:00"),
                                       make_ticket("3", "연극 햄릿", "2025-07-02T22:00:00+09:00")},
                                      now_, p);
  EXPECT_EQ(out.summarized.size(), 3u) << "each notice counted once";
  const auto all = store.due_deliveries("w-default", now_, 10);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].kind, DeliveryKind::Summary);
  EXPECT_EQ(all[0].summary.size(), 3u);
  const auto iu = store.due_deliveries("w-iu", now_, 10);
  ASSERT_EQ(iu.size(), 1u);
  EXPECT_EQ(iu[0].kind, DeliveryKind::New) << "iu gives its notices priority: they alert on their own";
  const auto musical = store.due_deliveries("w-musical", now_, 10);
  ASSERT_EQ(musical.size(), 1u);
  EXPECT_EQ(musical[0].kind, DeliveryKind::Summary);
  EXPECT_EQ(musical[0].summary.size(), 1u);
  EXPECT_EQ(musical[0].route, "musical");
}

Ticket yes24(const std::string& id, const std::string& title, const std::string& open_at,
             const std::string& venue = "올림픽공원 KSPO DOME") {
  Ticket t = make_ticket(id, title, open_at);
  t.site = "yes24";
  t.site_name = "YES24";
  t.venue = venue;
  t.url = "http://ticket.yes24.com/Perf/" + id;
  return t;
}

TEST_F(RoutesTest, TheSameShowOnASecondSiteIsAnAlsoAboutTheFirstAlert) {
  Store store(db_path());
  const CrawlPolicy p = three_routes();
  store.record_crawl("interpark", {make_ticket("1", "아이유 콘서트 〈HEREH〉 티켓오픈 안내", "2025-07-02T20:00:00+09:00")},
                     now_, p);
  const auto first = store.due_deliveries("w-iu", now_, 10);
  ASSERT_EQ(first.size(), 1u);
  store.mark_sent(first[0].id, "777", now_ + 1);

  const auto out = store.record_crawl(
      "yes24", {yes24("5001", "[콘서트] 아이유 콘서트 〈HEREH〉", "2025-07-02T20:00:00+09:00")}, now_ + 60, p);
  ASSERT_EQ(out.also_on.size(), 1u);
  const auto iu = store.due_deliveries("w-iu", now_ + 60, 10);
  ASSERT_EQ(iu.size(), 1u);
  EXPECT_EQ(iu[0].kind, DeliveryKind::Also);
  ASSERT_TRUE(iu[0].previous);
  EXPECT_EQ(iu[0].previous->site, "interpark");
  EXPECT_EQ(iu[0].previous->id, "1");
  EXPECT_EQ(store.due_deliveries("w-default", now_ + 60, 10).back().kind, DeliveryKind::Also);

  const auto message = store.sent_message_of("iu", "interpark", "1");
  ASSERT_EQ(message.size(), 1u);
  EXPECT_EQ(message[0].discord_message_id, "777");
  store.mark_sent(iu[0].id, "777", now_ + 61);
  EXPECT_EQ(store.sent_also_for("iu", "interpark", "1").size(), 1u);
  // Reminders stay per opening per site.
  EXPECT_EQ(store.due_reminders("w-iu", at("2025-07-02T20:00:00+09:00"), 10).size(), 2u);
}

TEST_F(RoutesTest, ARouteThatNeverGotTheFirstAlertGetsTheSecondSiteAsNew) {
  Store store(db_path());
  CrawlPolicy p = three_routes();
  // "musical" takes only YES24's notices here, so it never heard of the Interpark one.
  p.routes[2].filter = [](const Ticket& t) { return t.site == "yes24"; };
  store.record_crawl("interpark", {make_ticket("1", "아이유 콘서트 〈HEREH〉 티켓오픈 안내", "2025-07-02T20:00:00+09:00")},
                     now_, p);
  store.record_crawl("yes24", {yes24("5001", "아이유 콘서트 〈HEREH〉", "2025-07-02T20:00:00+09:00")}, now_ + 60, p);
  const auto musical = store.due_deliveries("w-musical", now_ + 60, 10);
  ASSERT_EQ(musical.size(), 1u);
  EXPECT_EQ(musical[0].kind, DeliveryKind::New);
  EXPECT_EQ(store.due_deliveries("w-iu", now_ + 60, 10).back().kind, DeliveryKind::Also);
}

TEST_F(RoutesTest, ShowsThatOnlyLookAlikeAreNotMerged) {
  Store store(db_path());
  const CrawlPolicy p = three_routes();
  store.record_crawl("interpark", {make_ticket("1", "아이유 콘서트 〈HEREH〉 티켓오픈 안내", "2025-07-02T20:00:00+09:00")},
                     now_, p);
  const auto out = store.record_crawl(
      "yes24",
      {yes24("5001", "아이유 콘서트 〈HEREH〉", "2025-07-05T20:00:00+09:00"),             // opens three days later
       yes24("5002", "아이유 콘서트 〈HEREH〉", "2025-07-02T20:00:00+09:00", "부산 벡스코"),  // another venue
       yes24("5003", "아이유 팬미팅", "2025-07-02T20:00:00+09:00")},                        // another show
      now_ + 60, p);
  EXPECT_TRUE(out.also_on.empty());
  for (const auto& d : store.due_deliveries("w-default", now_ + 60, 10)) EXPECT_EQ(d.kind, DeliveryKind::New) << d.ticket.title;
}

TEST_F(RoutesTest, AnUpgradedStoreKeepsItsQueueOnTheDefaultRoute) {
  {
    Store v6(db_path(), std::vector<Migration>(store_migrations().begin(), store_migrations().begin() + 6));
    ASSERT_EQ(v6.schema_version(), 6);
    // Written with the v6 columns: no route yet.
    Database db(db_path(), kStoreBusyTimeoutMs);
    db.exec("INSERT INTO tickets (site, id, title, first_seen, last_seen, content_hash) VALUES "
            "('interpark', '9', '옛 공지', 1, 1, 'h')");
    db.exec("INSERT INTO deliveries (site, ticket_id, webhook, kind, status, attempts, next_attempt_at, created_at, payload) "
            "VALUES ('interpark', '9', 'w-old', 'new', 'pending', 0, 1, 1, '{\"title\": \"옛 공지\"}')");
    db.exec("INSERT INTO reminders (site, notice_id, opening_kind, opening_at, offset_min, due_at, webhook, status, created_at) "
            "VALUES ('interpark', '9', 'general', 2000000000, 10, 1999999400, 'w-old', 'scheduled', 1)");
  }
  Store store(db_path());
  EXPECT_EQ(store.schema_version(), store_migrations().back().version);
  const auto due = store.due_deliveries("w-old", now_, 10);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].route, "default");
  EXPECT_EQ(store.adopt_pending_deliveries("default", "w-new"), 1);
  EXPECT_EQ(store.due_reminders("w-new", 2000000000, 10).size(), 1u);
}

}  // namespace
}  // namespace ta::testing
