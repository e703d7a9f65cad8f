#include <gtest/gtest.h>

#include "store_fixture.h"

namespace ta::testing {
namespace {

class DashboardTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    store_ = std::make_unique<Store>(db_path());
    auto a = make_ticket("a", "IU 콘서트 HEREH", "2025-07-03T20:00:00+09:00");
    auto b = make_ticket("b", "뮤지컬 <위키드> 100% 할인", "2025-07-02T14:00:00+09:00");
    b.genre = "뮤지컬";
    b.venue = "블루스퀘어";
    auto past = make_ticket("p", "지난 콘서트", "2025-06-01T20:00:00+09:00");
    auto undated = make_ticket("u", "일정 미정 콘서트", std::nullopt);
    store_->record_crawl("interpark", {a, b, past, undated}, now_, {});
    auto y = make_ticket("y", "iu 팬미팅", "2025-07-05T18:00:00+09:00");
    store_->record_crawl("yes24", {y}, now_, {});
  }
  std::vector<std::string> ids(const std::vector<StoredTicket>& rows) {
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.ticket.site + "/" + r.ticket.id);
    return out;
  }
  std::unique_ptr<Store> store_;
};

TEST_F(DashboardTest, UpcomingIsSortedByOpenTimeAndSkipsThePast) {
  auto rows = store_->upcoming(now_, {}, 10, 0);
  EXPECT_EQ(ids(rows), (std::vector<std::string>{"interpark/b", "interpark/a", "yes24/y"}));
  EXPECT_EQ(rows[0].ticket.genre, "뮤지컬");
  EXPECT_EQ(rows[0].first_seen, now_);
}

TEST_F(DashboardTest, UpcomingFiltersBySiteGenreRangeAndSearch) {
  UpcomingFilter f;
  f.site = "yes24";
  EXPECT_EQ(ids(store_->upcoming(now_, f, 10, 0)), (std::vector<std::string>{"yes24/y"}));
  f = {};
  f.genre = "뮤지컬";
  EXPECT_EQ(ids(store_->upcoming(now_, f, 10, 0)), (std::vector<std::string>{"interpark/b"}));
  f = {};
  f.search = "iu";  // ASCII case-insensitive
  EXPECT_EQ(ids(store_->upcoming(now_, f, 10, 0)), (std::vector<std::string>{"interpark/a", "yes24/y"}));
  f.search = "블루스퀘어";  // venue
  EXPECT_EQ(ids(store_->upcoming(now_, f, 10, 0)), (std::vector<std::string>{"interpark/b"}));
  f.search = "100%";  // % is a character, not a wildcard
  EXPECT_EQ(ids(store_->upcoming(now_, f, 10, 0)), (std::vector<std::string>{"interpark/b"}));
  f = {};
  f.from = at("2025-07-03T00:00:00+09:00");
  f.to = at("2025-07-05T00:00:00+09:00");
  EXPECT_EQ(ids(store_->upcoming(now_, f, 10, 0)), (std::vector<std::string>{"interpark/a"}));
  f = {};
  f.include_undated = true;
  EXPECT_EQ(ids(store_->upcoming(now_, f, 10, 0)).back(), "interpark/u");
}

TEST_F(DashboardTest, UpcomingPages) {
  EXPECT_EQ(ids(store_->upcoming(now_, {}, 2, 0)), (std::vector<std::string>{"interpark/b", "interpark/a"}));
  EXPECT_EQ(ids(store_->upcoming(now_, {}, 2, 2)), (std::vector<std::string>{"yes24/y"}));
}

TEST_F(DashboardTest, SiteStatusShowsLatestSuccessAndError) {
  store_->record_cycle({"interpark", now_ - 600, 2100, 40, 2, "next-data", ""});
  store_->record_cycle({"interpark", now_ - 300, 30000, 0, 0, "", "page timeout"});
  store_->record_cycle({"yes24", now_, 900, 20, 0, "dom", ""});
  auto status = store_->site_status();
  ASSERT_EQ(status.size(), 2u);
  EXPECT_EQ(status[0].site, "interpark");
  EXPECT_EQ(status[0].last_success_at, now_ - 600);
  EXPECT_EQ(status[0].items, 40);
  EXPECT_EQ(status[0].strategy, "next-data");
  EXPECT_EQ(status[0].duration_ms, 2100);
  EXPECT_EQ(status[0].last_error_at, now_ - 300);
  EXPECT_EQ(status[0].last_error, "page timeout");
  EXPECT_EQ(status[1].site, "yes24");
  EXPECT_FALSE(status[1].last_error_at.has_value());
}

TEST_F(DashboardTest, DailyCountsUseKoreanDaysNewestFirst) {
  // 23:30 KST on 07-01 is still 07-01 in Korea though it is 14:30 UTC; 00:30 KST is the next day.
  store_->record_crawl("melon", {make_ticket("m1", "A", "2025-08-01T20:00:00+09:00")},
                       at("2025-07-01T23:30:00+09:00"), {});
  store_->record_crawl("melon", {make_ticket("m2", "B", "2025-08-01T20:00:00+09:00")},
                       at("2025-07-02T00:30:00+09:00"), {});
  auto counts = store_->daily_counts(at("2025-07-02T09:00:00+09:00"), 2);
  ASSERT_GE(counts.size(), 2u);
  EXPECT_EQ(counts[0].day, "2025-07-02");
  EXPECT_EQ(counts[0].site, "melon");
  EXPECT_EQ(counts[0].new_items, 1);
  EXPECT_EQ(counts.back().day, "2025-07-01");
  auto today_only = store_->daily_counts(at("2025-07-02T09:00:00+09:00"), 1);
  ASSERT_EQ(today_only.size(), 1u);
}

TEST(StoreTimeTest, KstDaysAndIsoParsing) {
  EXPECT_EQ(format_kst_day(*parse_iso("2025-07-01T15:00:00Z")), "2025-07-02");
  EXPECT_EQ(format_kst_iso(*parse_iso("2025-07-01T15:00:00Z")), "2025-07-02T00:00:00+09:00");
  EXPECT_EQ(parse_iso("2025-07-01 20:00"), parse_iso("2025-07-01T20:00:00+09:00"));
  EXPECT_EQ(parse_iso("2025-07-01T11:00:00+0000"), parse_iso("2025-07-01T20:00:00+09:00"));
  EXPECT_FALSE(parse_iso("2025-07-01").has_value());
  EXPECT_FALSE(parse_iso("2025-02-30T10:00").has_value());
  EXPECT_FALSE(parse_iso("soon").has_value());
}

}  // namespace
}  // namespace ta::testing
