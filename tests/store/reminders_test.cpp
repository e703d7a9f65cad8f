// Reminders in the store: one per (opening, minutes before), kept in step with the openings as
// crawls see them, cancelled when an opening moves or goes, and never scheduled for a moment past.
#include <gtest/gtest.h>

#include "store_fixture.h"

namespace ta::testing {
namespace {

using RemindersTest = StoreTest;

CrawlPolicy reminder_policy() {
  CrawlPolicy p = policy_for_webhook("w1");
  p.reminder_offsets = {60, 10};
  return p;
}

Ticket two_openings(const std::string& presale_at, const std::string& general_at) {
  Ticket t = make_ticket("1", "아이유 콘서트", general_at);
  t.openings = {Opening{"presale", "선예매", presale_at, std::nullopt}, Opening{"general", "일반예매", general_at, std::nullopt}};
  return t;
}

TEST_F(RemindersTest, EachTimedOpeningGetsOneReminderPerOffset) {
  Store store(db_path());  // now_ is 2025-07-01 12:00 KST
  store.record_crawl("interpark", {two_openings("2025-07-02T20:00:00+09:00", "2025-07-03T20:00:00+09:00")}, now_,
                     reminder_policy());
  const auto presale = at("2025-07-02T20:00:00+09:00");
  auto due = store.due_reminders("w1", presale, 10);
  ASSERT_EQ(due.size(), 2u) << "60 and 10 minutes before the presale";
  EXPECT_EQ(due[0].offset_min, 60);
  EXPECT_EQ(due[0].due_at, presale - 3600);
  EXPECT_EQ(due[0].opening_label, "선예매");
  EXPECT_EQ(due[0].title, "아이유 콘서트");
  EXPECT_EQ(due[1].due_at, presale - 600);
  EXPECT_TRUE(store.due_reminders("w1", presale - 3601, 10).empty());
  EXPECT_EQ(store.next_reminder_at("w1"), presale - 3600);
  EXPECT_EQ(store.reminder_counts()["scheduled"], 4);

  // The same crawl again schedules nothing twice; a sent one is never scheduled again.
  store.mark_reminder(due[0].id, ReminderState::Sent, "m1", presale - 3600);
  store.record_crawl("interpark", {two_openings("2025-07-02T20:00:00+09:00", "2025-07-03T20:00:00+09:00")},
                     now_ + 60, reminder_policy());
  auto counts = store.reminder_counts();
  EXPECT_EQ(counts["scheduled"], 3);
  EXPECT_EQ(counts["sent"], 1);
  EXPECT_THROW(store.mark_reminder(due[0].id, ReminderState::Sent, "m2", presale), StoreError);
}

TEST_F(RemindersTest, AMovedOpeningIsRescheduledAndARemovedOneCancelled) {
  Store store(db_path());
  store.record_crawl("interpark", {two_openings("2025-07-02T20:00:00+09:00", "2025-07-03T20:00:00+09:00")}, now_,
                     reminder_policy());
  // The presale moves a day later; the general sale is dropped from the notice.
  Ticket moved = make_ticket("1", "아이유 콘서트", "2025-07-03T20:00:00+09:00", "presale");
  moved.openings = {Opening{"presale", "선예매", std::string("2025-07-03T20:00:00+09:00"), std::nullopt}};
  moved.detail = DetailState::read;  // the detail page says so: what it does not name is gone
  store.record_crawl("interpark", {moved}, now_ + 60, reminder_policy());
  auto counts = store.reminder_counts();
  EXPECT_EQ(counts["scheduled"], 2);
  EXPECT_EQ(counts["cancelled"], 4);
  auto due = store.due_reminders("w1", at("2025-07-03T20:00:00+09:00"), 10);
  ASSERT_EQ(due.size(), 2u);
  for (const auto& r : due) EXPECT_EQ(r.opening_at, at("2025-07-03T20:00:00+09:00"));
  EXPECT_TRUE(store.due_reminders("w1", at("2025-07-02T20:00:00+09:00"), 10).empty()) << "nothing at the old time";
}

TEST_F(RemindersTest, NothingForMomentsAlreadyPastOrNoticesTheKeywordsDrop) {
  Store store(db_path());
  // The presale is 30 minutes away: its 60-minute reminder would already be late.
  const std::string soon = "2025-07-01T12:30:00+09:00";
  store.record_crawl("interpark", {two_openings(soon, "2025-07-03T20:00:00+09:00")}, now_, reminder_policy());
  auto due = store.due_reminders("w1", at(soon), 10);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].offset_min, 10);

  CrawlPolicy filtered = reminder_policy();
  filtered.filter = [](const Ticket&) { return false; };
  store.record_crawl("interpark", {two_openings(soon, "2025-07-03T20:00:00+09:00")}, now_ + 60, filtered);
  EXPECT_EQ(store.reminder_counts()["scheduled"], 0) << "EXCLUDE_KEYWORDS now drops it: its reminders go too";

  CrawlPolicy off = policy_for_webhook("w1");  // reminders: []
  store.record_crawl("interpark", {make_ticket("2", "뮤지컬", "2025-07-05T20:00:00+09:00")}, now_, off);
  EXPECT_EQ(store.reminder_counts()["scheduled"], 0);
}

TEST_F(RemindersTest, ScheduledRemindersSurviveARestartAndFollowANewWebhook) {
  {
    Store store(db_path());
    CrawlPolicy p = reminder_policy();
    p.webhook_key = "";  // no webhook yet
    store.record_crawl("interpark", {two_openings("2025-07-02T20:00:00+09:00", "2025-07-03T20:00:00+09:00")}, now_, p);
  }
  Store store(db_path());
  EXPECT_EQ(store.reminder_counts()["scheduled"], 4);
  store.adopt_pending_deliveries("default", "w2");
  EXPECT_EQ(store.due_reminders("w2", at("2025-07-03T20:00:00+09:00"), 10).size(), 4u);
  EXPECT_EQ(store.scheduled_reminders(now_, 10).size(), 4u);
}

}  // namespace
}  // namespace ta::testing
