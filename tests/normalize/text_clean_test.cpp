#include "normalize/text_clean.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ta {
namespace {

TEST(CleanText, FollowsTheContract) {
  struct Row {
    std::string input;
    std::string expected;
  };
  const std::vector<Row> rows = {
      {"뮤지컬 〈레미제라블〉", "뮤지컬 〈레미제라블〉"},
      {"", ""},
      {"   ", ""},
      // Zero-width characters vanish without leaving a space.
      {"뮤지\xE2\x80\x8B컬", "뮤지컬"},
      {"\xEF\xBB\xBF뮤지컬\xE2\x80\x8C \xE2\x80\x8D", "뮤지컬"},
      {"&#8203;뮤지컬", "뮤지컬"},
      // Entities: named, decimal, hex; decoded once only.
      {"Tom &amp; Jerry", "Tom & Jerry"},
      {"&lt;뮤지컬 X&gt;", "<뮤지컬 X>"},
      {"&quot;Q&quot; &#39;A&#39; &apos;B&apos;", "\"Q\" 'A' 'B'"},
      {"&lsaquo;스페셜&rsaquo;", "‹스페셜›"},
      {"&#xAC00;&#X41;&#65;", "가AA"},
      {"&amp;lt;", "&lt;"},
      {"AT&T R&D &unknown; &#; &lsaquo", "AT&T R&D &unknown; &#; &lsaquo"},
      // HTML5 leniency, as browsers and Python's html.unescape show it.
      {"a &amp b", "a & b"},
      {"&copy2025 &#39A&#39", "©2025 'A'"},
      {"&#0;&#xD800;&#x110000;", "\uFFFD\uFFFD\uFFFD"},
      {"&#150; &#128;", "– €"},
      // Tags go; angle brackets used as punctuation stay.
      {"<b>굵게</b> 보통", "굵게 보통"},
      {"<span class=\"tit\">뮤지컬</span>", "뮤지컬"},
      {"<a href='/x?a=1&b=>2'>링크</a>", "링크"},
      // "Drop tags": nothing is put in their place.
      {"한 줄<br>두 줄<br/>세 줄<BR />끝", "한 줄두 줄세 줄끝"},
      {"<p>문단</p>\n<p>다음</p>", "문단 다음"},
      {"<!-- 주석 -->본문", "본문"},
      {"<뮤지컬 X>", "<뮤지컬 X>"},
      {"<뮤지컬 〈X〉>", "<뮤지컬 〈X〉>"},
      {"‹스페셜>", "‹스페셜>"},
      {"[단독] ‹스페셜> 콘서트", "[단독] ‹스페셜> 콘서트"},
      {"<Mamma Mia!> 내한", "<Mamma Mia!> 내한"},
      {"<RENT> 20주년", "<RENT> 20주년"},
      {"a < b > c", "a < b > c"},
      {"3 <5", "3 <5"},
      // Entities are decoded first, so an escaped real tag is a tag too.
      {"&lt;b&gt;굵게&lt;/b&gt;", "굵게"},
      {"&lt;Mamma Mia!&gt;", "<Mamma Mia!>"},
      // nbsp and every kind of whitespace collapse to one space.
      {"A\xC2\xA0\xC2\xA0" "B", "A B"},
      {"A&nbsp;B", "A B"},
      {"\t 첫째\n\n 둘째\r\n", "첫째 둘째"},
      {"전각\xE3\x80\x80공백", "전각 공백"},
      {"  앞뒤  ", "앞뒤"},
      // Nothing else changes.
      {"[단독판매] 2025 콘서트 - 서울 (추가오픈)", "[단독판매] 2025 콘서트 - 서울 (추가오픈)"},
      {"\xFF\xFE broken", "\xFF\xFE broken"},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(r.input);
    EXPECT_EQ(clean_text(r.input), r.expected);
  }
}

}  // namespace
}  // namespace ta

namespace ta {
namespace {

TEST(CleanText, StripsControlAndBidiCharactersButKeepsEmojiSequences) {
  EXPECT_EQ(clean_text(std::string("콘서트\0티켓", 16)), "콘서트티켓");
  EXPECT_EQ(clean_text("\x1b[31m빨간\x1b[0m 공지"), "[31m빨간[0m 공지");
  EXPECT_EQ(clean_text("뮤지컬 \xc2\x9b시카고"), "뮤지컬 시카고");  // C1 CSI
  EXPECT_EQ(clean_text("티켓\u202e오픈\u202c \u2066x\u2069 \u200f"), "티켓오픈 x");
  EXPECT_EQ(clean_text("가족 👨\u200d👩\u200d👧\u200d👦 뮤지컬"), "가족 👨\u200d👩\u200d👧\u200d👦 뮤지컬");
  EXPECT_EQ(clean_text("🏳️\u200d🌈 페스티벌"), "🏳️\u200d🌈 페스티벌");
  EXPECT_EQ(clean_text("아이\u200d유 \u200d콘서트"), "아이유 콘서트") << "a ZWJ outside an emoji sequence goes";
  EXPECT_EQ(clean_text("탭\t줄\n바꿈"), "탭 줄 바꿈");
}

}  // namespace
}  // namespace ta
