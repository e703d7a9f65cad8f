// A notice's place on its site's list: withdrawn after missing from several crawls that would
// have listed it (reminders and calendar called off, one "취소" for those told), back when it
// reappears; and the site's own change and cancellation notices, tied to the notice they name.
#include <gtest/gtest.h>

#include "store/sqlite.h"
#include "store/title_key.h"
#include "store_fixture.h"

namespace ta::testing {
namespace {

using ListingTest = StoreTest;

constexpr const char* kOpening = "2025-07-05T20:00:00+09:00";  // four days after now_

CrawlPolicy listing_policy() {
  CrawlPolicy p = policy_for_webhook("w1");
  p.reminder_offsets = {10};
  return p;
}

// Records a crawl and marks everything it queued as sent, as the notifier would.
std::vector<Delivery> crawl_and_send(Store& store, const std::string& site, const std::vector<Ticket>& tickets,
                                     std::time_t now, const CrawlPolicy& policy = listing_policy()) {
  std::vector<Delivery> queued;
  for (std::int64_t id : store.record_crawl(site, tickets, now, policy).queued) {
    queued.push_back(*store.delivery(id));
    store.mark_sent(id, "m" + std::to_string(id), now);
  }
  return queued;
}

std::vector<CalendarEvent> events(Store& store) {
  CalendarQuery q;
  return store.calendar_events(q);
}

TEST_F(ListingTest, ANoticeGoneForThreeCrawlsIsWithdrawnOnce) {
  Store store(db_path());
  const Ticket gone = make_ticket("101", "아이유 콘서트", kOpening);
  const Ticket stays = make_ticket("100", "연극 햄릿", kOpening);
  ASSERT_EQ(crawl_and_send(store, "interpark", {gone, stays}, now_).size(), 2u);
  EXPECT_EQ(store.reminder_counts()["scheduled"], 2);

  EXPECT_TRUE(crawl_and_send(store, "interpark", {stays}, now_ + 60).empty());
  EXPECT_TRUE(crawl_and_send(store, "interpark", {stays}, now_ + 120).empty()) << "two misses are not enough";
  const auto third = crawl_and_send(store, "interpark", {stays}, now_ + 180);
  ASSERT_EQ(third.size(), 1u);
  EXPECT_EQ(third[0].kind, DeliveryKind::Cancel);
  EXPECT_EQ(third[0].ticket_id, "101");
  EXPECT_EQ(third[0].ticket.title, "아이유 콘서트");
  EXPECT_EQ(store.reminder_counts()["scheduled"], 1) << "the withdrawn notice's reminder is cancelled";
  EXPECT_EQ(store.reminder_counts()["cancelled"], 1);
  for (const auto& e : events(store)) EXPECT_EQ(e.cancelled, e.notice_id == "101") << e.notice_id;

  EXPECT_TRUE(crawl_and_send(store, "interpark", {stays}, now_ + 240).empty()) << "told once";
  EXPECT_TRUE(crawl_and_send(store, "interpark", {stays}, now_ + 300).empty());
}

TEST_F(ListingTest, OneThatFellOffTheEndOfWhatWasReadIsNotWithdrawn) {
  Store store(db_path());
  // 100 is older than everything the later crawls list: a newest-first list cut at max_items.
  const Ticket oldest = make_ticket("100", "아이유 콘서트", kOpening);
  const Ticket newer = make_ticket("101", "연극 햄릿", kOpening);
  crawl_and_send(store, "interpark", {newer, oldest}, now_);
  for (int i = 1; i <= 4; ++i) EXPECT_TRUE(crawl_and_send(store, "interpark", {newer}, now_ + 60 * i).empty());
  EXPECT_EQ(store.reminder_counts()["scheduled"], 2);

  // A crawl that read the whole list proves it gone.
  CrawlPolicy complete = listing_policy();
  complete.list_complete = true;
  for (int i = 5; i <= 6; ++i) EXPECT_TRUE(crawl_and_send(store, "interpark", {newer}, now_ + 60 * i, complete).empty());
  const auto third = crawl_and_send(store, "interpark", {newer}, now_ + 420, complete);
  ASSERT_EQ(third.size(), 1u);
  EXPECT_EQ(third[0].kind, DeliveryKind::Cancel);
}

TEST_F(ListingTest, AWithdrawnNoticeThatComesBackGetsItsRemindersAndEventsBack) {
  Store store(db_path());
  const Ticket back = make_ticket("101", "아이유 콘서트", kOpening);
  const Ticket stays = make_ticket("100", "연극 햄릿", kOpening);
  crawl_and_send(store, "interpark", {back, stays}, now_);
  for (int i = 1; i <= 3; ++i) crawl_and_send(store, "interpark", {stays}, now_ + 60 * i);
  ASSERT_EQ(store.reminder_counts()["scheduled"], 1);

  EXPECT_TRUE(crawl_and_send(store, "interpark", {back, stays}, now_ + 240).empty()) << "no second alert";
  EXPECT_EQ(store.reminder_counts()["scheduled"], 2);
  for (const auto& e : events(store)) EXPECT_FALSE(e.cancelled) << e.notice_id;
  // Missing again later counts from zero.
  for (int i = 5; i <= 6; ++i) EXPECT_TRUE(crawl_and_send(store, "interpark", {stays}, now_ + 60 * i).empty());
}

TEST_F(ListingTest, NothingIsCalledOffForANoticeWhoseOpeningsPassedOrThatNobodyWasToldAbout) {
  Store store(db_path());
  const Ticket past = make_ticket("102", "지난 공연", "2025-06-30T20:00:00+09:00");
  const Ticket untold = make_ticket("101", "제외된 공연", kOpening);
  const Ticket stays = make_ticket("100", "연극 햄릿", kOpening);
  CrawlPolicy filtered = listing_policy();
  filtered.filter = [](const Ticket& t) { return t.title != "제외된 공연"; };
  crawl_and_send(store, "interpark", {past, untold, stays}, now_, filtered);
  for (int i = 1; i <= 4; ++i)
    EXPECT_TRUE(crawl_and_send(store, "interpark", {stays}, now_ + 60 * i, filtered).empty()) << "crawl " << i;
}

TEST_F(ListingTest, WithdrawnAfterZeroTurnsItOff) {
  Store store(db_path());
  CrawlPolicy off = listing_policy();
  off.withdrawn_after = 0;
  crawl_and_send(store, "interpark", {make_ticket("101", "아이유 콘서트", kOpening), make_ticket("100", "연극", kOpening)},
                 now_, off);
  for (int i = 1; i <= 5; ++i)
    EXPECT_TRUE(crawl_and_send(store, "interpark", {make_ticket("100", "연극", kOpening)}, now_ + 60 * i, off).empty());
  EXPECT_EQ(store.reminder_counts()["scheduled"], 2);
}

Ticket yes24(const std::string& id, const std::string& title, std::optional<std::string> open_at,
             const std::string& category = "티켓오픈") {
  Ticket t = make_ticket(id, title, std::move(open_at));
  t.site = "yes24";
  t.site_name = "YES24";
  t.open_type = category == "티켓오픈" ? "general" : "other";
  t.open_type_label = category;
  t.url = "http://ticket.yes24.com/New/Notice/NoticeMain.aspx#id=" + id;
  return t;
}

TEST_F(ListingTest, ASiteChangeNoticeIsAnUpdateThatNamesTheNoticeItChanges) {
  Store store(db_path());
  const Ticket original = yes24("17400", "2026 겨울 재즈 나이트 [SNOWFALL] 티켓오픈 안내", kOpening);
  crawl_and_send(store, "yes24", {original}, now_);
  const Ticket change = yes24("17438", "2026 겨울 재즈 나이트 [SNOWFALL] 공연 일정 변경 및 환불 안내", std::nullopt, "변경/취소");
  const auto sent = crawl_and_send(store, "yes24", {change, original}, now_ + 60);
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].kind, DeliveryKind::Update);
  EXPECT_EQ(sent[0].ticket_id, "17438");
  ASSERT_TRUE(sent[0].previous);
  EXPECT_EQ(sent[0].previous->id, "17400");
  EXPECT_EQ(sent[0].previous->title, original.title);
  EXPECT_EQ(store.reminder_counts()["scheduled"], 1) << "a change without times leaves the original's reminders";
  EXPECT_TRUE(crawl_and_send(store, "yes24", {change, original}, now_ + 120).empty()) << "once";
}

