// The delivery queue's states as data (schema v3) and the first-run summary, in the store: a v2
// database migrates in place without announcing anything again, and a site's first crawl queues
// one summary instead of an alert per notice.
#include <gtest/gtest.h>

#include "store/migrations.h"
#include "store/sqlite.h"
#include "store_fixture.h"

namespace ta::testing {
namespace {

using DeliveryStatesTest = StoreTest;

// The previous program's database: schema v2, one notice sent, one waiting fresh, one waiting after
// a failed attempt, one rate limited (no attempt counted, an error kept), one legacy announcement.
void write_v2_database(const std::string& path, std::time_t now) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  Database db(path, 1000);
  apply_migrations(db, {store_migrations()[0], store_migrations()[1]});
  const std::string t = std::to_string(now);
  for (const char* id : {"1", "2", "3", "4"})
    db.exec(std::string("INSERT INTO tickets (site, id, title, first_seen, last_seen, content_hash) VALUES "
                        "('interpark', '") + id + "', '공연 " + id + "', " + t + ", " + t + ", 'h')");
  const std::string payload = "'{\"site\":\"interpark\",\"title\":\"공연\"}'";
  db.exec("INSERT INTO deliveries (id, site, ticket_id, webhook, kind, status, attempts, next_attempt_at, last_error, "
          "created_at, sent_at, payload, priority) VALUES "
          "(7, 'interpark', '1', 'w1', 'new', 'sent', 1, " + t + ", '', " + t + ", " + t + ", " + payload + ", 0),"
          "(8, 'interpark', '2', 'w1', 'new', 'pending', 0, " + t + ", '', " + t + ", NULL, " + payload + ", 1),"
          "(9, 'interpark', '3', 'w1', 'new', 'pending', 2, " + std::to_string(now + 60) + ", '503', " + t +
          ", NULL, " + payload + ", 0),"
          "(10, 'interpark', '4', 'w1', 'update', 'pending', 0, " + std::to_string(now + 5) + ", '429', " + t +
          ", NULL, " + payload + ", 0)");
  db.exec("INSERT INTO announced (site, id, announced_at, title, title_key, source) VALUES "
          "('interpark', '1', " + t + ", '공연 1', '', 'sent'), ('', 'old', " + t + ", '옛 공연', '옛공연', 'legacy')");
}

TEST_F(DeliveryStatesTest, V2DatabaseMigratesInPlaceAndEveryWaitingDeliveryKeepsItsPlace) {
  write_v2_database(db_path(), now_);
  Store store(db_path());
  EXPECT_EQ(store.schema_version(), store_migrations().back().version);

  EXPECT_EQ(store.delivery(7)->status, DeliveryState::Sent);
  EXPECT_EQ(store.delivery(8)->status, DeliveryState::Pending) << "never tried: a fresh alert";
  EXPECT_EQ(store.delivery(9)->status, DeliveryState::Retry);
  EXPECT_EQ(store.delivery(9)->attempts, 2);
  EXPECT_EQ(store.delivery(9)->next_attempt_at, now_ + 60);
  EXPECT_EQ(store.delivery(10)->status, DeliveryState::Retry) << "rate limited: its error marks it";
  EXPECT_EQ(store.delivery(8)->kind, DeliveryKind::New);
  EXPECT_EQ(store.pending_count(), 3);
  EXPECT_EQ(store.next_retry_at("w1"), now_ + 5);

  // Nothing already announced is announced again, the legacy record included.
  EXPECT_TRUE(store.is_announced(make_ticket("1", "공연 1", std::nullopt), now_));
  Ticket legacy = make_ticket("x", "옛 공연", std::nullopt);
  EXPECT_TRUE(store.is_announced(legacy, now_));
  CrawlOutcome again = store.record_crawl("interpark", {make_ticket("1", "공연 1", std::nullopt)}, now_,
                                          policy_for_webhook("w1"));
  EXPECT_TRUE(again.queued.empty());

  // New ids continue after the migrated ones.
  auto queued = store.record_crawl("interpark", {make_ticket("5", "공연 5", "2025-08-01T20:00:00+09:00")}, now_,
                                   policy_for_webhook("w1")).queued;
  ASSERT_EQ(queued.size(), 1u);
  EXPECT_GT(queued[0], 10);
}

CrawlPolicy first_run_policy() {
  CrawlPolicy p = policy_for_webhook("w1");
  p.summarize_first_crawl = true;
  return p;
}

std::vector<Ticket> three_notices() {
  return {make_ticket("1", "공연 1", "2025-08-01T20:00:00+09:00"), make_ticket("2", "아이유 콘서트", "2025-08-02T20:00:00+09:00"),
          make_ticket("3", "공연 3", std::nullopt)};
}

TEST_F(DeliveryStatesTest, AFirstCrawlQueuesOneSummaryAndLaterNoticesAlertOnTheirOwn) {
  Store store(db_path());
  CrawlOutcome first = store.record_crawl("interpark", three_notices(), now_, first_run_policy());
  EXPECT_EQ(first.summarized.size(), 3u);
  EXPECT_EQ(first.new_tickets.size(), 3u) << "still new notices: stored, counted, on the dashboard";
  ASSERT_EQ(first.queued.size(), 1u);
  const auto summary = store.delivery(first.queued[0]);
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->kind, DeliveryKind::Summary);
  EXPECT_EQ(summary->site, "interpark");
  EXPECT_TRUE(summary->ticket_id.empty());
  ASSERT_EQ(summary->summary.size(), 3u);
  EXPECT_EQ(summary->summary[1].title, "아이유 콘서트");
  EXPECT_EQ(summary->ticket.site_name, "인터파크");

