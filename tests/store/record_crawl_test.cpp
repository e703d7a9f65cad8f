#include <gtest/gtest.h>

#include "store_fixture.h"

namespace ta::testing {
namespace {

class RecordCrawlTest : public StoreTest {
 protected:
  CrawlPolicy policy() const { return policy_for_webhook("123"); }
  // Sends everything that is due, as the notifier would.
  void send_all(Store& store) {
    for (const auto& d : store.due_deliveries("123", now_ + 86400 * 365, 100)) store.mark_sent(d.id, "m", now_);
  }
  const std::string future_ = "2025-07-10T20:00:00+09:00";
  const std::string later_ = "2025-07-11T20:00:00+09:00";
  const std::string past_ = "2025-06-01T20:00:00+09:00";
};

TEST_F(RecordCrawlTest, NewTicketsQueueOnePendingDeliveryEach) {
  Store store(db_path());
  auto out = store.record_crawl("interpark",
                                {make_ticket("1", "IU 콘서트", future_), make_ticket("2", "뮤지컬 위키드", later_)},
                                now_, policy());
  EXPECT_EQ(out.items, 2);
  ASSERT_EQ(out.new_tickets.size(), 2u);
  EXPECT_TRUE(out.updated_tickets.empty());
  ASSERT_EQ(out.queued.size(), 2u);
  auto due = store.due_deliveries("123", now_, 10);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].kind, DeliveryKind::New);
  EXPECT_EQ(due[0].status, DeliveryState::Pending);
  EXPECT_EQ(due[0].ticket.title, "IU 콘서트");
  EXPECT_EQ(due[0].ticket.badges, (std::vector<std::string>{"단독판매", "HOT"}));
  EXPECT_EQ(due[0].site, "interpark");
  EXPECT_EQ(due[0].ticket_id, "1");
  EXPECT_FALSE(due[0].previous.has_value());

  auto stored = store.ticket("interpark", "1");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->ticket.open_at, future_);
  EXPECT_EQ(stored->first_seen, now_);
}

TEST_F(RecordCrawlTest, KnownTicketIsNotNewAgainAndLastSeenMoves) {
  Store store(db_path());
  store.record_crawl("interpark", {make_ticket("1", "IU 콘서트", future_)}, now_, policy());
  auto t = make_ticket("1", "IU 콘서트 (추가)", future_);
  auto out = store.record_crawl("interpark", {t}, now_ + 300, policy());
  EXPECT_EQ(out.items, 1);
  EXPECT_TRUE(out.new_tickets.empty());
  EXPECT_TRUE(out.queued.empty());
  EXPECT_EQ(store.pending_count(), 1);
  auto stored = store.ticket("interpark", "1");
  EXPECT_EQ(stored->first_seen, now_);
  EXPECT_EQ(stored->last_seen, now_ + 300);
  EXPECT_EQ(stored->ticket.title, "IU 콘서트 (추가)");  // fields follow the site
}

TEST_F(RecordCrawlTest, DuplicateIdsInOneCrawlQueueOnce) {
  Store store(db_path());
  auto t = make_ticket("1", "IU 콘서트", future_);
  auto out = store.record_crawl("interpark", {t, t}, now_, policy());
  EXPECT_EQ(out.items, 1);
  EXPECT_EQ(out.queued.size(), 1u);
}

TEST_F(RecordCrawlTest, OpenTimeChangeOfAnAnnouncedTicketIsAnUpdateWithThePreviousValues) {
  Store store(db_path());
  store.record_crawl("interpark", {make_ticket("1", "IU 콘서트", future_)}, now_, policy());
  send_all(store);
  auto out = store.record_crawl("interpark", {make_ticket("1", "IU 콘서트", later_)}, now_ + 60, policy());
  ASSERT_EQ(out.updated_tickets.size(), 1u);
  ASSERT_EQ(out.queued.size(), 1u);
  auto d = store.delivery(out.queued[0]);
  EXPECT_EQ(d->kind, DeliveryKind::Update);
  EXPECT_EQ(d->ticket.open_at, later_);
  ASSERT_TRUE(d->previous);
  EXPECT_EQ(d->previous->open_at, future_);
  // The same values again are not another update.
  out = store.record_crawl("interpark", {make_ticket("1", "IU 콘서트", later_)}, now_ + 120, policy());
  EXPECT_TRUE(out.queued.empty());
  EXPECT_TRUE(out.updated_tickets.empty());
}

TEST_F(RecordCrawlTest, OpenTypeChangeIsAnUpdateEvenWhileTheNewAlertIsStillPending) {
  Store store(db_path());
  store.record_crawl("interpark", {make_ticket("1", "IU 콘서트", future_, "presale")}, now_, policy());
  auto out = store.record_crawl("interpark", {make_ticket("1", "IU 콘서트", future_, "general")}, now_ + 60, policy());
  ASSERT_EQ(out.queued.size(), 1u);
  EXPECT_EQ(store.delivery(out.queued[0])->kind, DeliveryKind::Update);
  EXPECT_EQ(store.pending_count(), 2);
}

