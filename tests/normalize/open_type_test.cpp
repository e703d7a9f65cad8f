#include "normalize/open_type.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ta {
namespace {

TEST(ClassifyOpenType, AppliesTheRulesInOrder) {
  struct Row {
    std::string label;
    std::string title;
    std::string code;
    std::string shown_label;
  };
  const std::vector<Row> rows = {
      {"일반예매", "뮤지컬 X", "general", "일반예매"},
      {"선예매", "뮤지컬 X", "presale", "선예매"},
      {"토핑선예매", "뮤지컬 X", "presale", "토핑선예매"},
      {"팬클럽 선예매", "콘서트", "fanclub", "팬클럽 선예매"},
      {"멤버십 선예매", "콘서트", "fanclub", "멤버십 선예매"},
      {"선행예매", "콘서트", "presale", "선행예매"},
      {"사전예매", "콘서트", "presale", "사전예매"},
      {"Presale", "Concert", "presale", "Presale"},
      {"2차티켓오픈", "뮤지컬 X", "nth_round", "2차티켓오픈"},
      {"2차 티켓오픈", "뮤지컬 X", "nth_round", "2차 티켓오픈"},
      {"10차 오픈", "뮤지컬 X", "nth_round", "10차 오픈"},
      {"2차 선예매", "뮤지컬 X", "presale", "2차 선예매"},
      {"마지막 티켓 오픈", "뮤지컬 X", "last", "마지막 티켓 오픈"},
      {"티켓오픈", "뮤지컬 X", "general", "티켓오픈"},
      {"티켓 오픈", "뮤지컬 X", "general", "티켓 오픈"},
      {"오픈", "뮤지컬 X", "general", "오픈"},
      {"변경/취소", "[선예매] 뮤지컬 X", "other", "변경/취소"},
      {"차수 추가", "뮤지컬 X", "other", "차수 추가"},
      // The label shown is cleaned, and its cleaned form is what gets classified.
      {" <b>선예매</b>&nbsp;", "뮤지컬 X", "presale", "선예매"},
      {"\xE2\x80\x8B", "[선예매] 뮤지컬 X", "presale", ""},
      // Without a label, the title decides; silence means general.
      {"", "뮤지컬 X 티켓 오픈 안내", "general", ""},
      {"", "[선예매] 뮤지컬 X", "presale", ""},
      {"", "[팬클럽 선예매] 콘서트", "fanclub", ""},
      {"", "뮤지컬 X 2차 티켓오픈 안내", "nth_round", ""},
      {"", "뮤지컬 X 마지막 티켓오픈", "last", ""},
      {"", "뮤지컬 X 캐스팅 변경 안내", "general", ""},
      {"", "", "general", ""},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE("label: [" + r.label + "] title: [" + r.title + "]");
    OpenType t = classify_open_type(r.label, r.title);
    EXPECT_EQ(t.code, r.code);
    EXPECT_EQ(t.label, r.shown_label);
  }
}

}  // namespace
}  // namespace ta

namespace ta {
namespace {

// Ticketlink shows no label: the dashboard and `crawl --format table` must still speak Korean.
TEST(OpenTypeDisplay, KoreanNameWhenThePageShowsNoLabel) {
  EXPECT_EQ(open_type_display("", "general"), "일반예매");
  EXPECT_EQ(open_type_display("", "nth_round"), "추가 오픈");
  EXPECT_EQ(open_type_display("", "fanclub"), "팬클럽 선예매");
  EXPECT_EQ(open_type_display("", "last"), "마지막 오픈");
  EXPECT_EQ(open_type_display("2차 티켓오픈", "nth_round"), "2차 티켓오픈");
  for (const std::string code : {"general", "presale", "fanclub", "nth_round", "last", "other"})
    EXPECT_EQ(open_type_korean(code).find('_'), std::string::npos) << code;
}

}  // namespace
}  // namespace ta
