#include "normalize/ticket_id.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>

namespace ta {
namespace {

TEST(TicketId, UsesFnv1a64) {
  // Published FNV-1a 64 test vectors.
  EXPECT_EQ(fnv1a_64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(fnv1a_64("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(fnv1a_64("foobar"), 0x85944171f73967e8ULL);
}

TEST(TicketId, HashesTitleAndVenueNeverTheOpenTimeWhenTheSiteGivesNoId) {
  const std::string id = ticket_id("", "뮤지컬 X", "2025-07-03T16:00:00+09:00");
  EXPECT_TRUE(std::regex_match(id, std::regex("h-[0-9a-f]{16}"))) << id;
  char expected[32];
  std::snprintf(expected, sizeof expected, "h-%016llx",
                static_cast<unsigned long long>(fnv1a_64("뮤지컬 X\n2025-07-03T16:00:00+09:00")));
  EXPECT_EQ(id, expected);
  // Leading zeros are kept so every hash id has the same length.
  EXPECT_EQ(ticket_id("", "a", "").size(), 18u);
}

TEST(TicketId, IsStableAndTellsNoticesApart) {
  const std::string a = ticket_id("", "뮤지컬 X", "샤롯데씨어터");
  EXPECT_EQ(a, ticket_id("", "뮤지컬 X", "샤롯데씨어터"));
  EXPECT_NE(a, ticket_id("", "뮤지컬 Y", "샤롯데씨어터"));
  EXPECT_NE(a, ticket_id("", "뮤지컬 X", "블루스퀘어"));
  // A second round listed under the same title and venue gets an id of its own.
  EXPECT_NE(a, distinct_hash_id("뮤지컬 X", "샤롯데씨어터", "2025-07-03T16:00:00+09:00"));
  EXPECT_EQ(distinct_hash_id("뮤지컬 X", "샤롯데씨어터", "06.26"), distinct_hash_id("뮤지컬 X", "샤롯데씨어터", "06.26"));
  // The separator keeps the boundary: title "ab"+"c" differs from "a"+"bc".
  EXPECT_NE(ticket_id("", "ab", "c"), ticket_id("", "a", "bc"));
}

TEST(TicketId, PrefersTheSiteId) {
  EXPECT_EQ(ticket_id("11468", "뮤지컬 X", "2025-07-03T16:00:00+09:00"), "11468");
  EXPECT_EQ(ticket_id("11468", "다른 제목", ""), "11468");
  EXPECT_EQ(ticket_id(" 11468 ", "뮤지컬 X", ""), "11468");
  EXPECT_EQ(ticket_id("  ", "뮤지컬 X", ""), ticket_id("", "뮤지컬 X", ""));
}

}  // namespace
}  // namespace ta
