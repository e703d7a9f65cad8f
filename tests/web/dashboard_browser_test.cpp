// The dashboard in real headless Chromium: the fixture notices render, the site filter works, a
// title holding markup stays text, and a screenshot is saved for a human to look at.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "cdp/pool.h"
#include "util/base64.h"
#include "util/resource_dir.h"
#include "web_env.h"

namespace ta::test {
namespace {

using nlohmann::json;

cdp::PoolOptions pool_options() {
  cdp::PoolOptions o;
  o.browsers = 1;
  o.pages_per_browser = 1;
  o.scripts_dir = std::string(TA_TEST_SOURCE_DIR) + "/scripts/cdp";
  return o;
}

Deadline soon() { return Deadline::after(std::chrono::seconds(30)); }

// Rows of the notice table as the viewer reads them.
const char* const kRows = R"(Array.from(document.querySelectorAll('#tickets tbody tr')).map(tr => ({
  site: tr.dataset.site,
  when: tr.querySelector('.relative').textContent,
  title: tr.querySelector('.title a, .title span').textContent,
  href: (tr.querySelector('.title a') || {}).href || ''
})))";

class DashboardBrowserTest : public WebTest {
 protected:
  static void SetUpTestSuite() { pool_ = new cdp::BrowserPool(pool_options()); }
  static void TearDownTestSuite() {
    delete pool_;
    pool_ = nullptr;
  }

  void SetUp() override {
    WebTest::SetUp();
    config.sources = {"interpark", "yes24", "melon", "ticketlink"};
    all_sites_succeeded(90);
    store->record_cycle({"melon", now - 30, 30000, 0, 0, "", "HTTP 403 (접근 차단)"});
    status.runs = {{"interpark", now - 90, now + 210, 0}, {"melon", now - 30, now + 570, 1}};
    // A few days of Discord traffic for the chart: sends on three days, one rejected message.
    auto queued = store->due_deliveries("", now, 100);
    ASSERT_GE(queued.size(), 5u);
    store->mark_sent(queued[0].id, "1390000000000000001", now - 2 * 86400);
    store->mark_sent(queued[1].id, "1390000000000000002", now - 86400);
    store->mark_sent(queued[2].id, "1390000000000000003", now - 86400);
    store->mark_sent(queued[3].id, "1390000000000000004", now);
    store->mark_failed(queued[4].id, "400 Bad Request: embeds.0.title", now);
  }

  cdp::PageLease open_dashboard() {
    auto lease = pool_->lease(soon());
    lease->session().call("Emulation.setDeviceMetricsOverride",
                          {{"width", 1280}, {"height", 900}, {"deviceScaleFactor", 1}, {"mobile", false}}, soon());
    lease->navigate("http://127.0.0.1:" + std::to_string(server->port()) + "/", cdp::WaitCondition::parse("networkidle"),
                    soon());
    // The page's own promise for its first complete render.
    lease->evaluate("window.taDashboard.ready", soon());
    return lease;
  }

  static cdp::BrowserPool* pool_;
};
cdp::BrowserPool* DashboardBrowserTest::pool_ = nullptr;

TEST_F(DashboardBrowserTest, ShowsUpcomingNoticesWithRelativeTimes) {
  auto page = open_dashboard();
  json rows = page->evaluate(kRows, soon());
  ASSERT_EQ(rows.size(), 6u) << rows.dump();
  EXPECT_EQ(rows[0]["title"], "아이유 HEREH WORLD TOUR 앙코르 콘서트");
  EXPECT_EQ(rows[0]["when"], "3시간 후 오픈");
  EXPECT_EQ(rows[0]["href"], "https://example.interpark.test/notice/25009001");
  EXPECT_EQ(rows[1]["when"], "1일 후 오픈");  // 07-02 14:00 is 26 hours away
  EXPECT_EQ(rows[2]["when"], "2일 후 오픈");  // 07-03 20:00
  EXPECT_EQ(rows[5]["when"], "일시 미정");

  const std::string text = page->evaluate("document.body.innerText", soon()).get<std::string>();
  for (const char* shown : {"다가오는 티켓 오픈", "뮤지컬 〈레미제라블〉 4차 티켓오픈 안내", "팬클럽 선예매", "사이트 상태", "멜론티켓",
                            "HTTP 403 (접근 차단)", "추출 방식", "다음 실행", "전송 통계", "대기 중", "지나서 안 보냄", "다음 오픈 알림", "60분 전 알림", "캘린더 구독", "최근 일정 변경·취소"})
    EXPECT_NE(text.find(shown), std::string::npos) << shown;
  // 30 days of bars in the chart.
  EXPECT_EQ(page->evaluate("document.querySelectorAll('#chart svg g.day').length", soon()), 30);
}

