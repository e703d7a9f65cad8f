// The openings rules of docs/ticket-format.md ("The normalised opening") and what counts as a
// change between two versions of a notice's openings.
#include <gtest/gtest.h>

#include "model/opening_changes.h"
#include "model/opening_set.h"
#include "model/ticket.h"
#include "normalize/kst_time.h"
#include "normalize/normalize_item.h"
#include "normalize/normalize_openings.h"

namespace ta {
namespace {

using nlohmann::json;

const std::time_t kNow = *parse_iso("2025-06-20T12:00:00+09:00");

TEST(NormalizeOpenings, CleansClassifiesAndOrdersByTimeWithTimelessLast) {
  auto o = normalize_openings(json::parse(R"([
      {"label": "일반예매", "open_text": "2025.07.03(목) 20:00"},
      {"label": " <b>팬클럽</b> 선예매 ", "open_text": "07/01 (화) 20:00PM"},
      {"label": "2차 티켓오픈", "open_text": "추후 공지"},
      {"label": "선예매", "open_at": "2025-07-02T11:00:00Z"},
      {"label": "", "open_text": ""}])"),
                              kNow, "아이유 콘서트");
  ASSERT_EQ(o.size(), 4u);
  EXPECT_EQ(o[0], (Opening{"fanclub", "팬클럽 선예매", std::string("2025-07-01T20:00:00+09:00"), std::nullopt}));
  EXPECT_EQ(o[1], (Opening{"presale", "선예매", std::string("2025-07-02T20:00:00+09:00"), std::nullopt}));
  EXPECT_EQ(o[2], (Opening{"general", "일반예매", std::string("2025-07-03T20:00:00+09:00"), std::nullopt}));
  EXPECT_EQ(o[3], (Opening{"nth_round", "2차 티켓오픈", std::nullopt, 2}));
}

TEST(NormalizeOpenings, OneOpeningPerInstantTheMoreSpecificLabelWins) {
  auto o = normalize_openings(json::parse(R"([
      {"label": "오픈일", "open_text": "2025.07.01 20:00"},
      {"label": "팬클럽 선예매", "open_text": "07/01 20:00PM"},
      {"label": "일반예매", "open_text": "2025.07.01 20:00"},
      {"label": "2차", "open_text": "미정"}, {"label": "2차", "open_text": "추후"}])"),
                              kNow, "");
  ASSERT_EQ(o.size(), 2u);
  EXPECT_EQ(o[0].kind, "fanclub");
  EXPECT_EQ(o[0].label, "팬클럽 선예매");
  EXPECT_EQ(o[1].round, 2);
}

TEST(NormalizeOpenings, AnythingButAnArrayOfObjectsIsNoOpenings) {
  EXPECT_TRUE(normalize_openings(json("x"), kNow, "").empty());
  EXPECT_TRUE(normalize_openings(json::parse(R"([1, null, "a", {"label": 5}])"), kNow, "").empty());
}

TEST(NormalizeOpenings, AListRowIsItsHeadlineUnlessItNamesMore) {
  Ticket plain = normalize_item(json::parse(R"({"id": 1, "title": "공연 2차 티켓오픈", "open_type": "2차 티켓오픈",
                                               "open_text": "2025.07.03 20:00"})"),
                                "interpark", "인터파크", "https://tickets.interpark.com/", kNow);
  ASSERT_EQ(plain.openings.size(), 1u);
  EXPECT_EQ(plain.openings[0], headline_opening(plain));
  EXPECT_EQ(plain.openings[0].round, 2);

  Ticket row = normalize_item(json::parse(R"({"id": 2, "title": "콘서트", "open_type": "티켓오픈",
      "open_text": "2025.07.03 20:00", "openings": [{"label": "티켓오픈", "open_text": "2025.07.03 20:00"},
      {"label": "팬클럽 선예매", "open_text": "2025.07.02 20:00"}]})"),
                              "yes24", "YES24", "http://ticket.yes24.com/", kNow);
  ASSERT_EQ(row.openings.size(), 2u);
  EXPECT_EQ(row.openings[0].kind, "fanclub");
  EXPECT_EQ(row.open_at, "2025-07-03T20:00:00+09:00");  // the headline stays the row's own
}

TEST(MergeOpenings, DetailFirstThenWhatOnlyTheListNames) {
  const Opening general{"general", "일반예매", std::string("2025-07-03T20:00:00+09:00"), std::nullopt};
  const Opening presale{"presale", "선예매", std::string("2025-07-02T20:00:00+09:00"), std::nullopt};
  const Opening timeless{"general", "", std::nullopt, std::nullopt};
  EXPECT_EQ(merge_openings({presale, general}, {general}), (std::vector<Opening>{presale, general}));
  EXPECT_EQ(merge_openings({presale}, {general}), (std::vector<Opening>{presale, general}));
  EXPECT_EQ(merge_openings({presale}, {timeless}), (std::vector<Opening>{presale}));
}

TEST(OpeningChanges, MovedAddedRemovedAndWhatIsNoChange) {
  const Opening general{"general", "일반예매", std::string("2025-07-03T20:00:00+09:00"), std::nullopt};
  const Opening presale{"presale", "선예매", std::string("2025-07-02T20:00:00+09:00"), std::nullopt};
  Opening moved = presale;
  moved.at = "2025-07-02T18:00:00+09:00";
  const Opening second{"nth_round", "2차 티켓오픈", std::string("2025-07-09T20:00:00+09:00"), 2};

  EXPECT_TRUE(opening_changes({presale, general}, {presale, general}).empty());
  auto c = opening_changes({presale, general}, {moved, general, second});
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].kind, OpeningChange::Kind::moved);
  EXPECT_EQ(c[0].before.at, presale.at);
  EXPECT_EQ(c[1].kind, OpeningChange::Kind::added);
  EXPECT_EQ(c[1].after.label, "2차 티켓오픈");

  c = opening_changes({presale, general}, {general});
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kind, OpeningChange::Kind::removed);

  // A relabelled opening at the same instant, a lost time and a round learnt are no change.
  Opening relabelled = general;
  relabelled.label = "티켓오픈";
  EXPECT_TRUE(opening_changes({general}, {relabelled}).empty());
  Opening lost = general;
  lost.at.reset();
  EXPECT_TRUE(opening_changes({general}, {lost}).empty());
  Opening with_round = second;
  with_round.round.reset();
  EXPECT_TRUE(opening_changes({with_round}, {second}).empty());
  // A time announced for an opening that had none is a move from "미정".
  Opening undated = general;
  undated.label = "";
  undated.at.reset();
  c = opening_changes({undated}, {general});
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kind, OpeningChange::Kind::moved);
}

TEST(OpeningJson, RoundTripsAndOldPayloadsGetTheirHeadline) {
  Ticket t;
  t.title = "x";
  t.open_at = "2025-07-03T20:00:00+09:00";
  t.open_type = "general";
  t.open_type_label = "일반예매";
  t.openings = {Opening{"presale", "선예매", std::string("2025-07-02T20:00:00+09:00"), std::nullopt},
                headline_opening(t)};
  EXPECT_EQ(ticket_from_json(to_json(t)).openings, t.openings);
  json old = to_json(t);
  old.erase("openings");
  EXPECT_EQ(ticket_from_json(old).openings, (std::vector<Opening>{headline_opening(t)}));
  EXPECT_EQ(to_string(detail_state_from("failed")), std::string("failed"));
  EXPECT_EQ(detail_state_from("garbage"), DetailState::none);
}

}  // namespace
}  // namespace ta
