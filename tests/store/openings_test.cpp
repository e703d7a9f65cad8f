// A notice's openings in the store: the v1 -> v2 migration, and what a detail page read (or not
// read) does to alerts.
#include <gtest/gtest.h>

#include "model/opening_changes.h"
#include "store/migrations.h"
#include "store/sqlite.h"
#include "store_fixture.h"

namespace ta::testing {
namespace {

using OpeningsTest = StoreTest;

Opening opening(const std::string& kind, const std::string& label, std::optional<std::string> at,
                std::optional<int> round = std::nullopt) {
  return Opening{kind, label, std::move(at), round};
}

// The previous program's database, written the way it wrote one: schema v1 only.
void write_v1_database(const std::string& path, std::time_t now) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  Database db(path, 1000);
  apply_migrations(db, {store_migrations().front()});
  db.exec(
      "INSERT INTO tickets (site, id, site_name, title, open_at, open_at_epoch, open_text, open_type, "
      "open_type_label, venue, url, image, badges, genre, first_seen, last_seen, content_hash) VALUES "
      "('interpark', '10', '인터파크', '아이유 콘서트 2차 티켓오픈', '2025-08-01T20:00:00+09:00', " +
      std::to_string(at("2025-08-01T20:00:00+09:00")) +
      ", '2025.08.01 20:00', 'nth_round', '2차 티켓오픈', 'KSPO DOME', "
      "'https://tickets.interpark.com/contents/notice/detail/10', '', '[]', '콘서트', " +
      std::to_string(now) + ", " + std::to_string(now) +
      ", 'x'),"
      "('interpark', '11', '인터파크', '뮤지컬 렌트', NULL, NULL, '추후 공지', 'general', '', '', "
      "'https://tickets.interpark.com/contents/notice/detail/11', '', '[]', '', " +
      std::to_string(now) + ", " + std::to_string(now) + ", 'y')");
  db.exec("INSERT INTO announced (site, id, open_at, open_type, announced_at, title, title_key, source) VALUES "
          "('interpark', '10', '2025-08-01T20:00:00+09:00', 'nth_round', " +
          std::to_string(now) + ", '아이유 콘서트 2차 티켓오픈', '', 'sent')");
  // A delivery still waiting to be sent, its payload without openings (the old JSON).
  db.exec("INSERT INTO deliveries (site, ticket_id, webhook, kind, status, attempts, next_attempt_at, created_at, "
          "payload) VALUES ('interpark', '11', 'w1', 'new', 'pending', 1, " + std::to_string(now) + ", " +
          std::to_string(now) +
          ", '{\"site\":\"interpark\",\"id\":\"11\",\"title\":\"뮤지컬 렌트\",\"open_at\":null,"
          "\"open_type\":\"general\"}')");
}

Ticket listed_10() {
  Ticket t = make_ticket("10", "아이유 콘서트 2차 티켓오픈", "2025-08-01T20:00:00+09:00", "nth_round");
  t.open_type_label = "2차 티켓오픈";
  t.genre = "콘서트";
  t.openings = {headline_opening(t)};  // as the normaliser gives it: round 2 from the label
  return t;
}

TEST_F(OpeningsTest, V1DatabaseMigratesInPlaceWithOneOpeningPerNoticeAndNothingIsAnnouncedAgain) {
  write_v1_database(db_path(), now_);
  Store store(db_path());
  EXPECT_EQ(store.schema_version(), store_migrations().back().version);

  auto stored = store.ticket("interpark", "10");
  ASSERT_TRUE(stored);
  ASSERT_EQ(stored->ticket.openings.size(), 1u);
  EXPECT_EQ(stored->ticket.openings[0].kind, "nth_round");
  EXPECT_EQ(stored->ticket.openings[0].label, "2차 티켓오픈");
  EXPECT_EQ(stored->ticket.openings[0].at, "2025-08-01T20:00:00+09:00");
  auto timeless = store.ticket("interpark", "11");
  ASSERT_TRUE(timeless);
  ASSERT_EQ(timeless->ticket.openings.size(), 1u);
  EXPECT_FALSE(timeless->ticket.openings[0].at.has_value());

  // The pending delivery survives, readable, with its notice's one opening.
  EXPECT_EQ(store.pending_count(), 1);
  auto due = store.due_deliveries("w1", now_, 10);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].attempts, 1);
  EXPECT_EQ(due[0].status, DeliveryState::Retry) << "tried before: a retry, not a fresh alert";
  ASSERT_EQ(due[0].ticket.openings.size(), 1u);

  // The next crawl sees the same notices (the normaliser now says round 2): nothing is news.
  Ticket rent = make_ticket("11", "뮤지컬 렌트", std::nullopt);
  rent.open_type_label = "";
  rent.open_text = "추후 공지";
  auto outcome = store.record_crawl("interpark", {listed_10(), rent}, now_ + 60, policy_for_webhook("w1"));
  EXPECT_TRUE(outcome.new_tickets.empty());
  EXPECT_TRUE(outcome.updated_tickets.empty());
  EXPECT_TRUE(outcome.queued.empty());
  EXPECT_EQ(store.pending_count(), 1);
}

