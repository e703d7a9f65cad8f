// Every detail case (fixtures/<site>/detail-cases.json) through the real detail reader and
// Chromium gives exactly its expected openings, by the expected strategy.
#include <gtest/gtest.h>

#include <filesystem>

#include "sites/detail.h"
#include "site_env.h"

namespace ta {
namespace {

class DetailReplay : public ::testing::TestWithParam<test::SiteCase> {};

TEST_P(DetailReplay, GivesExactlyTheExpectedOpenings) {
  const test::SiteCase& c = GetParam();
  const std::string dir = test::source_dir() + "/fixtures/" + c.site + "/";
  cdp::BrowserPool pool(test::site_pool_options());
  const CrawlOptions options = test::replay_options(c);
  const std::string url = c.spec["url"].get<std::string>();
  DetailResult d = crawl_detail(pool, *find_site(c.site), url, options, Deadline::after(std::chrono::seconds(90)));
  const nlohmann::json expected = test::read_json(dir + c.spec["expected"].get<std::string>());
  const nlohmann::json actual = to_json(d);
  EXPECT_EQ(actual["id"], expected["id"]);
  EXPECT_EQ(actual["strategy"], expected["strategy"]) << d.error;
  EXPECT_EQ(actual["openings"], expected["openings"]) << d.error;
  EXPECT_EQ(d.ok, !expected["openings"].empty()) << d.error;
  EXPECT_EQ(d.url, url);
}

INSTANTIATE_TEST_SUITE_P(Sites, DetailReplay, ::testing::ValuesIn(test::load_site_cases("detail-cases.json")),
                         test::site_case_name);

TEST(DetailReplay, EverySiteHasDetailCasesWithPresaleAndGeneral) {
  for (const auto& site : all_sites()) {
    const std::string dir = test::source_dir() + "/fixtures/" + site.id + "/";
    ASSERT_TRUE(std::filesystem::exists(dir + "detail-cases.json")) << site.id;
    bool several = false;
    for (const auto& c : test::read_json(dir + "detail-cases.json"))
      several |= test::read_json(dir + c["expected"].get<std::string>())["openings"].size() >= 2;
    EXPECT_TRUE(several) << site.id << " needs a detail case with more than one opening";
  }
}

TEST(DetailReplay, AMissingDetailScriptNamesTheFile) {
  cdp::BrowserPool pool(test::site_pool_options());
  CrawlOptions options;
  options.extract_dir = "/nonexistent-extract-dir";
  DetailResult d = crawl_detail(pool, *find_site("melon"), "https://ticket.melon.com/csoon/detail.htm?csoonId=1",
                                options, Deadline::after(std::chrono::seconds(10)));
  EXPECT_FALSE(d.ok);
  EXPECT_NE(d.error.find("/nonexistent-extract-dir/melon.detail.js"), std::string::npos) << d.error;
}

}  // namespace
}  // namespace ta