  auto tickets = three_notices();
  tickets.push_back(make_ticket("4", "공연 4", "2025-08-03T20:00:00+09:00"));
  CrawlOutcome second = store.record_crawl("interpark", tickets, now_ + 60, first_run_policy());
  EXPECT_TRUE(second.summarized.empty()) << "only a site's first crawl is summarised";
  ASSERT_EQ(second.queued.size(), 1u);
  EXPECT_EQ(store.delivery(second.queued[0])->kind, DeliveryKind::New);
  EXPECT_EQ(store.delivery(second.queued[0])->ticket_id, "4");

  // A summarised notice that moves is an update of what the summary told.
  tickets[0].open_at = "2025-08-05T20:00:00+09:00";
  tickets[0].openings.clear();
  CrawlOutcome moved = store.record_crawl("interpark", tickets, now_ + 120, first_run_policy());
  ASSERT_EQ(moved.queued.size(), 1u);
  EXPECT_EQ(store.delivery(moved.queued[0])->kind, DeliveryKind::Update);

  // Sending the summary marks nothing as sent twice and counts no notice as an alert.
  store.mark_sent(first.queued[0], "m1", now_ + 1);
  for (const auto& day : store.daily_counts(now_ + 1, 1)) EXPECT_EQ(day.sent, 0) << day.site;
}

TEST_F(DeliveryStatesTest, APriorityNoticeAlertsOnItsOwnEvenOnTheFirstCrawl) {
  Store store(db_path());
  CrawlPolicy p = first_run_policy();
  p.priority = [](const Ticket& t) { return t.title.find("아이유") != std::string::npos; };
  CrawlOutcome first = store.record_crawl("interpark", three_notices(), now_, p);
  EXPECT_EQ(first.summarized.size(), 2u);
  ASSERT_EQ(first.queued.size(), 2u);
  auto due = store.due_deliveries("w1", now_, 10);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].kind, DeliveryKind::New) << "the priority alert goes first";
  EXPECT_EQ(due[0].ticket_id, "2");
  EXPECT_EQ(due[1].kind, DeliveryKind::Summary);
}

TEST_F(DeliveryStatesTest, AnUpgradeFromTheOldToolIsNoFirstCrawl) {
  Store store(db_path());
  store.add_legacy_announced({AnnouncedEntry{"interpark", "1", "공연 1", std::nullopt, "general", now_ - 86400}});
  CrawlOutcome first = store.record_crawl("interpark", three_notices(), now_, first_run_policy());
  EXPECT_TRUE(first.summarized.empty()) << "the old tool watched this site: what it did not announce is news";
  EXPECT_EQ(first.queued.size(), 2u) << "notice 1 was announced by the old tool";
}

TEST_F(DeliveryStatesTest, FirstRunAnnounceKeepsTheOldBehaviour) {
  Store store(db_path());
  CrawlOutcome first = store.record_crawl("interpark", three_notices(), now_, policy_for_webhook("w1"));
  EXPECT_TRUE(first.summarized.empty());
  EXPECT_EQ(first.queued.size(), 3u);
}

}  // namespace
}  // namespace ta::testing
