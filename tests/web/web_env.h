#pragma once
// A store filled with realistic notices from all four sites, a WebServer on a free loopback port
// with its clock pinned to Tuesday 2025-07-01 12:00 KST, and an HTTP client for it.
#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/store.h"
#include "normalize/kst_time.h"
#include "support/temp_dir.h"
#include "web/metrics.h"
#include "web/status_source.h"
#include "web/web_server.h"

namespace ta::test {

inline std::time_t kst(const std::string& iso) { return *parse_iso(iso); }

inline const char* const kXssTitle = "연극 <햄릿> <img src=x onerror=\"window.__pwned=1\">";
inline const char* const kWebhookUrl = "https://discord.com/api/webhooks/123456789012345678/s3cr3t-T0KEN";

inline Ticket notice(const std::string& site, const std::string& site_name, const std::string& id, const std::string& title,
                     std::optional<std::string> open_at, const std::string& genre, const std::string& venue,
                     const std::string& open_type = "general", const std::string& label = "일반예매") {
  Ticket t;
  t.site = site;
  t.site_name = site_name;
  t.id = id;
  t.title = title;
  t.open_at = std::move(open_at);
  t.open_text = t.open_at ? t.open_at->substr(0, 16) : "추후 공지";
  t.open_type = open_type;
  t.open_type_label = label;
  t.venue = venue;
  t.url = "https://example." + site + ".test/notice/" + id;
  t.genre = genre;
  return t;
}

// The monitor's side, as a test controls it.
class FakeStatus : public StatusSource {
 public:
  std::vector<SiteRun> runs;
  int interval = 300;
  Metrics metrics_;
  std::string problem;  // what store_problem() reports
  std::vector<SiteRun> site_runs() override { return runs; }
  std::string store_problem() override { return problem; }
  int interval_s() override { return interval; }
  Metrics& metrics() override { return metrics_; }
};

class WebTest : public ::testing::Test {
 protected:
  TempDir dir;
  Config config;
  std::unique_ptr<Store> store;
  FakeStatus status;
  std::unique_ptr<WebServer> server;
  std::unique_ptr<httplib::Client> client;
  const std::time_t now = kst("2025-07-01T12:00:00+09:00");  // a Tuesday

  void SetUp() override {
    config.web.listen = "127.0.0.1:0";
    config.DISCORD_WEBHOOK_URL = kWebhookUrl;
    config.data_dir = dir.file("data");
    store = std::make_unique<Store>(database_path(config.data_dir));
    fill();
    server = std::make_unique<WebServer>(config, *store, status);
    server->set_clock([this] { return now; });
    server->start();
    client = std::make_unique<httplib::Client>("127.0.0.1", server->port());
  }
  void TearDown() override {
    client.reset();
    server->stop();
  }

  void fill() {
    const std::time_t crawled = now - 3600;
    store->record_crawl("interpark",
                        {notice("interpark", "인터파크", "25009001", "아이유 HEREH WORLD TOUR 앙코르 콘서트",
                                "2025-07-01T15:00:00+09:00", "콘서트", "서울월드컵경기장"),
                         notice("interpark", "인터파크", "25009002", "싸이 흠뻑쇼 SUMMERSWAG 2025 - 서울",
                                "2025-07-01T10:00:00+09:00", "콘서트", "잠실종합운동장 주경기장"),
                         notice("interpark", "인터파크", "25009003", kXssTitle, "2025-07-05T10:00:00+09:00", "연극",
                                "예술의전당 CJ 토월극장")},
                        crawled, {});
    store->record_crawl("yes24",
                        {notice("yes24", "YES24", "16995", "뮤지컬 〈레미제라블〉 4차 티켓오픈 안내", "2025-07-02T14:00:00+09:00",
                                "뮤지컬", "블루스퀘어 신한카드홀"),
                         notice("yes24", "YES24", "17001", "임영웅 전국투어 추가 공연 (일정 추후 공지)", std::nullopt, "콘서트",
                                "고척스카이돔")},
                        crawled, {});
    store->record_crawl("melon",
                        {notice("melon", "멜론티켓", "211234", "NCT DREAM 팬미팅 〈DREAM FESTA〉 팬클럽 선예매",
                                "2025-07-03T20:00:00+09:00", "팬미팅", "KSPO DOME", "fanclub", "팬클럽 선예매")},
                        crawled, with_reminders({60, 10}));
    store->record_crawl("ticketlink",
                        {notice("ticketlink", "티켓링크", "48110", "2025 KBO 올스타전 예매 안내", "2025-07-08T11:00:00+09:00",
                                "스포츠", "대전 한화생명 볼파크")},
                        crawled, {});
  }

  static CrawlPolicy with_reminders(std::vector<int> offsets) {
    CrawlPolicy p;
    p.reminder_offsets = std::move(offsets);
    return p;
  }

  // Every enabled site crawled successfully `age` seconds ago.
  void all_sites_succeeded(std::time_t age = 60) {
    for (const auto& site : config.sources) store->record_cycle({site, now - age, 2500, 10, 1, "api", ""});
  }

  nlohmann::json get_json(const std::string& path, int expect_status = 200) {
    auto res = client->Get(path.c_str());
    EXPECT_TRUE(res) << path;
    if (!res) return nullptr;
    EXPECT_EQ(res->status, expect_status) << path << ": " << res->body;
    return nlohmann::json::parse(res->body);
  }
};

// Percent-encodes a query value (Korean search words).
inline std::string url_encode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

inline std::vector<std::string> ids(const nlohmann::json& answer) {
  std::vector<std::string> out;
  for (const auto& t : answer["tickets"]) out.push_back(t["site"].get<std::string>() + "/" + t["id"].get<std::string>());
  return out;
}

}  // namespace ta::test