TEST_F(ListingTest, ASiteCancellationCancelsTheNoticeItNames) {
  Store store(db_path());
  const Ticket original = yes24("17400", "2026 겨울 재즈 나이트 [SNOWFALL] 티켓오픈 안내", kOpening);
  crawl_and_send(store, "yes24", {original}, now_);
  const Ticket cancel = yes24("17439", "2026 겨울 재즈 나이트 [SNOWFALL] 공연 취소 및 환불 안내", std::nullopt, "변경/취소");
  const auto sent = crawl_and_send(store, "yes24", {cancel, original}, now_ + 60);
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].kind, DeliveryKind::Cancel);
  ASSERT_TRUE(sent[0].previous);
  EXPECT_EQ(sent[0].previous->id, "17400");
  EXPECT_EQ(store.reminder_counts()["scheduled"], 0);
  for (const auto& e : events(store)) EXPECT_TRUE(e.cancelled);
  // The original stays on the list: it is still cancelled, its reminders stay off.
  EXPECT_TRUE(crawl_and_send(store, "yes24", {cancel, original}, now_ + 120).empty());
  EXPECT_EQ(store.reminder_counts()["scheduled"], 0);
}

TEST_F(ListingTest, AChangeNoticeWithTimesTakesOverTheSchedule) {
  Store store(db_path());
  Ticket original = make_ticket("11500", "아사달 전국투어 단독콘서트 ‘위상특별시’ 티켓 오픈 안내", kOpening);
  crawl_and_send(store, "melon", {original}, now_);
  Ticket moved = make_ticket("11563", "[오픈일 변경] 아사달 전국투어 단독콘서트 ‘위상특별시’ 티켓 오픈 안내",
                             "2025-07-06T20:00:00+09:00");
  const auto sent = crawl_and_send(store, "melon", {moved, original}, now_ + 60);
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].kind, DeliveryKind::Update);
  ASSERT_TRUE(sent[0].previous);
  EXPECT_EQ(sent[0].previous->id, "11500");
  const auto due = store.due_reminders("w1", at("2025-07-07T00:00:00+09:00"), 10);
  ASSERT_EQ(due.size(), 1u) << "only the new time is reminded";
  EXPECT_EQ(due[0].notice_id, "11563");
}

