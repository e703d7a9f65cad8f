#include "notify/ops_message.h"

#include "notify/discord_escape.h"
#include "notify/discord_limits.h"
#include "notify/text_fit.h"

namespace ta {

nlohmann::json build_site_health_message(const SiteHealth& h, const std::string& site_name, const std::string& script,
                                         const EmbedOptions& options) {
  const std::string layer = h.strategy.empty() ? "알 수 없음" : escape_for_content(h.strategy);
  // The reason quotes the site's error text: escaped like any scraped text.
  const std::string reason = escape_for_content(notify_text::sanitize_utf8(h.reason));
  std::string text;
  if (h.broken)
    text = "🚨 예매처 점검 필요: " + site_name + " — " + reason + " (추출 방식 " + layer +
           "). 공지가 없는 것이 아니라 읽지 못하는 것일 수 있습니다: scripts/extract/" + script +
           "을(를) 확인하세요 (`ticket-alarm crawl " + h.site + "`로 직접 읽어 볼 수 있습니다).";
  else
    text = "✅ 예매처 정상화: " + site_name + " — 다시 " + reason + "을(를) 읽습니다 (추출 방식 " + layer + ").";
  nlohmann::json message = {{"content", notify_text::fit(text, discord::kMaxContent)},
                            {"allowed_mentions", {{"parse", nlohmann::json::array()}}}};
  const std::string username = notify_text::fit(options.username, discord::kMaxUsername);
  if (!username.empty()) message["username"] = username;
  return message;
}

}  // namespace ta
