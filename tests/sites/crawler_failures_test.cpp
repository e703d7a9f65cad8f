// A broken, hanging or empty-handed extract script fails its site with a typed reason that
// names the file — never a silent success, never an exception out of the crawl.
#include <gtest/gtest.h>

#include <fstream>

#include "sites/crawler.h"
#include "site_env.h"
#include "support/temp_dir.h"

namespace ta {
namespace {

class CrawlerFailures : public ::testing::Test {
 protected:
  test::TempDir scripts;
  cdp::BrowserPool pool{test::site_pool_options()};

  CrawlResult crawl_with(const std::string& interpark_js, int page_timeout_s = 20) {
    std::ofstream(scripts.file("interpark.js")) << interpark_js;
    CrawlOptions options;
    options.extract_dir = scripts.path();
    options.page_timeout_s = page_timeout_s;
    options.replay = cdp::HarArchive::load(test::source_dir() + "/fixtures/interpark/main.har");
    return crawl_site(pool, *find_site("interpark"), options, Deadline::after(std::chrono::seconds(60)));
  }
};

TEST_F(CrawlerFailures, ThrowingScriptNamesFileAndLine) {
  CrawlResult r = crawl_with("async (ctx) => {\n  const rows = [];\n  throw new Error('NoticeItem 없음');\n}\n");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error_kind, CrawlErrorKind::script);
  EXPECT_NE(r.error.find("interpark.js:3"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("NoticeItem 없음"), std::string::npos) << r.error;
}

TEST_F(CrawlerFailures, SyntaxErrorFailsOnlyThisSite) {
  CrawlResult r = crawl_with("async (ctx) => {\n  return {items: [}\n}\n");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error_kind, CrawlErrorKind::script);
  EXPECT_NE(r.error.find("interpark.js"), std::string::npos) << r.error;
}

TEST_F(CrawlerFailures, ScriptThatNeverResolvesTimesOut) {
  CrawlResult r = crawl_with("async (ctx) => new Promise(() => {})\n", 2);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error_kind, CrawlErrorKind::timeout);
  EXPECT_NE(r.error.find("interpark.js"), std::string::npos) << r.error;
}

TEST_F(CrawlerFailures, NoItemsIsAFailureWithTheScriptsWarning) {
  CrawlResult r = crawl_with("async (ctx) => ({items: [], strategy: 'dom', warnings: ['목록 요소를 찾지 못함']})\n");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error_kind, CrawlErrorKind::empty);
  EXPECT_NE(r.error.find("목록 요소를 찾지 못함"), std::string::npos) << r.error;
}

TEST_F(CrawlerFailures, WrongShapeIsReported) {
  CrawlResult r = crawl_with("async (ctx) => [1, 2, 3]\n");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("items"), std::string::npos) << r.error;
}

TEST_F(CrawlerFailures, MissingScriptNamesThePath) {
  CrawlOptions options;
  options.extract_dir = scripts.path() + "/nowhere";
  CrawlResult r = crawl_site(pool, *find_site("yes24"), options, Deadline::after(std::chrono::seconds(10)));
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find(scripts.path() + "/nowhere/yes24.js"), std::string::npos) << r.error;
}

TEST_F(CrawlerFailures, ArchiveWithoutTheSitesPagesSaysSo) {
  CrawlOptions options;
  options.extract_dir = test::source_dir() + "/scripts/extract";
  options.replay = cdp::HarArchive::load(test::source_dir() + "/fixtures/interpark/main.har");
  CrawlResult r = crawl_site(pool, *find_site("melon"), options, Deadline::after(std::chrono::seconds(10)));
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("main.har"), std::string::npos) << r.error;
}

}  // namespace
}  // namespace ta
