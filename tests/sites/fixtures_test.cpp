// Every fixture case (fixtures/<site>/cases.json) through the real crawler and Chromium gives
// exactly its expected tickets, by the expected strategy.
#include <gtest/gtest.h>

#include <filesystem>

#include "sites/crawler.h"
#include "sites/warm_pages.h"
#include "site_env.h"

namespace ta {
namespace {

class FixtureReplay : public ::testing::TestWithParam<test::SiteCase> {};

TEST_P(FixtureReplay, GivesExactlyTheExpectedTickets) {
  const test::SiteCase& c = GetParam();
  const std::string dir = test::source_dir() + "/fixtures/" + c.site + "/";
  cdp::BrowserPool pool(test::site_pool_options());
  const CrawlOptions options = test::replay_options(c);
  CrawlResult r = crawl_site(pool, *find_site(c.site), options, Deadline::after(std::chrono::seconds(120)));
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.entry_url, c.spec["url"].get<std::string>());
  if (c.spec.contains("strategy")) {
    EXPECT_EQ(r.strategy, c.spec["strategy"].get<std::string>());
  }

  nlohmann::json expected = test::read_json(dir + c.spec["expected"].get<std::string>());
  nlohmann::json actual = nlohmann::json::array();
  for (const auto& t : r.tickets) actual.push_back(to_json(t));
  ASSERT_EQ(actual.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(actual[i], expected[i]) << "item " << i;
}

// Warm polling: the second crawl re-reads the page the first one rendered. A case read by the data
// layer gives the same tickets without navigating; any other is rendered again, with the same result.
TEST_P(FixtureReplay, AWarmReReadGivesTheSameTickets) {
  const test::SiteCase& c = GetParam();
  cdp::BrowserPool pool(test::site_pool_options());
  WarmPages warm(WarmPolicy{});
  CrawlOptions options = test::replay_options(c);
  options.warm = &warm;
  CrawlResult fresh = crawl_site(pool, *find_site(c.site), options, Deadline::after(std::chrono::seconds(120)));
  ASSERT_TRUE(fresh.ok) << fresh.error;
  ASSERT_EQ(warm.size(), 1u);
  CrawlResult again = crawl_site(pool, *find_site(c.site), options, Deadline::after(std::chrono::seconds(120)));
  ASSERT_TRUE(again.ok) << again.error;
  const bool data_layer = fresh.strategy == "api";
  EXPECT_EQ(again.warm, data_layer);
  EXPECT_EQ(pool.stats().pages_served, data_layer ? 1 : 2);
  EXPECT_EQ(again.strategy, fresh.strategy);
  EXPECT_EQ(again.entry_url, fresh.entry_url);
  ASSERT_EQ(again.tickets.size(), fresh.tickets.size());
  for (size_t i = 0; i < fresh.tickets.size(); ++i) EXPECT_EQ(to_json(again.tickets[i]), to_json(fresh.tickets[i])) << "item " << i;
}

INSTANTIATE_TEST_SUITE_P(Sites, FixtureReplay, ::testing::ValuesIn(test::load_site_cases("cases.json")),
                         test::site_case_name);

TEST(FixtureReplay, EveryFixtureHasAtLeast25NoticesAndChangedVariant) {
  for (const auto& site : all_sites()) {
    const std::string dir = test::source_dir() + "/fixtures/" + site.id + "/";
    ASSERT_TRUE(std::filesystem::exists(dir + "cases.json")) << site.id;
    bool changed = false;
    for (const auto& c : test::read_json(dir + "cases.json")) {
      changed |= c["name"] == "changed";
      if (c["name"] == "main") {
        EXPECT_GE(test::read_json(dir + c["expected"].get<std::string>()).size(), 25u) << site.id;
      }
    }
    EXPECT_TRUE(changed) << site.id << " needs a changed-markup variant";
  }
}

}  // namespace
}  // namespace ta