TEST_F(DashboardBrowserTest, ShowsOneRowPerChannelWithItsWebhookState) {
  RouteConfig iu;
  iu.name = "아이유 팬 채널";
  iu.webhook = "https://discord.com/api/webhooks/4242/routeSecretToken";
  config.routes = {iu};
  store->set_webhook_dead("4242", "웹훅이 삭제되었습니다 (HTTP 404)", now);
  auto page = open_dashboard();
  const std::string text = page->evaluate("document.querySelector('#routes').innerText", soon()).get<std::string>();
  for (const char* shown : {"알림 채널", "기본 채널", "정상", "아이유 팬 채널", "사용 불가", "웹훅이 삭제되었습니다 (HTTP 404)"})
    EXPECT_NE(text.find(shown), std::string::npos) << shown << " in " << text;
  EXPECT_EQ(text.find("routeSecretToken"), std::string::npos);
}

TEST_F(DashboardBrowserTest, SiteFilterShowsOnlyThatSite) {
  auto page = open_dashboard();
  // Wait for the re-render the change event starts, then read the rows.
  json rows = page->evaluate(std::string(R"((new Promise(resolve => {
      document.addEventListener('ta:rendered', () => resolve(true), {once: true});
      const select = document.getElementById('site-filter');
      select.value = 'yes24';
      select.dispatchEvent(new Event('change'));
    })).then(() => )") + kRows + ")",
                             soon());
  ASSERT_EQ(rows.size(), 2u) << rows.dump();
  for (const auto& r : rows) EXPECT_EQ(r["site"], "yes24");
  EXPECT_EQ(rows[0]["title"], "뮤지컬 〈레미제라블〉 4차 티켓오픈 안내");
  EXPECT_EQ(page->evaluate("document.getElementById('site-filter').options.length", soon()), 5);  // 전체 + 4
}

TEST_F(DashboardBrowserTest, TodayButtonShowsWhatAlreadyOpenedThisMorning) {
  auto page = open_dashboard();
  json rows = page->evaluate(std::string(R"((new Promise(resolve => {
      document.addEventListener('ta:rendered', () => resolve(true), {once: true});
      document.querySelector('#when-filter button[data-when="today"]').click();
    })).then(() => )") + kRows + ")",
                             soon());
  ASSERT_EQ(rows.size(), 2u) << rows.dump();
  EXPECT_EQ(rows[0]["title"], "싸이 흠뻑쇼 SUMMERSWAG 2025 - 서울");
  EXPECT_EQ(rows[0]["when"], "오픈됨");
  EXPECT_EQ(rows[1]["when"], "3시간 후 오픈");
}

TEST_F(DashboardBrowserTest, MarkupInATitleStaysText) {
  auto page = open_dashboard();
  json rows = page->evaluate(kRows, soon());
  bool found = false;
  for (const auto& r : rows) found = found || r["title"] == kXssTitle;
  EXPECT_TRUE(found) << rows.dump();
  EXPECT_EQ(page->evaluate("typeof window.__pwned", soon()), "undefined");
  EXPECT_EQ(page->evaluate("document.querySelectorAll('#tickets img').length", soon()), 0);

  // Keep a picture of the dashboard for people to check (build dir when the test runs from one).
  json shot = page->session().call("Page.captureScreenshot", {{"format", "png"}, {"captureBeyondViewport", true}}, soon());
  std::string png;
  ASSERT_TRUE(base64_decode(shot.at("data").get<std::string>(), &png));
  ASSERT_GT(png.size(), 1000u);
  EXPECT_EQ(png.substr(1, 3), "PNG");
  std::error_code ec;
  const auto exe_dir = std::filesystem::read_symlink("/proc/self/exe", ec).parent_path();
  const std::string path = (ec ? std::filesystem::temp_directory_path() : exe_dir) / "dashboard.png";
  std::ofstream(path, std::ios::binary) << png;
  std::cout << "dashboard screenshot: " << path << "\n";
  EXPECT_TRUE(std::filesystem::exists(path));
}

}  // namespace
}  // namespace ta::test
