#include <algorithm>
#include <ctime>
#include <string>
#include <vector>

#include "config/config.h"
#include "doctor/checks.h"
#include "notify/korean_time.h"
#include "sites/site.h"
#include "store/store.h"

namespace ta::doctor {

namespace {

std::string ago(std::time_t then, std::time_t now) {
  const long long s = std::max<long long>(0, static_cast<long long>(now - then));
  if (s < 120) return "방금";
  if (s < 2 * 3600) return std::to_string(s / 60) + "분 전";
  if (s < 2 * 86400) return std::to_string(s / 3600) + "시간 전";
  return std::to_string(s / 86400) + "일 전";
}

std::string when(std::time_t t, std::time_t now) { return format_korean_kst(t) + " (" + ago(t, now) + ")"; }

CheckResult judge(const SiteDescriptor& site, const SiteStatus* status, const SiteHealth* health, const Config& config,
                  std::time_t now) {
  const std::string title = "마지막 수집: " + site.name;
  const std::string retry = "`ticket-alarm crawl " + site.id + "`로 직접 읽어 보고, 로그(" + config.log.dir +
                            ")에서 이 사이트의 오류를 확인하세요";
  if (health && health->broken)
    return CheckResult::fail(title, "추출 결과가 이상합니다 (" + when(health->since, now) + "부터): " + health->reason +
                                        " — 추출 방식 " + (health->strategy.empty() ? "?" : health->strategy),
                             "사이트가 바뀌었을 수 있습니다. " + retry + ". 고치는 법은 README의 \"When a site changes\"");
  if (!status || (!status->last_success_at && !status->last_error_at))
    return CheckResult::warn(title, "수집 기록이 없습니다", "서비스(`ticket-alarm run`)가 이 사이트를 한 번 이상 읽은 뒤 다시 점검하세요");
  const bool failed_last = status->last_error_at && (!status->last_success_at || *status->last_error_at > *status->last_success_at);
  if (failed_last) {
    std::string found = "마지막 시도 실패 " + when(*status->last_error_at, now) + ": " + status->last_error;
    found += status->last_success_at ? "\n마지막 성공 " + when(*status->last_success_at, now) : "\n성공한 적 없음";
    return CheckResult::fail(title, found, retry);
  }
  const std::string found = "성공 " + when(*status->last_success_at, now) + ", " + std::to_string(status->items) +
                            "건 (" + status->strategy + ")";
  // A few missed cycles are normal (backoff, jitter); many mean the service is not running.
  const long long stale_after = std::max<long long>(3LL * config.interval + config.jitter_s, 1800);
  if (now - *status->last_success_at > stale_after)
    return CheckResult::warn(title, found + " — 그 뒤로 수집이 없습니다",
                             "서비스(`ticket-alarm run`)가 실행 중인지, 로그(" + config.log.dir + ")에 오류가 없는지 확인하세요");
  return CheckResult::pass(title, found);
}

}  // namespace

std::vector<CheckResult> check_site_status(const Config& config, const DoctorOptions& options) {
  const std::time_t now = options.now ? options.now : std::time(nullptr);
  std::vector<SiteStatus> statuses;
  std::vector<SiteHealth> health;
  try {
    Store store(database_path(config.data_dir));
    statuses = store.site_status();
    health = store.site_health();
  } catch (const std::exception& e) {
    return {CheckResult::fail("마지막 수집", std::string("수집 기록을 읽지 못했습니다: ") + e.what(),
                              "위의 데이터베이스 점검 결과를 확인하세요")};
  }
  std::vector<CheckResult> results;
  for (const auto& site : selected_sites(config.sources)) {
    auto it = std::find_if(statuses.begin(), statuses.end(), [&](const SiteStatus& s) { return s.site == site.id; });
    auto h = std::find_if(health.begin(), health.end(), [&](const SiteHealth& s) { return s.site == site.id; });
    results.push_back(judge(site, it == statuses.end() ? nullptr : &*it, h == health.end() ? nullptr : &*h, config, now));
  }
  return results;
}

}  // namespace ta::doctor