TEST_F(OpeningsTest, ADetailPageThatAddsAPresaleIsAnUpdateNamingIt) {
  Store store(db_path());
  Ticket t = listed_10();
  ASSERT_EQ(store.record_crawl("interpark", {t}, now_, policy_for_webhook("w1")).queued.size(), 1u);
  store.mark_sent(store.due_deliveries("w1", now_, 1).at(0).id, "m1", now_);

  Ticket with_detail = t;
  with_detail.detail = DetailState::read;
  with_detail.openings = {opening("presale", "선예매", "2025-07-31T20:00:00+09:00"), headline_opening(t)};
  auto outcome = store.record_crawl("interpark", {with_detail}, now_ + 60, policy_for_webhook("w1"));
  ASSERT_EQ(outcome.updated_tickets.size(), 1u);
  ASSERT_EQ(outcome.queued.size(), 1u);
  auto d = store.delivery(outcome.queued[0]);
  ASSERT_TRUE(d && d->previous);
  EXPECT_EQ(d->ticket.openings.size(), 2u);
  auto changes = opening_changes(d->previous->openings, d->ticket.openings);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].kind, OpeningChange::Kind::added);
  EXPECT_EQ(changes[0].after.label, "선예매");
}

TEST_F(OpeningsTest, ACrawlThatDidNotReadTheDetailKeepsItsOpenings) {
  Store store(db_path());
  Ticket t = listed_10();
  t.detail = DetailState::read;
  t.openings = {opening("presale", "선예매", "2025-07-31T20:00:00+09:00"), headline_opening(listed_10())};
  store.record_crawl("interpark", {t}, now_, policy_for_webhook("w1"));

  // The list alone (its headline only), and then the text layer without a label: no change.
  auto outcome = store.record_crawl("interpark", {listed_10()}, now_ + 60, policy_for_webhook("w1"));
  EXPECT_TRUE(outcome.updated_tickets.empty());
  Ticket poorer = listed_10();
  poorer.open_type = "general";
  poorer.open_type_label = "";
  poorer.openings = {headline_opening(poorer)};
  outcome = store.record_crawl("interpark", {poorer}, now_ + 120, policy_for_webhook("w1"));
  EXPECT_TRUE(outcome.updated_tickets.empty());
  auto stored = store.ticket("interpark", "10");
  ASSERT_TRUE(stored);
  ASSERT_EQ(stored->ticket.openings.size(), 2u);
  EXPECT_EQ(stored->ticket.openings[0].label, "선예매");
  EXPECT_EQ(stored->ticket.openings[1].label, "2차 티켓오픈");
  EXPECT_EQ(store.pending_count(), 1);  // the one new alert, nothing more
}

