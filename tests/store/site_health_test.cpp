// The canary's verdict from one crawl after another: far fewer items than usual, items without a
// title or an opening, or nothing extracted, several crawls in a row, make a site "broken"; the
// first crawl that looks like the site makes it healthy again. The verdict survives a reopen.
#include <gtest/gtest.h>

#include "store_fixture.h"

namespace ta::testing {
namespace {

using SiteHealthTest = StoreTest;

CrawlShape ok_crawl(int items, int without_opening = 0, int untitled = 0) {
  CrawlShape s;
  s.ok = true;
  s.items = items;
  s.without_opening = without_opening;
  s.untitled = untitled;
  s.strategy = "api";
  return s;
}

// A successful crawl as the monitor records it: judged, then its cycle stored.
SiteHealth crawl(Store& store, const CrawlShape& shape, std::time_t at) {
  SiteHealth h = store.judge_site_health("interpark", shape, at, 3).health;
  store.record_cycle({"interpark", at, 2000, shape.items, 0, shape.strategy, shape.ok ? "" : shape.error});
  return h;
}

TEST_F(SiteHealthTest, AListThatShrinksByFourFifthsForThreeCrawlsIsBroken) {
  Store store(db_path());
  std::time_t t = now_;
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(crawl(store, ok_crawl(40), t += 60).broken);
  EXPECT_FALSE(crawl(store, ok_crawl(5), t += 60).broken);
  EXPECT_FALSE(crawl(store, ok_crawl(5), t += 60).broken) << "two odd crawls are not enough";
  const SiteHealth broken = crawl(store, ok_crawl(5), t += 60);
  EXPECT_TRUE(broken.broken);
  EXPECT_EQ(broken.reason, "최근 3번 연속 공지 5건 — 보통 40건에서 80% 넘게 줄었습니다");
  EXPECT_EQ(broken.strategy, "api");
  EXPECT_EQ(broken.since, t);
  EXPECT_FALSE(broken.told_broken);

  store.mark_site_health_told("interpark", true);
  Store reopened(db_path());
  const SiteHealth again = crawl(reopened, ok_crawl(6), t += 60);
  EXPECT_TRUE(again.broken);
  EXPECT_TRUE(again.told_broken) << "what the ops channel was told is kept";
  EXPECT_EQ(again.since, broken.since);

  // However long it stays broken, its low counts never become "usual".
  for (int i = 0; i < 12; ++i) EXPECT_TRUE(crawl(reopened, ok_crawl(5), t += 60).broken) << i;

  const SiteHealth healthy = crawl(reopened, ok_crawl(38), t += 60);
  EXPECT_FALSE(healthy.broken);
  EXPECT_EQ(healthy.reason, "공지 38건");
  EXPECT_TRUE(healthy.told_broken) << "the recovery is still to be told";
}

TEST_F(SiteHealthTest, AnUpgradedStoreStartsFromItsRecordedCrawls) {
  Store store(db_path());
  std::time_t t = now_;
  for (int i = 0; i < 6; ++i) store.record_cycle({"interpark", t += 60, 2000, 40, 0, "api", ""});
  for (int i = 0; i < 2; ++i) EXPECT_FALSE(crawl(store, ok_crawl(3), t += 60).broken);
  EXPECT_TRUE(crawl(store, ok_crawl(3), t += 60).broken);
}

TEST_F(SiteHealthTest, ASmallOrYoungSiteIsNeverCalledShrunk) {
  Store store(db_path());
  std::time_t t = now_;
  for (int i = 0; i < 4; ++i) crawl(store, ok_crawl(40), t += 60);
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(crawl(store, ok_crawl(2), t += 60).broken) << "no usual count yet";
  Store other(database_path((dir_ / "small").string()));
  for (int i = 0; i < 8; ++i) crawl(other, ok_crawl(8), t += 60);
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(crawl(other, ok_crawl(1), t += 60).broken) << "8 is too few to judge";
}

TEST_F(SiteHealthTest, ItemsWithoutTitlesOrOpeningsForThreeCrawlsAreBroken) {
  Store store(db_path());
  std::time_t t = now_;
  EXPECT_FALSE(crawl(store, ok_crawl(20, 3), t += 60).broken) << "some notices have no time: normal";
  for (int i = 0; i < 2; ++i) crawl(store, ok_crawl(10, 8, 10), t += 60);
  const SiteHealth h = crawl(store, ok_crawl(10, 8, 10), t += 60);
  EXPECT_TRUE(h.broken);
  EXPECT_EQ(h.reason, "최근 3번 연속 공지 20건 중 18건에 제목이나 오픈 일정이 없습니다");
}

TEST_F(SiteHealthTest, NothingExtractedThreeTimesIsBrokenOtherFailuresAreNot) {
  Store store(db_path());
  std::time_t t = now_;
  CrawlShape timeout;
  timeout.error = "페이지 load 대기 시간 초과";
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(crawl(store, timeout, t += 60).broken) << "a slow site is not a broken script";
  CrawlShape empty;
  empty.extraction_failed = true;
  empty.strategy = "dom";
  empty.error = "https://tickets.interpark.com/contents/notice: 항목 0건";
  crawl(store, empty, t += 60);
  crawl(store, empty, t += 60);
  const SiteHealth h = crawl(store, empty, t += 60);
  EXPECT_TRUE(h.broken);
  EXPECT_EQ(h.reason, "최근 3번 연속 추출 결과 없음 — https://tickets.interpark.com/contents/notice: 항목 0건");
  EXPECT_EQ(store.site_health().size(), 1u);
}

}  // namespace
}  // namespace ta::testing
