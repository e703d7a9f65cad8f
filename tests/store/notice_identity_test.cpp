// The same notice read through another extract layer (site id one time, a text hash the next) or
// with a hash that moved with its open time is one notice: never announced twice.
#include <gtest/gtest.h>

#include "store_fixture.h"

namespace ta::testing {
namespace {

class NoticeIdentityTest : public StoreTest {
 protected:
  CrawlPolicy policy() const { return policy_for_webhook("123"); }
  const std::string at_ = "2025-07-10T20:00:00+09:00";
  const std::string moved_ = "2025-07-12T20:00:00+09:00";
};

TEST_F(NoticeIdentityTest, AHashedItemIsTheStoredNoticeWithItsTitleAndVenue) {
  Store store(db_path());
  store.record_crawl("interpark", {make_ticket("10234", "뮤지컬 〈시카고〉", at_)}, now_, policy());
  // The DOM layer: no site id, slightly different spacing and brackets.
  auto out = store.record_crawl("interpark", {make_ticket("h-0123456789abcdef", "뮤지컬 <시카고>", at_)}, now_, policy());
  EXPECT_TRUE(out.new_tickets.empty());
  EXPECT_TRUE(out.queued.empty());
  EXPECT_FALSE(store.ticket("interpark", "h-0123456789abcdef")) << "no second notice is stored";
}

TEST_F(NoticeIdentityTest, APoorerLayerKeepsWhatItDoesNotShow) {
  Store store(db_path());
  Ticket rich = make_ticket("10234", "뮤지컬 〈시카고〉", at_, "fanclub");
  rich.open_type_label = "팬클럽 선예매";
  store.record_crawl("interpark", {rich}, now_, policy());
  Ticket poor = make_ticket("h-0123456789abcdef", "뮤지컬 〈시카고〉", std::nullopt, "general");
  poor.open_type_label = "";
  poor.venue = "";
  poor.url = "";
  auto out = store.record_crawl("interpark", {poor}, now_, policy());
  EXPECT_TRUE(out.updated_tickets.empty()) << "a guessed type or a missing time is not a change";
  EXPECT_TRUE(out.queued.empty());
  auto kept = store.ticket("interpark", "10234");
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->ticket.open_type, "fanclub");
  EXPECT_EQ(kept->ticket.open_at, at_);
  EXPECT_EQ(kept->ticket.venue, rich.venue);
  EXPECT_EQ(kept->ticket.url, rich.url);
}

TEST_F(NoticeIdentityTest, ASiteIdLaterFindsTheNoticeFirstStoredUnderAHash) {
  Store store(db_path());
  store.record_crawl("interpark", {make_ticket("h-0123456789abcdef", "연극 〈고요한 아침〉", at_)}, now_, policy());
  auto out = store.record_crawl("interpark", {make_ticket("10234", "연극 〈고요한 아침〉", at_)}, now_, policy());
  EXPECT_TRUE(out.new_tickets.empty());
  EXPECT_TRUE(out.queued.empty());
}

TEST_F(NoticeIdentityTest, APostponedHashedNoticeIsAnUpdateNotANewNotice) {
  Store store(db_path());
  store.record_crawl("interpark", {make_ticket("h-aaaaaaaaaaaaaaaa", "오페라 〈라 트라비아타〉", at_)}, now_, policy());
  for (const auto& d : store.due_deliveries("123", now_, 10)) store.mark_sent(d.id, "m", now_);
  auto out = store.record_crawl("interpark", {make_ticket("h-bbbbbbbbbbbbbbbb", "오페라 〈라 트라비아타〉", moved_)}, now_, policy());
  EXPECT_TRUE(out.new_tickets.empty());
  ASSERT_EQ(out.updated_tickets.size(), 1u);
  EXPECT_EQ(out.updated_tickets[0].id, "h-aaaaaaaaaaaaaaaa");
  ASSERT_EQ(out.queued.size(), 1u);
  EXPECT_EQ(store.delivery(out.queued[0])->kind, DeliveryKind::Update);
}

TEST_F(NoticeIdentityTest, TwoSiteIdsWithOneTitleAreTwoNotices) {
  Store store(db_path());
  store.record_crawl("interpark", {make_ticket("1", "티켓오픈 안내", at_)}, now_, policy());
  auto out = store.record_crawl("interpark", {make_ticket("2", "티켓오픈 안내", moved_)}, now_, policy());
  EXPECT_EQ(out.new_tickets.size(), 1u);
}

TEST_F(NoticeIdentityTest, AnotherVenueOrAnotherSiteIsAnotherNotice) {
  Store store(db_path());
  store.record_crawl("interpark", {make_ticket("h-aaaaaaaaaaaaaaaa", "뮤지컬 〈빛의 서커스〉", at_)}, now_, policy());
  Ticket elsewhere = make_ticket("h-bbbbbbbbbbbbbbbb", "뮤지컬 〈빛의 서커스〉", at_);
  elsewhere.venue = "광주 김대중컨벤션센터";
  EXPECT_EQ(store.record_crawl("interpark", {elsewhere}, now_, policy()).new_tickets.size(), 1u);
  EXPECT_EQ(store.record_crawl("yes24", {make_ticket("h-aaaaaaaaaaaaaaaa", "뮤지컬 〈빛의 서커스〉", at_)}, now_, policy())
                .new_tickets.size(),
            1u);
}

TEST_F(NoticeIdentityTest, OneCrawlNeverMapsTwoItemsOntoOneNotice) {
  Store store(db_path());
  store.record_crawl("interpark", {make_ticket("h-aaaaaaaaaaaaaaaa", "뮤지컬 〈붉은 정원〉", at_, "general")}, now_, policy());
  // Two rounds of one show, both hashed: the one at the stored time keeps the stored notice.
  auto out = store.record_crawl("interpark",
                                {make_ticket("h-cccccccccccccccc", "뮤지컬 〈붉은 정원〉", moved_, "nth_round"),
                                 make_ticket("h-dddddddddddddddd", "뮤지컬 〈붉은 정원〉", at_, "general")},
                                now_, policy());
  ASSERT_EQ(out.new_tickets.size(), 1u);
  EXPECT_EQ(out.new_tickets[0].id, "h-cccccccccccccccc");
  EXPECT_EQ(out.items, 2);
}

}  // namespace
}  // namespace ta::testing