TEST_F(OpeningsTest, AMovedPresaleIsAnUpdateFromTheOldTimeToTheNew) {
  Store store(db_path());
  Ticket t = listed_10();
  t.detail = DetailState::read;
  t.openings = {opening("presale", "선예매", "2025-07-31T20:00:00+09:00"), headline_opening(listed_10())};
  store.record_crawl("interpark", {t}, now_, policy_for_webhook("w1"));
  store.mark_sent(store.due_deliveries("w1", now_, 1).at(0).id, "m1", now_);

  t.openings[0].at = "2025-07-31T18:00:00+09:00";
  auto outcome = store.record_crawl("interpark", {t}, now_ + 60, policy_for_webhook("w1"));
  ASSERT_EQ(outcome.queued.size(), 1u);
  auto d = store.delivery(outcome.queued[0]);
  ASSERT_TRUE(d && d->previous);
  auto changes = opening_changes(d->previous->openings, d->ticket.openings);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].kind, OpeningChange::Kind::moved);
  EXPECT_EQ(changes[0].before.at, "2025-07-31T20:00:00+09:00");
  EXPECT_EQ(changes[0].after.at, "2025-07-31T18:00:00+09:00");
}

TEST_F(OpeningsTest, ANoticeWithAFuturePresaleIsNotPastThoughItsHeadlineIs) {
  Store store(db_path());
  Ticket t = make_ticket("20", "전시", "2025-06-30T10:00:00+09:00");  // headline before now_
  t.openings = {headline_opening(t), opening("nth_round", "2차 티켓오픈", "2025-07-05T10:00:00+09:00", 2)};
  auto outcome = store.record_crawl("interpark", {t}, now_, policy_for_webhook("w1"));
  EXPECT_EQ(outcome.past_skipped, 0);
  EXPECT_EQ(outcome.queued.size(), 1u);
}

TEST_F(OpeningsTest, DetailStateIsStoredAndDecidesWhatIsReadNext) {
  Store store(db_path());
  Ticket a = make_ticket("1", "A", "2025-08-01T20:00:00+09:00");
  Ticket b = make_ticket("2", "B", "2025-08-02T20:00:00+09:00");
  Ticket c = make_ticket("3", "C", "2025-08-03T20:00:00+09:00");
  EXPECT_EQ(store.details_wanted("interpark", {a, b, c}), (std::vector<bool>{true, true, true}));  // all new
  a.detail = DetailState::read;
  b.detail = DetailState::failed;
  c.detail = DetailState::none;
  store.record_crawl("interpark", {a, b, c}, now_, {});
  a.detail = b.detail = c.detail = DetailState::none;
  EXPECT_EQ(store.details_wanted("interpark", {a, b, c}), (std::vector<bool>{false, true, false}));
  // A list entry that moved wants its detail again.
  c.open_at = "2025-08-04T20:00:00+09:00";
  EXPECT_EQ(store.details_wanted("interpark", {a, b, c}), (std::vector<bool>{false, true, true}));
  // A detail that keeps failing is given up after kDetailAttempts tries.
  b.detail = DetailState::failed;
  for (int i = 1; i < Store::kDetailAttempts; ++i) store.record_crawl("interpark", {b}, now_ + i, {});
  b.detail = DetailState::none;
  EXPECT_EQ(store.details_wanted("interpark", {b}), (std::vector<bool>{false}));
}

TEST_F(OpeningsTest, APriorityNoticeGoesBeforeTheBacklog) {
  Store store(db_path());
  CrawlPolicy policy = policy_for_webhook("w1");
  policy.priority = [](const Ticket& t) { return t.title.find("아이유") != std::string::npos; };
  std::vector<Ticket> backlog;
  for (int i = 0; i < 5; ++i)
    backlog.push_back(make_ticket(std::to_string(100 + i), "공연 " + std::to_string(i), "2025-08-01T20:00:00+09:00"));
  store.record_crawl("interpark", backlog, now_, policy);
  store.record_crawl("interpark", {make_ticket("200", "아이유 콘서트", "2025-08-02T20:00:00+09:00")}, now_ + 60, policy);
  const auto due = store.due_deliveries("w1", now_ + 60, 2);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].ticket_id, "200") << "the priority notice first, though queued last";
  EXPECT_EQ(due[1].ticket_id, "100") << "then the backlog, oldest first";
  Database db(db_path(), 1000);
  EXPECT_EQ(db.query_int("SELECT priority FROM deliveries WHERE ticket_id = '200'"), 1);
  EXPECT_EQ(db.query_int("SELECT COUNT(*) FROM deliveries WHERE priority = 0"), 5);
}

}  // namespace
}  // namespace ta::testing
