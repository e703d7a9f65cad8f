#include "normalize/kst_time.h"

#include <gtest/gtest.h>

#include <optional>
#include <vector>

namespace ta {
namespace {

TEST(KstTime, FormatsUtcEpochAsSeoulWallClock) {
  struct Row {
    std::time_t epoch;
    const char* expected;
  };
  const std::vector<Row> rows = {
      {0, "1970-01-01T09:00:00+09:00"},
      {1751526000, "2025-07-03T16:00:00+09:00"},
      // 15:30 UTC is already the next day in Seoul.
      {1751297400, "2025-07-01T00:30:00+09:00"},
      {1767225599, "2026-01-01T08:59:59+09:00"},
      {1709164800, "2024-02-29T09:00:00+09:00"},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(r.epoch);
    EXPECT_EQ(format_kst_iso(r.epoch), r.expected);
  }
}

TEST(KstTime, ParsesIsoWithAnyOffsetAndDefaultsToKst) {
  struct Row {
    const char* text;
    std::optional<std::time_t> expected;
  };
  const std::vector<Row> rows = {
      {"2025-07-03T16:00:00+09:00", 1751526000},
      {"2025-07-03T07:00:00Z", 1751526000},
      {"2025-07-03T07:00:00.000Z", 1751526000},
      {"2025-07-03T16:00:00", 1751526000},
      {"2025-07-03T16:00", 1751526000},
      {"2025-07-03 16:00:00", 1751526000},
      {"2025-07-03T16:00:00+0900", 1751526000},
      {"2025-07-03T16:00:00+09", 1751526000},
      {"2025-07-03T03:00:00-04:00", 1751526000},
      {"  2025-07-03T16:00:00+09:00 ", 1751526000},
      {"2025-07-03", std::nullopt},
      {"2025-02-29T10:00:00", std::nullopt},
      {"2025-07-03T24:00:00", std::nullopt},
      {"2025-07-03T16:00:00+09:00 extra", std::nullopt},
      {"2025/07/03 16:00", std::nullopt},
      {"", std::nullopt},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(r.text);
    EXPECT_EQ(parse_iso(r.text), r.expected);
  }
}

TEST(KstTime, FormatAndParseRoundTrip) {
  for (std::time_t t : {std::time_t{0}, std::time_t{951782400}, std::time_t{1751526000}, std::time_t{4102444800}}) {
    SCOPED_TRACE(t);
    EXPECT_EQ(parse_iso(format_kst_iso(t)), t);
  }
}

TEST(KstTime, CivilDaysAgreeBothWays) {
  for (long long days = -800000; days <= 800000; days += 997) {
    SCOPED_TRACE(days);
    EXPECT_EQ(days_from_civil(civil_from_days(days)), days);
  }
  EXPECT_EQ(days_from_civil({1970, 1, 1}), 0);
  EXPECT_EQ(days_from_civil({2000, 3, 1}), 11017);
}

TEST(KstTime, KnowsMonthLengths) {
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(2025, 2), 28);
  EXPECT_EQ(days_in_month(1900, 2), 28);
  EXPECT_EQ(days_in_month(2000, 2), 29);
  EXPECT_EQ(days_in_month(2025, 4), 30);
  EXPECT_EQ(days_in_month(2025, 12), 31);
  EXPECT_EQ(days_in_month(2025, 13), 0);
}

}  // namespace
}  // namespace ta
