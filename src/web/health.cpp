#include "web/health.h"

#include <algorithm>

#include "log/log.h"
#include "notify/webhook_url.h"
#include "normalize/kst_time.h"
#include "web/api_views.h"

namespace ta {

std::string kst_minute(std::time_t t) {
  std::string iso = format_kst_iso(t);  // YYYY-MM-DDTHH:MM:SS+09:00
  iso[10] = ' ';
  return iso.substr(0, 16);
}

std::optional<std::string> site_problem(const std::string& site, const std::optional<SiteStatus>& status,
                                        int interval_s, std::time_t now) {
  const std::string name = site_display_name(site);
  const std::time_t window = 2 * static_cast<std::time_t>(std::max(interval_s, 1));
  std::string last_error;
  if (status && !status->last_error.empty()) last_error = " — 마지막 오류: " + redact(status->last_error);
  if (!status || !status->last_success_at)
    return name + ": 아직 성공한 실행이 없습니다" + last_error;
  if (now - *status->last_success_at > window)
    return name + ": 최근 " + std::to_string(window / 60) + "분 동안 성공한 실행이 없습니다 (마지막 성공 " +
           kst_minute(*status->last_success_at) + " KST)" + last_error;
  return std::nullopt;
}

HealthReport check_health(const Config& config, Store& store, StatusSource& source, std::time_t now) {
  HealthReport report;
  const auto statuses = store.site_status();
  const int interval = source.interval_s();
  for (const auto& site : config.sources) {
    std::optional<SiteStatus> status;
    for (const auto& s : statuses)
      if (s.site == site) status = s;
    if (auto problem = site_problem(site, status, interval, now)) report.reasons.push_back(*problem);
  }
  for (const auto& h : store.site_health()) {
    const bool enabled = std::find(config.sources.begin(), config.sources.end(), h.site) != config.sources.end();
    if (h.broken && enabled)
      report.reasons.push_back(site_display_name(h.site) + ": 추출 결과가 이상합니다 — " + redact(h.reason) + " (추출 방식 " +
                               (h.strategy.empty() ? "?" : h.strategy) + ")");
  }
  for (const auto& route : delivery_routes(config)) {
    const std::string key = webhook_key(route.webhook);
    if (key.empty()) continue;
    auto hook = store.webhook_status(key);
    if (!hook || hook->status != "dead") continue;
    const bool is_default = route.name == kDefaultRoute;
    std::string reason = is_default ? "Discord 웹훅을 사용할 수 없습니다 (dead)"
                                    : "채널 \"" + route.name + "\"의 Discord 웹훅을 사용할 수 없습니다 (dead)";
    if (!hook->last_error.empty()) reason += ": " + redact(hook->last_error);
    report.reasons.push_back(reason + " — " + route_webhook_setting(route.name) + "을 확인하세요");
  }
  if (const std::string problem = source.store_problem(); !problem.empty()) report.reasons.push_back(problem);
  report.ok = report.reasons.empty();
  return report;
}

}  // namespace ta
