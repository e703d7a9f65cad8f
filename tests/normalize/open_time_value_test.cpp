#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "normalize/clock.h"
#include "normalize/open_time.h"

namespace ta {
namespace {

TEST(OpenTimeFromValue, ReadsEpochMillisIsoAndText) {
  struct Row {
    nlohmann::json value;
    std::optional<std::string> expected;
  };
  const std::vector<Row> rows = {
      {1751526000000LL, "2025-07-03T16:00:00+09:00"},
      {1751526000999LL, "2025-07-03T16:00:00+09:00"},
      {1751526000000.0, "2025-07-03T16:00:00+09:00"},
      {"1751526000000", "2025-07-03T16:00:00+09:00"},
      {" 1751526000000 ", "2025-07-03T16:00:00+09:00"},
      {"2025-07-03T16:00:00+09:00", "2025-07-03T16:00:00+09:00"},
      {"2025-07-03T07:00:00Z", "2025-07-03T16:00:00+09:00"},
      {"2025-07-03T07:00:00.000Z", "2025-07-03T16:00:00+09:00"},
      {"2025-07-03T02:00:00-05:00", "2025-07-03T16:00:00+09:00"},
      {"2025-07-03T16:00:00", "2025-07-03T16:00:00+09:00"},
      {"2025-06-24 10:00:00", "2025-06-24T10:00:00+09:00"},
      {"2025.07.03(목) 16:00", "2025-07-03T16:00:00+09:00"},
      {0, std::nullopt},
      {-1000, std::nullopt},
      {"", std::nullopt},
      {"미정", std::nullopt},
      {"2025-07-03", std::nullopt},
      {nullptr, std::nullopt},
      {true, std::nullopt},
      {nlohmann::json::array({1751526000000LL}), std::nullopt},
      {nlohmann::json::object({{"ms", 1751526000000LL}}), std::nullopt},
      {1.0e300, std::nullopt},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(r.value.dump());
    EXPECT_EQ(open_time_from_value(r.value, test::default_now()), r.expected);
  }
}

}  // namespace
}  // namespace ta
