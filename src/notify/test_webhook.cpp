#include "notify/test_webhook.h"

#include "config/config.h"
#include "log/log.h"
#include "normalize/kst_time.h"
#include "notify/notifier_setup.h"
#include "notify/korean_time.h"
#include "notify/rate_limit.h"
#include "util/version.h"

namespace ta {

nlohmann::json build_test_message(std::time_t now) {
  nlohmann::json embed = {
      {"title", "🎫 ticket-alarm 테스트 알림"},
      {"description", "이 메시지가 보이면 티켓 오픈 알림이 이 채널로 옵니다."},
      {"color", 0x5865F2},
      {"fields", {{{"name", "보낸 시각"}, {"value", format_korean_kst(now)}, {"inline", false}}}},
      {"footer", {{"text", std::string("ticket-alarm ") + kVersion}}},
      {"timestamp", format_kst_iso(now)},
  };
  return {{"embeds", nlohmann::json::array({embed})}, {"allowed_mentions", {{"parse", nlohmann::json::array()}}}};
}

int run_test_webhook(const Config& config, std::ostream& out) {
  if (config.DISCORD_WEBHOOK_URL.empty()) {
    out << "웹훅이 설정되지 않았습니다: 설정 파일"
        << (config.source_path.empty() ? "" : " " + config.source_path)
        << "의 \"DISCORD_WEBHOOK_URL\"을 채우거나 환경 변수 TICKET_ALARM_WEBHOOK_URL을 설정하세요.\n";
    return 2;
  }
  std::string error;
  auto client = make_webhook_client(config, &error);
  if (!client) {
    out << error << "\n";
    return 2;
  }
  SendResult r = client->send(build_test_message(std::time(nullptr)));
  auto log = logger("notify");
  switch (r.outcome) {
    case SendOutcome::ok:
      log->info("테스트 알림 전송 성공 (웹훅 {})", client->url().id);
      out << "성공: Discord가 테스트 메시지를 받았습니다 (메시지 ID " << (r.message_id.empty() ? "?" : r.message_id)
          << "). 채널에서 확인하세요.\n";
      return 0;
    case SendOutcome::dead:
      out << "실패: 웹훅이 삭제되었거나 토큰이 틀렸습니다 — " << r.error << "\n";
      break;
    case SendOutcome::rate_limited:
      out << "실패: 속도 제한에 걸렸습니다 — " << seconds_to_wait(r.retry_after_s).count() / 1000.0
          << "초 뒤에 다시 시도하세요.\n";
      break;
    case SendOutcome::rejected:
      out << "실패: Discord가 메시지를 거부했습니다 — " << r.error << "\n";
      break;
    case SendOutcome::retryable:
      out << "실패: Discord에 보내지 못했습니다 — " << r.error
          << (config.proxy.http.empty() && config.proxy.https.empty() ? "" : " (프록시 설정도 확인하세요)") << "\n";
      break;
  }
  log->error("테스트 알림 전송 실패 (웹훅 {}): {}", client->url().id, r.error);
  return 1;
}

}  // namespace ta
