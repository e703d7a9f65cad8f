// /healthz: 200 while every enabled site crawls and the webhook works, else 503 with reasons.
#include <gtest/gtest.h>

#include "notify/webhook_url.h"
#include "web_env.h"

namespace ta::test {
namespace {

std::vector<std::string> reasons(const nlohmann::json& answer) { return answer["reasons"].get<std::vector<std::string>>(); }

bool any_contains(const std::vector<std::string>& list, const std::string& part) {
  for (const auto& s : list)
    if (s.find(part) != std::string::npos) return true;
  return false;
}

TEST_F(WebTest, HealthyWhenEverySiteSucceededRecently) {
  all_sites_succeeded();
  EXPECT_EQ(get_json("/healthz", 200), nlohmann::json({{"status", "ok"}}));
}

TEST_F(WebTest, UnhealthyWhileTheStoreRefusesWhatTheMonitorWrites) {
  all_sites_succeeded();
  status.problem = "디스크 공간 부족: data에 데이터베이스를 쓸 자리가 없습니다 — 공간을 확보하세요";
  const auto answer = get_json("/healthz", 503);
  EXPECT_EQ(reasons(answer), std::vector<std::string>{status.problem});
  status.problem.clear();
  EXPECT_EQ(get_json("/healthz", 200)["status"], "ok");
}

TEST_F(WebTest, UnhealthyWhileTheCanaryCallsASiteBroken) {
  all_sites_succeeded();
  CrawlShape empty;
  empty.extraction_failed = true;
  empty.strategy = "dom";
  empty.error = "항목 0건";
  for (int i = 0; i < 3; ++i) store->judge_site_health("melon", empty, now, 3);
  const auto answer = get_json("/healthz", 503);
  EXPECT_EQ(reasons(answer),
            std::vector<std::string>{"멜론티켓: 추출 결과가 이상합니다 — 최근 3번 연속 추출 결과 없음 — 항목 0건 (추출 방식 dom)"});
  CrawlShape fine;
  fine.ok = true;
  fine.items = 30;
  store->judge_site_health("melon", fine, now, 3);
  EXPECT_EQ(get_json("/healthz", 200)["status"], "ok");
}

TEST_F(WebTest, UnhealthyWhenASiteHasOnlyFailedSinceTwoIntervals) {
  for (const char* site : {"interpark", "yes24", "ticketlink"}) store->record_cycle({site, now - 60, 2000, 9, 0, "api", ""});
  // Melon: its last success is 11 minutes old (interval 5 min), and the cycle since failed.
  store->record_cycle({"melon", now - 660, 1800, 12, 0, "dom", ""});
  store->record_cycle({"melon", now - 60, 30000, 0, 0, "", "HTTP 403 (접근 차단)"});

  auto answer = get_json("/healthz", 503);
  EXPECT_EQ(answer["status"], "unhealthy");
  auto why = reasons(answer);
  ASSERT_EQ(why.size(), 1u) << answer.dump();
  EXPECT_NE(why[0].find("멜론티켓"), std::string::npos) << why[0];
  EXPECT_NE(why[0].find("최근 10분 동안 성공한 실행이 없습니다"), std::string::npos) << why[0];
  EXPECT_NE(why[0].find("2025-07-01 11:49"), std::string::npos) << why[0];
  EXPECT_NE(why[0].find("HTTP 403 (접근 차단)"), std::string::npos) << why[0];
}

TEST_F(WebTest, UnhealthyWhenAnEnabledSiteNeverRan) {
  for (const char* site : {"interpark", "yes24", "melon"}) store->record_cycle({site, now - 60, 2000, 9, 0, "api", ""});
  store->record_cycle({"ticketlink", now - 30, 30000, 0, 0, "", "Chromium이 응답하지 않습니다"});
  auto why = reasons(get_json("/healthz", 503));
  ASSERT_EQ(why.size(), 1u);
  EXPECT_NE(why[0].find("티켓링크: 아직 성공한 실행이 없습니다"), std::string::npos) << why[0];
}

TEST_F(WebTest, DisabledSitesDoNotCount) {
  for (const char* site : {"interpark", "yes24"}) store->record_cycle({site, now - 60, 2000, 9, 0, "api", ""});
  config.sources = {"interpark", "yes24"};
  EXPECT_EQ(get_json("/healthz", 200)["status"], "ok");
}

TEST_F(WebTest, UnhealthyWhenTheWebhookIsDeadAndTheTokenStaysSecret) {
  all_sites_succeeded();
  store->set_webhook_dead(webhook_key(kWebhookUrl), "401 Unauthorized: Invalid Webhook Token", now - 10);
  auto res = client->Get("/healthz");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 503);
  auto why = reasons(nlohmann::json::parse(res->body));
  ASSERT_EQ(why.size(), 1u);
  EXPECT_TRUE(any_contains(why, "Discord 웹훅을 사용할 수 없습니다")) << why[0];
  EXPECT_TRUE(any_contains(why, "401 Unauthorized")) << why[0];
  EXPECT_EQ(res->body.find("s3cr3t-T0KEN"), std::string::npos);

  store->set_webhook_ok(webhook_key(kWebhookUrl), now);
  EXPECT_EQ(get_json("/healthz", 200)["status"], "ok");
}

TEST_F(WebTest, ADeadRouteWebhookNamesItsChannel) {
  all_sites_succeeded();
  RouteConfig route;
  route.name = "아이유";
  route.webhook = "https://discord.com/api/webhooks/4242/routeSecretToken";
  config.routes = {route};
  store->set_webhook_dead("4242", "404 Unknown Webhook", now - 10);
  auto res = client->Get("/healthz");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 503);
  auto why = reasons(nlohmann::json::parse(res->body));
  ASSERT_EQ(why.size(), 1u);
  EXPECT_TRUE(any_contains(why, "채널 \"아이유\"의 Discord 웹훅을 사용할 수 없습니다")) << why[0];
  EXPECT_TRUE(any_contains(why, "routes의 \"아이유\" webhook을 확인하세요")) << why[0];
  EXPECT_EQ(res->body.find("routeSecretToken"), std::string::npos);
}

TEST_F(WebTest, ReasonsAddUp) {
  store->set_webhook_dead(webhook_key(kWebhookUrl), "404 Unknown Webhook", now);
  auto why = reasons(get_json("/healthz", 503));
  EXPECT_EQ(why.size(), 5u);  // four sites that never ran + the webhook
}

}  // namespace
}  // namespace ta::test
