#include <gtest/gtest.h>

#include "store_fixture.h"

namespace ta::testing {
namespace {

class DeliveryQueueTest : public StoreTest {
 protected:
  std::vector<std::int64_t> queue(Store& store, const std::vector<std::string>& ids) {
    std::vector<Ticket> tickets;
    for (const auto& id : ids) tickets.push_back(make_ticket(id, "공연 " + id, "2025-07-10T20:00:00+09:00"));
    CrawlPolicy p;
    p.webhook_key = "123";
    return store.record_crawl("interpark", tickets, now_, p).queued;
  }
};

TEST_F(DeliveryQueueTest, DueDeliveriesAreOldestFirstLimitedAndOnlyForTheirWebhook) {
  Store store(db_path());
  auto first = queue(store, {"1", "2"});
  auto later = make_ticket("3", "공연 3", "2025-07-10T20:00:00+09:00");
  CrawlPolicy p;
  p.webhook_key = "123";
  store.record_crawl("interpark", {later}, now_ + 10, p);
  auto due = store.due_deliveries("123", now_ + 10, 2);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].id, first[0]);
  EXPECT_EQ(due[1].id, first[1]);
  EXPECT_EQ(store.due_deliveries("123", now_ + 10, 10).size(), 3u);
  EXPECT_EQ(store.due_deliveries("123", now_, 10).size(), 2u) << "created later is not due yet at now_";
  EXPECT_TRUE(store.due_deliveries("999", now_ + 10, 10).empty());
}

TEST_F(DeliveryQueueTest, SentDeliveryIsRememberedAsAnnouncedAndLeavesTheQueue) {
  Store store(db_path());
  auto ids = queue(store, {"1"});
  store.mark_sent(ids[0], "1100000000000000001", now_ + 1);
  auto d = store.delivery(ids[0]);
  EXPECT_EQ(d->status, DeliveryState::Sent);
  EXPECT_EQ(d->discord_message_id, "1100000000000000001");
  EXPECT_EQ(d->sent_at, now_ + 1);
  EXPECT_EQ(d->attempts, 1);
  EXPECT_TRUE(store.due_deliveries("123", now_ + 100, 10).empty());
  EXPECT_TRUE(store.is_announced(make_ticket("1", "공연 1", std::nullopt), now_));
  EXPECT_FALSE(store.is_announced(make_ticket("2", "공연 2", std::nullopt), now_));
  EXPECT_THROW(store.mark_sent(ids[0], "again", now_ + 2), StoreError);
}

TEST_F(DeliveryQueueTest, RateLimitRetryDoesNotCountAnAttemptButServerErrorDoes) {
  Store store(db_path());
  auto ids = queue(store, {"1"});
  store.mark_retry(ids[0], "429 Too Many Requests", now_ + 5, false);
  auto d = store.delivery(ids[0]);
  EXPECT_EQ(d->attempts, 0);
  EXPECT_EQ(d->status, DeliveryState::Retry);
  EXPECT_EQ(d->last_error, "429 Too Many Requests");
  EXPECT_TRUE(store.due_deliveries("123", now_ + 4, 10).empty());
  EXPECT_EQ(store.due_deliveries("123", now_ + 5, 10).size(), 1u);

  store.mark_retry(ids[0], "502 Bad Gateway", now_ + 30, true);
  EXPECT_EQ(store.delivery(ids[0])->attempts, 1);
  EXPECT_EQ(store.delivery(ids[0])->next_attempt_at, now_ + 30);
}

