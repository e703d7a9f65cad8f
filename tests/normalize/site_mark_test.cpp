// Which notices the site itself marks as a change or a cancellation: real titles and categories
// from ../shared/captures (YES24 변경/취소 rows, Melon's [오픈일 변경]) and ones like them.
#include <gtest/gtest.h>

#include "normalize/site_mark.h"

namespace ta {
namespace {

struct Case {
  const char* title;
  const char* category;
  SiteMark expected;
};

TEST(SiteMark, TitlesAndCategories) {
  const Case cases[] = {
      {"IDOL RADIO Special : SUPER VIBE KOREA 출연진 변경, 재오픈 및 환불 안내", "변경/취소", SiteMark::changed},
      {"2026 겨울 재즈 나이트 [SNOWFALL] 공연 일정 변경 및 환불 안내", "변경/취소", SiteMark::changed},
      {"뮤지컬 〈레베카〉 공연 취소 및 환불 안내", "변경/취소", SiteMark::cancelled},
      {"뮤지컬 〈레베카〉 공연 취소 안내", "취소", SiteMark::cancelled},
      {"[오픈일 변경] 아사달 전국투어 단독콘서트 ‘위상특별시’ 티켓 오픈 안내", "", SiteMark::changed},
      {"［오픈연기］ 2026 아이유 콘서트 티켓오픈 안내", "", SiteMark::changed},
      {"【일정변경】 연극 햄릿", "일반예매", SiteMark::changed},
      {"[공연취소] 연극 햄릿", "", SiteMark::cancelled},
      {"(판매 취소) 연극 햄릿", "", SiteMark::cancelled},
      {"[단독] 아이유 콘서트 티켓오픈 안내", "", SiteMark::none},
      {"2026 아이유 콘서트 좌석 변경 안내", "", SiteMark::none},  // a word in the title is not a mark
      {"[부산] 2025 손태진 전국투어 콘서트 〈It’s Son Time〉 티켓 오픈 안내", "티켓오픈", SiteMark::none},
      {"연극 햄릿", "선예매", SiteMark::none},
  };
  for (const auto& c : cases) EXPECT_EQ(site_mark_of(c.title, c.category), c.expected) << c.title << " / " << c.category;
}

TEST(SiteMark, StoredWordsRoundTrip) {
  for (SiteMark m : {SiteMark::none, SiteMark::changed, SiteMark::cancelled}) EXPECT_EQ(site_mark_from(to_string(m)), m);
  EXPECT_EQ(site_mark_from("garbage"), SiteMark::none);
  EXPECT_EQ(site_mark_korean(SiteMark::changed), "일정 변경");
  EXPECT_EQ(site_mark_korean(SiteMark::cancelled), "취소");
}

}  // namespace
}  // namespace ta
