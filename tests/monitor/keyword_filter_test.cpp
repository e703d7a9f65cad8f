// KEYWORDS as fans type them: forty-odd titles like the sites' (the fixtures', the shared
// captures') against keywords, the shipped aliases and excludes. Spacing, case, full-width forms
// and bracket styles make no difference; an alias finds the other names of its act; a short
// Latin name is a word, not a piece of another word.
#include <gtest/gtest.h>

#include "config/aliases.h"
#include "monitor/keyword_filter.h"
#include "util/text_file.h"

namespace ta {
namespace {

struct Row {
  const char* title;
  std::vector<std::string> keywords;
  std::vector<std::string> exclude;
  bool wanted;
};

KeywordFilter::Groups shipped_aliases() {
  const std::string path = std::string(TA_TEST_SOURCE_DIR) + "/config/aliases.json";
  const auto text = read_text_file(path);
  EXPECT_TRUE(text) << path;
  return parse_alias_groups(text.value_or("[]"), path);
}

Ticket titled(const std::string& title, const std::string& venue = "") {
  Ticket t;
  t.title = title;
  t.venue = venue;
  return t;
}

TEST(KeywordFilter, FortyTitlesAgainstKeywordsAliasesAndExcludes) {
  const std::vector<Row> rows = {
      // Spacing, case and width.
      {"2025 아이유 콘서트 〈HEREH WORLD TOUR〉 - 서울", {"아이유콘서트"}, {}, true},
      {"2025 아이유콘서트 앙코르", {"아이유 콘서트"}, {}, true},
      {"아이유　콘서트 (전각 공백)", {"아이유 콘서트"}, {}, true},
      {"ＩＵ ＣＯＮＣＥＲＴ ２０２５", {"iu concert"}, {}, true},
      {"2025 STELLA WORLD TOUR 〈ORBIT〉 IN SEOUL", {"stella world tour"}, {}, true},
      {"2025 STELLA WORLD TOUR 〈ORBIT〉 IN BUSAN", {"Stellaworldtour"}, {}, true},
      {"2026 KSPO DOME 〈BLOOM FESTA〉 선예매 티켓 오픈 안내", {"kspodome"}, {}, true},
      // Bracket styles.
      {"2025 노을 트리오 전국투어 <여름 편지> - 수원 티켓오픈 안내", {"〈여름 편지〉"}, {}, true},
      {"2025 서도윤 전국투어 콘서트 ［온기］ - 부산", {"[온기]"}, {}, true},
      {"2025 이루다 콘서트 ［RE:BLOOM］ - 서울", {"re bloom"}, {}, true},
      {"2026 서윤결 팬미팅 ［Hello, Again］ 팬클럽 선예매 티켓 오픈 안내", {"hello again"}, {}, true},
      {"2026 HANARO FANMEETING ‘With You’ 티켓 오픈 안내", {"'with you'"}, {}, true},
      // Aliases (config/aliases.json).
      {"IU HEREH WORLD TOUR CONCERT ENCORE : THE WINNING", {"아이유"}, {}, true},
      {"이지은 팬미팅 〈Dear. 유애나〉", {"IU"}, {}, true},
      {"2025 아이유 콘서트", {"이지은"}, {}, true},
      {"BTS WORLD TOUR 'LOVE YOURSELF' SEOUL", {"방탄소년단"}, {}, true},
      {"방탄소년단 〈PERMISSION TO DANCE〉 ON STAGE", {"bts"}, {}, true},
      {"SEVENTEEN TOUR 'FOLLOW' TO SEOUL", {"세븐틴"}, {}, true},
      {"세븐틴 팬미팅 〈CARAT LAND〉", {"svt"}, {}, true},
      {"Stray Kids 5-STAR Dome Tour", {"스키즈"}, {}, true},
      {"TXT 〈ACT : PROMISE〉 ENCORE", {"투모로우바이투게더"}, {}, true},
      {"NCT DREAM TOUR 'THE DREAM SHOW3'", {"엔시티 드림"}, {}, true},
      {"G-DRAGON 2025 WORLD TOUR [Übermensch]", {"지드래곤"}, {}, true},
      {"싸이 흠뻑쇼 SUMMERSWAG 2025 - 서울", {"PSY"}, {}, true},
      // A short Latin name is a word of its own, a Hangul one may carry a particle.
      {"IUNIVERSE 팬 파티", {"IU"}, {}, false},
      {"GDANSK 필하모닉 내한공연", {"GD"}, {}, false},
      {"아이유의 팔레트 라이브", {"아이유"}, {}, true},
      {"[IU] 투어 굿즈 판매 안내", {"iu"}, {}, true},
      {"IU콘서트 추가 오픈", {"IU"}, {}, true},
      // Nothing matches.
      {"2025 가을 음악회 〈단풍 편지〉", {"아이유", "BTS"}, {}, false},
      {"2025 트로트 대잔치 <흥부자> - 청주 티켓오픈 안내", {"임영웅"}, {}, false},
      {"2025 국악 한마당 〈소리의 길〉", {"재즈"}, {}, false},
      {"DAWN ORCHESTRA CONCERT : 새벽의 교향곡 티켓 오픈 안내", {"새벽의교향곡"}, {}, true},
      // Excludes, spacing-insensitive and with aliases too.
      {"2025 아이유 콘서트 - 부산", {"아이유"}, {"부 산"}, false},
      {"BTS 굿즈 판매 안내", {"방탄소년단"}, {"굿즈"}, false},
      {"방탄소년단 콘서트 중계 안내", {}, {"BTS"}, false},
      {"2025 여름 재즈 페스티벌 〈Blue Night〉", {}, {"아이유"}, true},
      {"2025 재즈 & 와인 페스티벌 - 인천 티켓오픈 안내", {"재즈"}, {"와인페스티벌"}, false},
      {"2026 어린이 뮤지컬 〈구름빵 친구들〉 티켓오픈 안내", {}, {"어린이"}, false},
      {"2026 신년 재즈 콘서트 〈Blue Note Seoul〉 2차 티켓 오픈 안내", {"blue note"}, {"3차"}, true},
      // No KEYWORDS: everything not excluded.
      {"2026 현악 사중주 [네 개의 계절] 티켓 오픈 안내", {}, {}, true},
      {"2025 월드 e스포츠 챌린지 결승", {"E스포츠"}, {}, true},
  };
  ASSERT_GE(rows.size(), 40u);
  const auto aliases = shipped_aliases();
  for (const auto& r : rows) {
    KeywordFilter filter(r.keywords, {}, r.exclude, aliases);
    EXPECT_EQ(filter.wanted(titled(r.title)), r.wanted) << r.title << " / " << ::testing::PrintToString(r.keywords)
                                                        << " / " << ::testing::PrintToString(r.exclude);
  }
}

TEST(KeywordFilter, TheVenueCountsAndPriorityFollowsTheSameRules) {
  KeywordFilter filter({"KSPO DOME"}, {"아이유"}, {}, shipped_aliases());
  EXPECT_TRUE(filter.wanted(titled("NCT DREAM 팬미팅", "KSPO DOME (올림픽체조경기장)")));
  EXPECT_TRUE(filter.wanted(titled("IU 콘서트", "상암 월드컵경기장"))) << "a priority keyword is wanted too";
  EXPECT_TRUE(filter.priority(titled("이지은 팬미팅")));
  EXPECT_FALSE(filter.priority(titled("NCT DREAM 팬미팅", "KSPO DOME")));
  const auto hit = filter.match(KeywordFilter::List::priority, titled("이지은 팬미팅"));
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->keyword, "아이유");
  EXPECT_EQ(hit->found_as, "이지은");
}

TEST(KeywordFilter, AKeywordOfOnlyPunctuationMatchesNothing) {
  KeywordFilter filter({"[]", "  "}, {}, {});
  EXPECT_TRUE(filter.wanted(titled("아무 공연"))) << "an empty keyword list after folding lets everything through";
  KeywordFilter with_real({"[]", "연극"}, {}, {});
  EXPECT_FALSE(with_real.wanted(titled("아무 공연")));
  EXPECT_TRUE(with_real.wanted(titled("연극 햄릿")));
}

TEST(AliasFile, MistakesNameTheFileAndTheEntry) {
  try {
    parse_alias_groups(R"({"aliases": [["아이유", "IU"], ["BTS", 7]]})", "my-aliases.json");
    FAIL() << "a number is no name";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("my-aliases.json"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("aliases[1][1]"), std::string::npos) << e.what();
  }
  EXPECT_THROW(parse_alias_groups(R"([["아이유", ""]])", "a.json"), ConfigError);
  EXPECT_THROW(parse_alias_groups(R"({"aliases": [["아이유" "IU"]]})", "a.json"), ConfigError);
  EXPECT_EQ(parse_alias_groups("// 주석\n[[\"아이유\", \"IU\"], [\"혼자\"]]", "a.json").size(), 1u)
      << "comments are fine; a group of one name means nothing";
  EXPECT_GE(shipped_aliases().size(), 20u);
}

}  // namespace
}  // namespace ta
