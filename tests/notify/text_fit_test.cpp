#include "notify/text_fit.h"

#include <gtest/gtest.h>

#include "notify/ticket_samples.h"

namespace ta {
namespace {

using notify_text::code_points;
using notify_text::fit;

TEST(TextFit, CountsCodePointsNotBytes) {
  EXPECT_EQ(code_points("abc"), 3u);
  EXPECT_EQ(code_points("가나다"), 3u);                // 9 bytes
  EXPECT_EQ(code_points("👍"), 1u);                    // 4 bytes, 2 UTF-16 units
  EXPECT_EQ(code_points("👨‍👩‍👧"), 5u);  // 3 people + 2 joiners
}

TEST(TextFit, ShortTextIsOnlyTrimmed) {
  EXPECT_EQ(fit("  공연  ", 10), "공연");
  EXPECT_EQ(fit("\u3000공연\u00A0", 10), "공연");
  EXPECT_EQ(fit("정확히열자입니다딱맞", 10), "정확히열자입니다딱맞");
}

TEST(TextFit, LongTextEndsWithEllipsisWithinTheLimit) {
  std::string out = fit(test::repeat("가", 300), 256);
  EXPECT_EQ(code_points(out), 256u);
  EXPECT_EQ(out.substr(out.size() - 3), "…");
}

TEST(TextFit, NeverSplitsAClusterAtTheCut) {
  for (std::size_t limit = 2; limit < 40; ++limit) {
    for (const std::string unit : {"👨‍👩‍👧", "e\u0301", "\u1100\u1161\u11A8", "👍🏽", "\uFE0F"}) {
      std::string out = fit(test::repeat(unit, 50), limit);
      ASSERT_LE(code_points(out), limit);
      std::string kept = out.substr(0, out.size() - 3);
      // Whole units only: the kept text is a prefix made of complete repetitions.
      if (unit != "\uFE0F") {
        EXPECT_EQ(kept.size() % unit.size(), 0u) << "limit " << limit << " unit " << unit;
      }
    }
  }
}

TEST(TextFit, NeverLeavesALoneEscapingBackslash) {
  std::string out = fit("abc\\*defgh", 5);  // the cut would fall right after the backslash
  EXPECT_EQ(out, "abc…");
  EXPECT_EQ(fit("ab\\\\cdefgh", 5), "ab\\\\…");  // an escaped backslash pair stays whole
}

TEST(TextFit, RepairsInvalidUtf8) {
  std::string bad = "공연\xff\xfe 티켓\xc3";
  std::string out = fit(bad, 100);
  EXPECT_EQ(out, "공연\uFFFD\uFFFD 티켓\uFFFD");
  EXPECT_NO_THROW(nlohmann::json(out).dump());
}

TEST(TextFit, ZeroLimitGivesEmpty) { EXPECT_EQ(fit("abc", 0), ""); }

}  // namespace
}  // namespace ta
