#include <string>

#include <nlohmann/json.hpp>

#include "config/config.h"
#include "doctor/checks.h"
#include "notify/notifier_setup.h"
#include "notify/send_result.h"

namespace ta::doctor {

namespace {

const char* const kTitle = "Discord 웹훅";

std::string text_field(const nlohmann::json& j, const char* key) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_string()) return "?";
  return j[key].get<std::string>();
}

std::string dead_reason(int status) {
  if (status == 404) return "웹훅이 삭제되었습니다";
  if (status == 401) return "웹훅 토큰이 틀렸습니다";
  return "이 웹훅을 쓸 권한이 없습니다";
}

// The notifier's wording promises a resend; the doctor sends nothing, so that promise is dropped.
std::string without_retry_note(std::string error) {
  const std::string note = " 잠시 후 다시 보냅니다.";
  if (error.size() >= note.size() && error.compare(error.size() - note.size(), note.size(), note) == 0)
    error.erase(error.size() - note.size());
  return error;
}

}  // namespace

// One webhook of the configuration, `setting` naming where it is set ("DISCORD_WEBHOOK_URL",
// "routes의 \"아이유\" webhook").
static CheckResult check_one_webhook(const Config& config, const std::string& url, const std::string& title,
                              const std::string& setting) {
  const std::string where = config.source_path.empty() ? "설정 파일" : config.source_path;
  std::string error;
  auto client = make_webhook_client(config, url, &error);
  if (!client) return CheckResult::fail(title, error, where + "의 " + setting + "에 웹훅 URL을 그대로 붙여 넣으세요");

  // A GET reads the webhook object: proof that it exists and where it posts, without a message.
  nlohmann::json hook;
  const SendResult r = client->fetch_webhook(&hook);
  const std::string id = " (웹훅 ID " + client->url().id + ")";
  switch (r.outcome) {
    case SendOutcome::ok:
      return CheckResult::pass(title, "\"" + text_field(hook, "name") + "\" → 채널 " + text_field(hook, "channel_id") + id);
    case SendOutcome::dead:
      return CheckResult::fail(title, dead_reason(r.http_status) + " (HTTP " + std::to_string(r.http_status) + ")" + id,
                               "Discord 채널 설정 → 연동 → 웹후크에서 URL을 다시 복사해 " + where + "의 " + setting +
                                   "에 넣으세요 (웹후크가 없으면 새로 만드세요)");
    case SendOutcome::rate_limited:
      return CheckResult::warn(title, "속도 제한에 걸려 확인하지 못했습니다" + id, "잠시 뒤 다시 점검하세요");
    case SendOutcome::rejected:
      return CheckResult::fail(title, "Discord가 요청을 거부했습니다: " + r.error + id,
                               "웹훅 URL을 다시 복사해 넣으세요");
    case SendOutcome::retryable:
      break;
  }
  const bool proxied = !config.proxy.http.empty() || !config.proxy.https.empty();
  return CheckResult::fail(title, without_retry_note(r.error) + id,
                           std::string("위의 네트워크: Discord 점검 결과를 확인하세요") +
                               (proxied ? " (프록시 설정도 확인하세요)" : ""));
}

CheckResult check_webhook(const Config& config, const DoctorOptions&) {
  const std::string where = config.source_path.empty() ? "설정 파일" : config.source_path;
  if (config.DISCORD_WEBHOOK_URL.empty() && !config.routes.empty())
    return CheckResult::pass(kTitle, "DISCORD_WEBHOOK_URL은 비어 있고 routes의 채널 " + std::to_string(config.routes.size()) +
                                         "개로 보냅니다");
  if (config.DISCORD_WEBHOOK_URL.empty())
    return CheckResult::fail(kTitle, "설정되지 않았습니다 — 알림을 보낼 곳이 없습니다",
                             where + "의 \"DISCORD_WEBHOOK_URL\"을 채우거나 환경 변수 TICKET_ALARM_WEBHOOK_URL을 "
                                     "설정하세요 (Discord 채널 설정 → 연동 → 웹후크 → URL 복사)");
  return check_one_webhook(config, config.DISCORD_WEBHOOK_URL, kTitle, route_webhook_setting(kDefaultRoute));
}

std::vector<CheckResult> check_route_webhooks(const Config& config, const DoctorOptions&) {
  std::vector<CheckResult> out;
  for (const auto& r : config.routes)
    out.push_back(check_one_webhook(config, r.webhook, std::string(kTitle) + " (채널 " + r.name + ")",
                                    route_webhook_setting(r.name)));
  return out;
}

}  // namespace ta::doctor
