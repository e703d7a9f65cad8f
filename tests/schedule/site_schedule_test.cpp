// When sites are visited: backoff after answers that say "slow down", per-host spacing, jitter.
#include <gtest/gtest.h>

#include "monitor/keyword_filter.h"
#include "monitor/site_schedule.h"

namespace ta {
namespace {

using Clock = SiteSchedule::Clock;
using std::chrono::seconds;

CrawlResult failed(CrawlErrorKind kind, int status = 0) {
  CrawlResult r;
  r.error_kind = kind;
  r.http_status = status;
  return r;
}

CrawlResult succeeded() {
  CrawlResult r;
  r.ok = true;
  return r;
}

TEST(SiteSchedule, BacksOffExponentiallyAfterLockedOrRateLimitedAnswersUpToTheCap) {
  SiteSchedule schedule(300, 0, 3600, 1);
  const SiteDescriptor melon = melon_site();
  const Clock::time_point t0 = Clock::now();
  EXPECT_TRUE(schedule.due(melon, t0));
  const std::vector<long> expected = {300, 600, 1200, 2400, 3600, 3600};
  for (size_t i = 0; i < expected.size(); ++i) {
    schedule.record(melon, failed(CrawlErrorKind::http_status, i % 2 ? 429 : 423), t0);
    EXPECT_EQ(std::chrono::duration_cast<seconds>(schedule.next_run("melon") - t0).count(), expected[i]) << i;
    EXPECT_FALSE(schedule.due(melon, t0 + seconds(expected[i] - 1)));
  }
  EXPECT_EQ(schedule.failures("melon"), 6);
  schedule.record(melon, succeeded(), t0);
  EXPECT_EQ(schedule.failures("melon"), 0);
  EXPECT_TRUE(schedule.due(melon, t0 + seconds(100)));
}

TEST(SiteSchedule, TimeoutsAnd403BackOffButScriptErrorsDoNot) {
  EXPECT_TRUE(SiteSchedule::asks_to_slow_down(failed(CrawlErrorKind::timeout)));
  EXPECT_TRUE(SiteSchedule::asks_to_slow_down(failed(CrawlErrorKind::http_status, 403)));
  EXPECT_FALSE(SiteSchedule::asks_to_slow_down(failed(CrawlErrorKind::http_status, 404)));
  EXPECT_FALSE(SiteSchedule::asks_to_slow_down(failed(CrawlErrorKind::script)));
  SiteSchedule schedule(300, 0, 3600, 1);
  const Clock::time_point t0 = Clock::now();
  schedule.record(interpark_site(), failed(CrawlErrorKind::script), t0);
  EXPECT_EQ(schedule.failures("interpark"), 1);
  EXPECT_TRUE(schedule.due(interpark_site(), t0 + seconds(10)));
}

TEST(SiteSchedule, OneFailingSiteDoesNotDelayAnother) {
  SiteSchedule schedule(300, 0, 3600, 1);
  const Clock::time_point t0 = Clock::now();
  schedule.record(melon_site(), failed(CrawlErrorKind::http_status, 429), t0);
  EXPECT_FALSE(schedule.due(melon_site(), t0 + seconds(60)));
  EXPECT_TRUE(schedule.due(yes24_site(), t0 + seconds(60)));
}

TEST(SiteSchedule, KeepsAMinimumSpacingPerHost) {
  SiteSchedule schedule(300, 0, 3600, 1);
  const SiteDescriptor melon = melon_site();
  const Clock::time_point t0 = Clock::now();
  schedule.visited(melon, t0);
  EXPECT_FALSE(schedule.due(melon, t0 + seconds(melon.min_host_spacing_s - 1)));
  EXPECT_TRUE(schedule.due(melon, t0 + seconds(melon.min_host_spacing_s)));
}

TEST(SiteSchedule, CyclesAreSpacedByTheIntervalWithinTheJitter) {
  SiteSchedule schedule(300, 30, 3600, 7);
  const Clock::time_point t0 = Clock::now();
  bool varied = false;
  long first = -1;
  for (int i = 0; i < 50; ++i) {
    long s = std::chrono::duration_cast<seconds>(schedule.next_cycle(t0) - t0).count();
    EXPECT_GE(s, 270);
    EXPECT_LE(s, 330);
    if (first < 0) first = s;
    varied |= s != first;
  }
  EXPECT_TRUE(varied);
}

Ticket ticket(const std::string& title, const std::string& venue = "") {
  Ticket t;
  t.title = title;
  t.venue = venue;
  return t;
}

TEST(KeywordFilter, MatchesTitleOrVenueIgnoringCase) {
  KeywordFilter f({"뮤지컬", "iu"}, {"아이유"}, {"취소"});
  EXPECT_TRUE(f.wanted(ticket("뮤지컬 〈레베카〉")));
  EXPECT_TRUE(f.wanted(ticket("2025 IU HEREH 콘서트")));
  EXPECT_TRUE(f.wanted(ticket("콘서트", "아이유 전용관")));  // a priority keyword also lets it through
  EXPECT_FALSE(f.wanted(ticket("연극 〈햄릿〉")));
  EXPECT_FALSE(f.wanted(ticket("뮤지컬 〈캣츠〉 공연 취소")));
  EXPECT_TRUE(f.priority(ticket("아이유 콘서트")));
  EXPECT_FALSE(f.priority(ticket("뮤지컬")));
  KeywordFilter everything({}, {}, {});
  EXPECT_TRUE(everything.wanted(ticket("아무 공연")));
}

}  // namespace
}  // namespace ta