TEST_F(RecordCrawlTest, UpdatesAreNotQueuedWhenNotifyUpdatesIsOff) {
  Store store(db_path());
  store.record_crawl("interpark", {make_ticket("1", "IU 콘서트", future_)}, now_, policy());
  send_all(store);
  auto p = policy();
  p.notify_updates = false;
  auto out = store.record_crawl("interpark", {make_ticket("1", "IU 콘서트", later_)}, now_ + 60, p);
  EXPECT_EQ(out.updated_tickets.size(), 1u);
  EXPECT_TRUE(out.queued.empty());
  EXPECT_EQ(store.pending_count(), 0);
}

TEST_F(RecordCrawlTest, LosingTheOpenTimeForOneCrawlDoesNotReAlert) {
  Store store(db_path());
  store.record_crawl("interpark", {make_ticket("1", "IU 콘서트", future_)}, now_, policy());
  send_all(store);
  auto out = store.record_crawl("interpark", {make_ticket("1", "IU 콘서트", std::nullopt)}, now_ + 60, policy());
  EXPECT_TRUE(out.queued.empty());
  out = store.record_crawl("interpark", {make_ticket("1", "IU 콘서트", future_)}, now_ + 120, policy());
  EXPECT_TRUE(out.queued.empty()) << "the time came back unchanged: fans already know it";
}

TEST_F(RecordCrawlTest, UpdateAfterAGlitchShowsWhatFansWereTold) {
  Store store(db_path());
  store.record_crawl("interpark", {make_ticket("1", "IU 콘서트", future_)}, now_, policy());
  send_all(store);
  store.record_crawl("interpark", {make_ticket("1", "IU 콘서트", std::nullopt)}, now_ + 60, policy());
  auto out = store.record_crawl("interpark", {make_ticket("1", "IU 콘서트", later_)}, now_ + 120, policy());
  ASSERT_EQ(out.queued.size(), 1u);
  auto d = store.delivery(out.queued[0]);
  EXPECT_EQ(d->kind, DeliveryKind::Update);
  ASSERT_TRUE(d->previous);
  EXPECT_EQ(d->previous->open_at, future_);
}

TEST_F(RecordCrawlTest, TimeAnnouncedLaterIsAnUpdate) {
  Store store(db_path());
  store.record_crawl("interpark", {make_ticket("1", "IU 콘서트", std::nullopt)}, now_, policy());
  send_all(store);
  auto out = store.record_crawl("interpark", {make_ticket("1", "IU 콘서트", future_)}, now_ + 60, policy());
  ASSERT_EQ(out.queued.size(), 1u);
  EXPECT_EQ(store.delivery(out.queued[0])->kind, DeliveryKind::Update);
}

TEST_F(RecordCrawlTest, PastTicketsAreStoredButNotAnnouncedUnlessAllowed) {
  Store store(db_path());
  auto out = store.record_crawl("interpark", {make_ticket("1", "지난 공연", past_)}, now_, policy());
  EXPECT_EQ(out.new_tickets.size(), 1u);
  EXPECT_EQ(out.past_skipped, 1);
  EXPECT_TRUE(out.queued.empty());
  EXPECT_TRUE(store.ticket("interpark", "1").has_value());
  // Seen again: still nothing.
  out = store.record_crawl("interpark", {make_ticket("1", "지난 공연", past_)}, now_ + 60, policy());
  EXPECT_TRUE(out.queued.empty());

  auto p = policy();
  p.announce_past = true;
  out = store.record_crawl("interpark", {make_ticket("2", "지난 공연 2", past_)}, now_, p);
  EXPECT_EQ(out.queued.size(), 1u);
}

TEST_F(RecordCrawlTest, PastTicketMovedIntoTheFutureIsAnnouncedAsNew) {
  Store store(db_path());
  store.record_crawl("interpark", {make_ticket("1", "연기된 공연", past_)}, now_, policy());
  auto out = store.record_crawl("interpark", {make_ticket("1", "연기된 공연", future_)}, now_ + 60, policy());
  ASSERT_EQ(out.queued.size(), 1u);
  EXPECT_EQ(store.delivery(out.queued[0])->kind, DeliveryKind::New);
}

