#include <gtest/gtest.h>

#include "store_fixture.h"

namespace ta::testing {
namespace {

class RetentionTest : public StoreTest {
 protected:
  CrawlPolicy policy() const { return policy_for_webhook("123"); }
  const std::string open_ = "2025-09-10T20:00:00+09:00";
  const std::time_t month_later_ = now_ + 31 * 86400;
};

TEST_F(RetentionTest, ExpiredTicketIsDeletedButNeverAlertsAgain) {
  Store store(db_path());
  auto ids = store.record_crawl("interpark", {make_ticket("1", "IU 콘서트", open_)}, now_, policy()).queued;
  store.mark_sent(ids[0], "m", now_);

  auto result = store.apply_retention(month_later_, 30);
  EXPECT_EQ(result.tickets_deleted, 1);
  EXPECT_EQ(result.deliveries_deleted, 1);
  EXPECT_FALSE(store.ticket("interpark", "1").has_value());
  EXPECT_FALSE(store.delivery(ids[0]).has_value());

  auto out = store.record_crawl("interpark", {make_ticket("1", "IU 콘서트", open_)}, month_later_ + 60, policy());
  EXPECT_TRUE(out.new_tickets.empty());
  EXPECT_TRUE(out.queued.empty());
  EXPECT_EQ(store.pending_count(), 0);
}

TEST_F(RetentionTest, ExpiredTicketWhoseTimeMovedIsAnUpdateAgainstWhatWasAnnounced) {
  Store store(db_path());
  auto ids = store.record_crawl("interpark", {make_ticket("1", "IU 콘서트", open_)}, now_, policy()).queued;
  store.mark_sent(ids[0], "m", now_);
  store.apply_retention(month_later_, 30);
  auto out = store.record_crawl("interpark", {make_ticket("1", "IU 콘서트", "2025-09-11T20:00:00+09:00")},
                                month_later_, policy());
  ASSERT_EQ(out.queued.size(), 1u);
  auto d = store.delivery(out.queued[0]);
  EXPECT_EQ(d->kind, DeliveryKind::Update);
  ASSERT_TRUE(d->previous);
  EXPECT_EQ(d->previous->open_at, open_);
}

TEST_F(RetentionTest, PendingDeliveriesAndTheirTicketsAreKept) {
  Store store(db_path());
  store.record_crawl("interpark", {make_ticket("1", "IU 콘서트", open_)}, now_, policy());
  auto result = store.apply_retention(month_later_, 30);
  EXPECT_EQ(result.tickets_deleted, 0);
  EXPECT_EQ(store.pending_count(), 1);
  EXPECT_TRUE(store.ticket("interpark", "1").has_value());
  auto out = store.record_crawl("interpark", {make_ticket("1", "IU 콘서트", open_)}, month_later_, policy());
  EXPECT_TRUE(out.queued.empty());
}

TEST_F(RetentionTest, RecentlySeenTicketsStay) {
  Store store(db_path());
  store.record_crawl("interpark", {make_ticket("1", "A", open_)}, now_, policy());
  store.record_crawl("interpark", {make_ticket("2", "B", open_)}, now_, policy());
  for (const auto& d : store.due_deliveries("123", now_, 10)) store.mark_sent(d.id, "m", now_);
  store.record_crawl("interpark", {make_ticket("2", "B", open_)}, month_later_ - 86400, policy());
  auto result = store.apply_retention(month_later_, 30);
  EXPECT_EQ(result.tickets_deleted, 1);
  EXPECT_FALSE(store.ticket("interpark", "1").has_value());
  EXPECT_TRUE(store.ticket("interpark", "2").has_value());
}

TEST_F(RetentionTest, OldCyclesGoButTheLatestSuccessAndFailurePerSiteStay) {
  Store store(db_path());
  store.record_cycle({"interpark", now_, 1000, 10, 1, "api", ""});
  store.record_cycle({"interpark", now_ + 1, 1000, 0, 0, "", "timeout"});
  store.record_cycle({"interpark", now_ + 2, 1000, 12, 0, "api", ""});
  store.record_cycle({"interpark", now_ + 3, 1000, 0, 0, "", "blocked"});
  auto result = store.apply_retention(month_later_, 30);
  EXPECT_EQ(result.cycles_deleted, 2);
  auto status = store.site_status();
  ASSERT_EQ(status.size(), 1u);
  EXPECT_EQ(status[0].items, 12);
  EXPECT_EQ(status[0].last_error, "blocked");
}

TEST_F(RetentionTest, ZeroDaysKeepsEverything) {
  Store store(db_path());
  store.record_crawl("interpark", {make_ticket("1", "A", open_)}, now_, policy());
  for (const auto& d : store.due_deliveries("123", now_, 10)) store.mark_sent(d.id, "m", now_);
  auto result = store.apply_retention(now_ + 1000 * 86400, 0);
  EXPECT_EQ(result.tickets_deleted, 0);
  EXPECT_TRUE(store.ticket("interpark", "1").has_value());
}

}  // namespace
}  // namespace ta::testing