TEST_F(DeliveryQueueTest, RetriesAreToldApartFromNoticesDeferredByTheCap) {
  Store store(db_path());
  auto ids = queue(store, {"1", "2", "3"});
  store.mark_retry(ids[0], "503 Service Unavailable", now_ + 8, true);
  store.mark_retry(ids[1], "429 Too Many Requests", now_ + 20, false);
  store.defer_deliveries({ids[2]});
  EXPECT_EQ(store.delivery(ids[2])->status, DeliveryState::Deferred);

  EXPECT_EQ(store.next_retry_at("123"), now_ + 8);
  EXPECT_EQ(store.next_retry_at("999"), std::nullopt);
  EXPECT_TRUE(store.due_deliveries("123", now_ + 7, 10).empty()) << "no retry is due yet and the deferred one waits";
  auto due = store.due_deliveries("123", now_ + 8, 10);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].id, ids[0]) << "only the retry; the deferred notice " << ids[2] << " waits for its cycle";
  EXPECT_EQ(due[0].status, DeliveryState::Retry);

  store.mark_sent(ids[0], "1100000000000000001", now_ + 8);
  EXPECT_EQ(store.next_retry_at("123"), now_ + 20);
  store.mark_sent(ids[1], "1100000000000000002", now_ + 20);
  EXPECT_EQ(store.next_retry_at("123"), std::nullopt) << "the deferred notice is no retry";
  EXPECT_TRUE(store.due_deliveries("123", now_ + 1000, 10).empty());
  EXPECT_EQ(store.pending_count(), 1) << "deferred is still waiting";

  EXPECT_EQ(store.release_deferred("999"), 0) << "another webhook's cycle";
  EXPECT_EQ(store.release_deferred("123"), 1);
  due = store.due_deliveries("123", now_ + 20, 10);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].id, ids[2]);
  EXPECT_EQ(due[0].status, DeliveryState::Pending);
}

TEST_F(DeliveryQueueTest, StaleIsFinalNeverSentAndCounted) {
  Store store(db_path());
  auto ids = queue(store, {"1", "2"});
  store.mark_stale(ids[0], "past");
  EXPECT_EQ(store.delivery(ids[0])->status, DeliveryState::Stale);
  EXPECT_THROW(store.mark_sent(ids[0], "m", now_), StoreError);
  EXPECT_FALSE(store.is_announced(make_ticket("1", "공연 1", std::nullopt), now_));
  auto counts = store.counts_by_status();
  EXPECT_EQ(counts["stale"], 1);
  EXPECT_EQ(counts["pending"], 1);
  EXPECT_EQ(counts["deferred"], 0) << "every state is present";
  EXPECT_EQ(counts["retry"], 0);
}

TEST_F(DeliveryQueueTest, FailedIsFinalAndNotAnnounced) {
  Store store(db_path());
  auto ids = queue(store, {"1", "2"});
  store.mark_failed(ids[0], "400 Bad Request: embeds[0].title", now_);
  auto d = store.delivery(ids[0]);
  EXPECT_EQ(d->status, DeliveryState::Failed);
  EXPECT_EQ(d->attempts, 1);
  EXPECT_FALSE(store.is_announced(make_ticket("1", "공연 1", std::nullopt), now_));
  EXPECT_THROW(store.mark_retry(ids[0], "x", now_, true), StoreError);
  EXPECT_EQ(store.pending_count(), 1);
  auto counts = store.counts_by_status();
  EXPECT_EQ(counts["pending"], 1);
  EXPECT_EQ(counts["failed"], 1);
  EXPECT_EQ(counts["sent"], 0);
}

TEST_F(DeliveryQueueTest, UnknownDeliveryIsAnError) {
  Store store(db_path());
  EXPECT_THROW(store.mark_sent(424242, "m", now_), StoreError);
  EXPECT_FALSE(store.delivery(424242).has_value());
}

TEST_F(DeliveryQueueTest, TestMessagesNeverMarkATicketAnnounced) {
  Store store(db_path());
  auto id = store.queue_test_delivery("123", make_ticket("1", "테스트", std::nullopt), now_);
  auto due = store.due_deliveries("123", now_, 10);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].kind, DeliveryKind::Test);
  store.mark_sent(id, "m", now_);
  EXPECT_FALSE(store.is_announced(make_ticket("1", "다른 제목", std::nullopt), now_));
  EXPECT_TRUE(store.daily_counts(now_, 1).empty());
}

TEST_F(DeliveryQueueTest, WebhookStatusIsRememberedPerKey) {
  Store store(db_path());
  EXPECT_FALSE(store.webhook_status("123").has_value());
  store.set_webhook_dead("123", "404 Unknown Webhook", now_);
  auto s = store.webhook_status("123");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->status, "dead");
  EXPECT_EQ(s->last_error, "404 Unknown Webhook");
  EXPECT_EQ(s->updated_at, now_);
  store.set_webhook_ok("123", now_ + 1);
  EXPECT_EQ(store.webhook_status("123")->status, "ok");
  EXPECT_EQ(store.webhook_status("123")->last_error, "");
  EXPECT_FALSE(store.webhook_status("456").has_value());
}

}  // namespace
}  // namespace ta::testing
