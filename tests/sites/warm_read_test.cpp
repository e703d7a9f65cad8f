// Warm polling in real Chromium against a site served on loopback: a quiet cycle re-reads the data
// layer of the page the previous cycle rendered (no navigation), sees what changed since, and the
// site is rendered again every full_every cycles, when its page is too old, when what answers it
// changed, and in the same cycle when the data layer fails.
#include <gtest/gtest.h>

#include <mutex>

#include "sites/crawler.h"
#include "sites/warm_pages.h"
#include "site_env.h"
#include "support/http_server.h"

namespace ta {
namespace {

using std::chrono::seconds;

class WarmRead : public ::testing::Test {
 protected:
  void SetUp() override {
    server.raw().Get("/list", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(rendered_list(), "text/html; charset=utf-8");
    });
    server.raw().Get("/api/notices", [this](const httplib::Request&, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mutex);
      res.status = api_status;
      res.set_content(api_status == 200 ? notices.dump() : "{}", "application/json");
    });
    site.id = "warmtest";
    site.name = "테스트 예매처";
    site.entry_pages = {server.url("/list")};
    site.script = "warm-site.js";
    add_notice("[티켓오픈] 첫 번째 공연 티켓오픈 안내");
  }

  std::string rendered_list() {
    std::lock_guard<std::mutex> lock(mutex);
    std::string html = "<!doctype html><meta charset=utf-8><title>공지</title><ul>";
    for (const auto& n : notices) html += "<li class=notice>" + n["title"].get<std::string>() + "</li>";
    return html + "</ul>";
  }

  void add_notice(const std::string& title) {
    std::lock_guard<std::mutex> lock(mutex);
    notices.push_back({{"title", title}, {"open_text", "2026.12.20(일) 20:00"}});
  }

  void set_api_status(int status) {
    std::lock_guard<std::mutex> lock(mutex);
    api_status = status;
  }

  CrawlResult crawl(const std::string& source = "") { return crawl_in(pool, site, source); }

  CrawlResult crawl_in(cdp::BrowserPool& in, const SiteDescriptor& which, const std::string& source = "") {
    CrawlOptions options;
    options.extract_dir = test::source_dir() + "/tests/sites/warm";
    options.page_timeout_s = 20;
    options.warm = &warm;
    options.warm_source = source;
    return crawl_site(in, which, options, Deadline::after(seconds(60)));
  }

  int list_loads() const {
    int n = 0;
    for (const auto& r : server.requests()) n += r.path == "/list";
    return n;
  }

  test::HttpServer server;
  std::mutex mutex;
  nlohmann::json notices = nlohmann::json::array();
  int api_status = 200;
  SiteDescriptor site;
  cdp::BrowserPool pool{test::site_pool_options()};
  std::chrono::steady_clock::time_point clock = std::chrono::steady_clock::now();
  WarmPages warm{WarmPolicy{3, seconds(600)}, [this] { return clock; }};
};

TEST_F(WarmRead, AQuietCycleReReadsTheDataLayerAndSeesANewNotice) {
  CrawlResult first = crawl();
  ASSERT_TRUE(first.ok) << first.error;
  EXPECT_FALSE(first.warm);
  EXPECT_EQ(first.strategy, "api");
  EXPECT_EQ(first.tickets.size(), 1u);
  EXPECT_EQ(warm.size(), 1u);

  add_notice("[티켓오픈] 두 번째 공연 티켓오픈 안내");
  CrawlResult second = crawl();
  ASSERT_TRUE(second.ok) << second.error;
  EXPECT_TRUE(second.warm);
  EXPECT_EQ(second.strategy, "api");
  ASSERT_EQ(second.tickets.size(), 2u);
  EXPECT_EQ(second.tickets[1].title, "[티켓오픈] 두 번째 공연 티켓오픈 안내");
  EXPECT_EQ(second.entry_url, server.url("/list"));
  EXPECT_EQ(list_loads(), 1) << "the warm read must not navigate";
  EXPECT_EQ(pool.stats().pages_served, 1);
}

TEST_F(WarmRead, EveryFullEveryCyclesTheSiteIsRenderedAgain) {
  std::vector<bool> warm_reads;
  for (int cycle = 0; cycle < 7; ++cycle) {
    CrawlResult r = crawl();
    ASSERT_TRUE(r.ok) << "cycle " << cycle << ": " << r.error;
    warm_reads.push_back(r.warm);
  }
  EXPECT_EQ(warm_reads, (std::vector<bool>{false, true, true, false, true, true, false}));
  EXPECT_EQ(list_loads(), 3);
}

TEST_F(WarmRead, AFailingDataLayerFallsBackToANavigationInTheSameCycle) {
  ASSERT_TRUE(crawl().ok);
  set_api_status(503);
  add_notice("[티켓오픈] API가 멈춘 사이 올라온 공지");
  CrawlResult r = crawl();
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_FALSE(r.warm);
  EXPECT_EQ(r.strategy, "dom");
  EXPECT_EQ(r.tickets.size(), 2u) << "the fresh page shows the new notice";
  EXPECT_EQ(list_loads(), 2);
}

TEST_F(WarmRead, AnOldPageOrAChangedSourceIsRenderedAgain) {
  ASSERT_TRUE(crawl("archive@1").ok);
  clock += seconds(601);
  CrawlResult aged = crawl("archive@1");
  ASSERT_TRUE(aged.ok) << aged.error;
  EXPECT_FALSE(aged.warm);
  CrawlResult changed = crawl("archive@2");
  ASSERT_TRUE(changed.ok) << changed.error;
  EXPECT_FALSE(changed.warm);
  CrawlResult same = crawl("archive@2");
  ASSERT_TRUE(same.ok) << same.error;
  EXPECT_TRUE(same.warm);
  EXPECT_EQ(list_loads(), 3);
}

// A browser due for recycling restarts only once no page is open in it: the pages kept for other
// sites are given back before a navigation leases, or that navigation would wait forever.
TEST_F(WarmRead, KeptPagesNeverKeepABrowserFromRecycling) {
  cdp::PoolOptions options = test::site_pool_options();
  options.browsers = 1;
  options.pages_per_browser = 2;
  options.max_pages_per_browser = 2;
  cdp::BrowserPool small(options);
  // Pages kept from `small` must go back before it is destroyed, whatever assertion fails.
  struct GiveBack {
    WarmPages& warm;
    ~GiveBack() { warm.clear(); }
  } give_back{warm};
  SiteDescriptor other = site;
  other.id = "warmtest2";
  ASSERT_TRUE(crawl_in(small, site).ok);
  ASSERT_TRUE(crawl_in(small, other).ok);
  ASSERT_EQ(warm.size(), 2u);
  clock += seconds(601);  // both pages too old: the first site gives its page back, the browser is due
  CrawlResult r = crawl_in(small, site);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_FALSE(r.warm);
  EXPECT_EQ(small.stats().browser_recycles, 1);
  EXPECT_EQ(warm.size(), 1u) << "the other site's page went back with its browser";
  CrawlResult again = crawl_in(small, other);
  ASSERT_TRUE(again.ok) << again.error;
  EXPECT_FALSE(again.warm);
}

TEST(WarmPagesPolicy, FullEveryOneKeepsNothing) {
  WarmPages warm(WarmPolicy{1, seconds(600)});
  warm.keep("interpark", WarmPage{});
  EXPECT_EQ(warm.size(), 0u);
}

}  // namespace
}  // namespace ta