TEST_F(RecordCrawlTest, FilterRejectsAreStoredWithoutDeliveries) {
  Store store(db_path());
  auto p = policy();
  p.filter = [](const Ticket& t) { return t.title.find("IU") != std::string::npos; };
  auto out = store.record_crawl(
      "interpark", {make_ticket("1", "IU 콘서트", future_), make_ticket("2", "뮤지컬 위키드", future_)}, now_, p);
  EXPECT_EQ(out.new_tickets.size(), 2u);
  EXPECT_EQ(out.filtered_out, 1);
  ASSERT_EQ(out.queued.size(), 1u);
  EXPECT_EQ(store.delivery(out.queued[0])->ticket_id, "1");
  EXPECT_TRUE(store.ticket("interpark", "2").has_value());
}

TEST_F(RecordCrawlTest, WithoutWebhookDeliveriesWaitUnderTheEmptyKeyUntilAdopted) {
  Store store(db_path());
  CrawlPolicy p;  // no webhook configured
  auto out = store.record_crawl("interpark", {make_ticket("1", "IU 콘서트", future_)}, now_, p);
  ASSERT_EQ(out.queued.size(), 1u);
  EXPECT_EQ(store.due_deliveries("", now_, 10).size(), 1u);
  EXPECT_TRUE(store.due_deliveries("123", now_, 10).empty());
  EXPECT_EQ(store.adopt_pending_deliveries("default", "123"), 1);
  EXPECT_EQ(store.due_deliveries("123", now_, 10).size(), 1u);
  // Not new again after the webhook is configured.
  out = store.record_crawl("interpark", {make_ticket("1", "IU 콘서트", future_)}, now_ + 60, policy());
  EXPECT_TRUE(out.queued.empty());
}

TEST_F(RecordCrawlTest, SiteArgumentWinsAndSitesDoNotCollide) {
  Store store(db_path());
  auto out1 = store.record_crawl("interpark", {make_ticket("1", "A", future_)}, now_, policy());
  auto t = make_ticket("1", "B", future_);
  auto out2 = store.record_crawl("yes24", {t}, now_, policy());
  EXPECT_EQ(out1.queued.size(), 1u);
  EXPECT_EQ(out2.queued.size(), 1u);
  EXPECT_EQ(store.ticket("yes24", "1")->ticket.title, "B");
}

TEST_F(RecordCrawlTest, CrashBeforeSendingLeavesDeliveriesPending) {
  std::vector<std::int64_t> queued;
  {
    Store store(db_path());
    queued = store.record_crawl("interpark", {make_ticket("1", "IU 콘서트", future_)}, now_, policy()).queued;
  }  // the process dies here: nothing was marked sent
  Store reopened(db_path());
  auto due = reopened.due_deliveries("123", now_, 10);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].id, queued.at(0));
  // The crawl after restart finds the ticket known: the pending alert is not duplicated.
  auto out = reopened.record_crawl("interpark", {make_ticket("1", "IU 콘서트", future_)}, now_ + 60, policy());
  EXPECT_TRUE(out.queued.empty());
  EXPECT_EQ(reopened.pending_count(), 1);
}

TEST_F(RecordCrawlTest, FailingFilterRollsTheWholeCrawlBack) {
  Store store(db_path());
  auto p = policy();
  p.filter = [](const Ticket& t) -> bool {
    if (t.id == "2") throw std::runtime_error("filter bug");
    return true;
  };
  EXPECT_THROW(store.record_crawl("interpark", {make_ticket("1", "A", future_), make_ticket("2", "B", future_)}, now_,
                                  p),
               std::runtime_error);
  EXPECT_FALSE(store.ticket("interpark", "1").has_value());
  EXPECT_EQ(store.pending_count(), 0);
  // Retrying later sees both as new: nothing was lost by the rollback.
  auto out = store.record_crawl("interpark", {make_ticket("1", "A", future_), make_ticket("2", "B", future_)},
                                now_, policy());
  EXPECT_EQ(out.queued.size(), 2u);
}

TEST_F(RecordCrawlTest, DailyStatsCountCrawledNewSentAndFailed) {
  Store store(db_path());
  store.record_crawl("interpark", {make_ticket("1", "A", future_), make_ticket("2", "B", future_)}, now_, policy());
  store.record_crawl("interpark", {make_ticket("1", "A", future_)}, now_ + 60, policy());
  auto due = store.due_deliveries("123", now_, 10);
  store.mark_sent(due[0].id, "m1", now_);
  store.mark_failed(due[1].id, "400 Bad Request", now_);
  auto counts = store.daily_counts(now_, 1);
  ASSERT_EQ(counts.size(), 1u);
  EXPECT_EQ(counts[0].day, "2025-07-01");
  EXPECT_EQ(counts[0].site, "interpark");
  EXPECT_EQ(counts[0].crawled, 3);
  EXPECT_EQ(counts[0].new_items, 2);
  EXPECT_EQ(counts[0].sent, 1);
  EXPECT_EQ(counts[0].failed, 1);
}

}  // namespace
}  // namespace ta::testing
