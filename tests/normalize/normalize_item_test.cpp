#include "normalize/normalize_item.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "normalize/clock.h"
#include "normalize/ticket_id.h"

namespace ta {
namespace {

const char* const kPage = "https://ticket.melon.com/csoon/index.htm";

Ticket normalize(const nlohmann::json& item) {
  return normalize_item(item, "melon", "멜론티켓", kPage, test::default_now());
}

TEST(NormalizeItem, CleansAndResolvesAFullRawItem) {
  const auto item = nlohmann::json::parse(R"json({
    "id": 11468,
    "title": "\u200b<b>뮤지컬 &lt;레미제라블&gt;</b>&nbsp; 10주년\n 기념공연",
    "open_text": "06.26(목) 14:00",
    "open_at": 1751526000000,
    "open_type": " 토핑선예매 ",
    "venue": "블루스퀘어&nbsp;신한카드홀",
    "url": "detail.htm?csoonId=11468",
    "image": "//cdnticket.melon.co.kr/poster.jpg",
    "badges": ["단독판매", " HOT ", "", "단독판매", "<span>토핑선예매</span>", 3, null],
    "genre": "뮤지컬"
  })json");
  Ticket t = normalize(item);
  EXPECT_EQ(t.site, "melon");
  EXPECT_EQ(t.site_name, "멜론티켓");
  EXPECT_EQ(t.id, "11468");
  EXPECT_EQ(t.title, "뮤지컬 <레미제라블> 10주년 기념공연");
  // The structured open_at wins over the shown text.
  EXPECT_EQ(t.open_at, "2025-07-03T16:00:00+09:00");
  EXPECT_EQ(t.open_text, "06.26(목) 14:00");
  EXPECT_EQ(t.open_type, "presale");
  EXPECT_EQ(t.open_type_label, "토핑선예매");
  EXPECT_EQ(t.venue, "블루스퀘어 신한카드홀");
  EXPECT_EQ(t.url, "https://ticket.melon.com/csoon/detail.htm?csoonId=11468");
  EXPECT_EQ(t.image, "https://cdnticket.melon.co.kr/poster.jpg");
  EXPECT_EQ(t.badges, (std::vector<std::string>{"단독판매", "HOT", "토핑선예매"}));
  EXPECT_EQ(t.genre, "뮤지컬");
}

TEST(NormalizeItem, ParsesOpenTextAndHashesWhenThereIsNoIdOrOpenAt) {
  Ticket t = normalize({{"title", "콘서트 X 티켓 오픈 안내"}, {"open_text", "06.26(목) 14:00"}});
  EXPECT_EQ(t.open_at, "2025-06-26T14:00:00+09:00");
  EXPECT_EQ(t.open_type, "general");
  EXPECT_EQ(t.open_type_label, "");
  EXPECT_EQ(t.id, ticket_id("", "콘서트 X 티켓 오픈 안내", ""));
  EXPECT_EQ(t.url, "");
  EXPECT_EQ(t.image, "");
  EXPECT_TRUE(t.badges.empty());
}

TEST(NormalizeItem, TheHashIdIgnoresTheOpenTimeSoAPostponedNoticeKeepsIt) {
  Ticket t = normalize({{"title", "콘서트 X"}, {"venue", "KSPO DOME"}, {"open_text", " 오픈일정 보기 "}});
  EXPECT_EQ(t.open_at, std::nullopt);
  EXPECT_EQ(t.open_text, "오픈일정 보기");
  EXPECT_EQ(t.id, ticket_id("", "콘서트 X", "KSPO DOME"));
  Ticket postponed = normalize({{"title", "콘서트 X"}, {"venue", "KSPO DOME"}, {"open_text", "07.01(화) 20:00"}});
  EXPECT_EQ(postponed.id, t.id);
}

TEST(NormalizeItem, ReadsStringIdsAndIsoOpenAt) {
  Ticket t = normalize({{"id", "P-123"}, {"title", "X"}, {"open_at", "2025-07-03T07:00:00Z"}});
  EXPECT_EQ(t.id, "P-123");
  EXPECT_EQ(t.open_at, "2025-07-03T16:00:00+09:00");
}

TEST(NormalizeItem, FallsBackToOpenTextWhenOpenAtIsUnreadable) {
  Ticket t = normalize({{"title", "X"}, {"open_at", "미정"}, {"open_text", "2025.07.03(목) 16:00"}});
  EXPECT_EQ(t.open_at, "2025-07-03T16:00:00+09:00");
}

TEST(NormalizeItem, TreatsGarbageFieldsAsEmptyWithoutThrowing) {
  struct Row {
    const char* name;
    nlohmann::json item;
  };
  const std::vector<Row> rows = {
      {"wrong types", nlohmann::json::parse(R"json({
         "id": {"x": 1}, "title": 42, "open_text": ["06.26 14:00"], "open_at": {"ms": 1},
         "open_type": false, "venue": 3.5, "url": 7, "image": [], "badges": "HOT", "genre": null})json")},
      {"nulls", nlohmann::json::parse(R"json({
         "id": null, "title": null, "open_text": null, "open_at": null, "open_type": null,
         "venue": null, "url": null, "image": null, "badges": null, "genre": null})json")},
      {"empty object", nlohmann::json::object()},
      {"not an object", nlohmann::json::array({1, 2})},
      {"a string", "title"},
      {"null", nullptr},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(r.name);
    Ticket t;
    ASSERT_NO_THROW(t = normalize(r.item));
    EXPECT_EQ(t.site, "melon");
    EXPECT_EQ(t.site_name, "멜론티켓");
    EXPECT_EQ(t.title, "");
    EXPECT_EQ(t.open_at, std::nullopt);
    EXPECT_EQ(t.open_text, "");
    EXPECT_EQ(t.open_type, "general");
    EXPECT_EQ(t.open_type_label, "");
    EXPECT_EQ(t.venue, "");
    EXPECT_EQ(t.url, "");
    EXPECT_EQ(t.image, "");
    EXPECT_TRUE(t.badges.empty());
    EXPECT_EQ(t.genre, "");
    EXPECT_EQ(t.id, ticket_id("", "", ""));
  }
}

TEST(NormalizeItem, KeepsNumericIdsReadable) {
  EXPECT_EQ(normalize({{"id", 11468.0}, {"title", "X"}}).id, "11468");
  EXPECT_EQ(normalize({{"id", 0}, {"title", "X"}}).id, "0");
  EXPECT_EQ(normalize({{"id", ""}, {"title", "X"}}).id, ticket_id("", "X", ""));
}

TEST(NormalizeItem, RoundTripsThroughTheJsonShape) {
  Ticket t = normalize({{"id", 1}, {"title", "X"}, {"open_text", "오픈일정 보기"}, {"badges", {"HOT"}}});
  nlohmann::json j = to_json(t);
  EXPECT_TRUE(j["open_at"].is_null());
  EXPECT_EQ(j["open_type"], "general");
  EXPECT_EQ(to_json(ticket_from_json(j)), j);
}

}  // namespace
}  // namespace ta
