// Query parameters -> UpcomingFilter, with KST day and week boundaries.
#include <gtest/gtest.h>

#include "web/ticket_query.h"
#include "web_env.h"

namespace ta::test {
namespace {

using Params = std::multimap<std::string, std::string>;

TEST(TicketQueryTest, DayStartIsKoreanMidnight) {
  EXPECT_EQ(kst_day_start(kst("2025-07-01T12:00:00+09:00")), kst("2025-07-01T00:00:00+09:00"));
  EXPECT_EQ(kst_day_start(kst("2025-07-01T00:00:00+09:00")), kst("2025-07-01T00:00:00+09:00"));
  EXPECT_EQ(kst_day_start(kst("2025-07-01T23:59:59+09:00")), kst("2025-07-01T00:00:00+09:00"));
  // 16:00 UTC on 06-30 is already 07-01 01:00 in Korea.
  EXPECT_EQ(kst_day_start(kst("2025-06-30T16:00:00Z")), kst("2025-07-01T00:00:00+09:00"));
}

TEST(TicketQueryTest, WeekRunsToNextMondayInKorea) {
  for (const char* day : {"2025-06-30T09:00:00+09:00", "2025-07-02T18:00:00+09:00", "2025-07-06T23:30:00+09:00"}) {
    auto q = parse_ticket_query({{"when", "week"}}, kst(day), nullptr);
    ASSERT_TRUE(q) << day;
    EXPECT_EQ(q->filter.to, kst("2025-07-07T00:00:00+09:00")) << day;
    EXPECT_EQ(q->filter.from, kst_day_start(kst(day))) << day;
  }
  // Monday 00:10 KST (Sunday in UTC) starts a new week.
  auto monday = parse_ticket_query({{"when", "week"}}, kst("2025-07-07T00:10:00+09:00"), nullptr);
  EXPECT_EQ(monday->filter.to, kst("2025-07-14T00:00:00+09:00"));
}

TEST(TicketQueryTest, DefaultsAndPassThrough) {
  const std::time_t now = kst("2025-07-01T12:00:00+09:00");
  auto q = parse_ticket_query(Params{{"site", "melon"}, {"genre", "콘서트"}, {"q", "아이유"}}, now, nullptr);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->filter.site, "melon");
  EXPECT_EQ(q->filter.genre, "콘서트");
  EXPECT_EQ(q->filter.search, "아이유");
  EXPECT_EQ(q->filter.from, now);
  EXPECT_FALSE(q->filter.to.has_value());
  EXPECT_TRUE(q->filter.include_undated);
  EXPECT_EQ(q->limit, kDefaultTicketLimit);
  EXPECT_EQ(q->offset, 0);

  auto tomorrow = parse_ticket_query({{"when", "tomorrow"}}, now, nullptr);
  EXPECT_EQ(tomorrow->filter.from, kst("2025-07-02T00:00:00+09:00"));
  EXPECT_EQ(tomorrow->filter.to, kst("2025-07-03T00:00:00+09:00"));
  EXPECT_FALSE(tomorrow->filter.include_undated);
}

}  // namespace
}  // namespace ta::test