TEST_F(ListingTest, ANoticeRetitledAsCancelledIsOneCancel) {
  Store store(db_path());
  crawl_and_send(store, "interpark", {make_ticket("500", "뮤지컬 레베카 티켓오픈 안내", kOpening)}, now_);
  const auto sent =
      crawl_and_send(store, "interpark", {make_ticket("500", "[판매취소] 뮤지컬 레베카 티켓오픈 안내", kOpening)}, now_ + 60);
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].kind, DeliveryKind::Cancel);
  EXPECT_EQ(store.reminder_counts()["scheduled"], 0);
  EXPECT_TRUE(crawl_and_send(store, "interpark", {make_ticket("500", "[판매취소] 뮤지컬 레베카 티켓오픈 안내", kOpening)},
                             now_ + 120)
                  .empty());
}

TEST_F(ListingTest, AnUpgradeDoesNotAnnounceAMarkTheOldStoreNeverHad) {
  Store store(db_path());
  const Ticket change = yes24("17438", "2026 겨울 재즈 나이트 공연 일정 변경 및 환불 안내", std::nullopt, "변경/취소");
  crawl_and_send(store, "yes24", {change}, now_);
  // What a v4 database holds after migration: the mark unknown ('none').
  {
    Database db(db_path(), 5000);
    db.exec("UPDATE tickets SET site_mark = 'none'");
  }
  EXPECT_TRUE(crawl_and_send(store, "yes24", {change}, now_ + 60).empty());
}

TEST(ShowKey, AChangeNoticeAndItsOriginalNameTheSameShow) {
  EXPECT_EQ(show_key("2026 겨울 재즈 나이트 [SNOWFALL] 공연 일정 변경 및 환불 안내"),
            show_key("2026 겨울 재즈 나이트 [SNOWFALL] 티켓오픈 안내"));
  EXPECT_EQ(show_key("[오픈일 변경] 아사달 전국투어 단독콘서트 ‘위상특별시’ : 롤링 31주년 기념공연 티켓 오픈 안내"),
            show_key("아사달 전국투어 단독콘서트 ‘위상특별시’ : 롤링 31주년 기념공연 티켓 오픈 안내"));
  EXPECT_EQ(show_key("［오픈연기］ 뮤지컬 〈레베카〉 티켓오픈"), show_key("뮤지컬 레베카 티켓오픈 안내"));
  EXPECT_EQ(show_key("뮤지컬 〈레미제라블〉 공연 취소 및 환불 안내"), show_key("뮤지컬 〈레미제라블〉 4차 티켓오픈 안내"));
  EXPECT_EQ(show_key("IDOL RADIO Special : SUPER VIBE KOREA 출연진 변경, 재오픈 및 환불 안내"), "idolradiospecialsupervibekorea");
}

}  // namespace
}  // namespace ta::testing
