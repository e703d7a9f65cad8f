#include "notify/webhook_url.h"
#include "util/ascii.h"

#include <algorithm>
#include <cctype>
#include <regex>

namespace ta {
namespace {

const char* const kExpectedForm = "https://discord.com/api/webhooks/<웹훅 ID>/<토큰>";

std::string trim(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

bool fail(std::string* error, const std::string& why) {
  if (error) *error = why;
  return false;
}

bool allowed_host(const std::string& scheme, const std::string& host) {
  if (scheme == "https") {
    static const std::regex discord(R"(^(ptb\.|canary\.)?(discord|discordapp)\.com$)");
    return std::regex_match(host, discord);
  }
  // Plain http only for a server on this machine: the fake Discord in tests.
  return scheme == "http" && (host == "127.0.0.1" || host == "localhost");
}

// thread_id survives; anything else (wait=…, junk) is replaced by what the notifier needs.
std::string thread_id_from_query(const std::string& query) {
  static const std::regex param(R"((?:^|&)thread_id=(\d+)(?:&|$))");
  std::smatch m;
  return std::regex_search(query, m, param) ? m[1].str() : "";
}

}  // namespace

std::optional<WebhookUrl> parse_webhook_url(const std::string& raw, std::string* error) {
  std::string url = trim(raw);
  if (url.empty()) {
    fail(error, std::string("DISCORD_WEBHOOK_URL이 비어 있습니다. Discord 채널 설정 → 연동 → 웹후크에서 복사한 주소(") +
                    kExpectedForm + ")를 넣어 주세요.");
    return std::nullopt;
  }
  static const std::regex shape(R"(^([A-Za-z][A-Za-z0-9+.-]*)://([^/:?#]+)(:\d{1,5})?(/[^?#]*)?(?:\?([^#]*))?(?:#.*)?$)");
  std::smatch m;
  if (!std::regex_match(url, m, shape)) {
    fail(error, std::string("DISCORD_WEBHOOK_URL이 URL 형식이 아닙니다. ") + kExpectedForm + " 형식으로 넣어 주세요.");
    return std::nullopt;
  }
  std::string scheme = ascii_lower(m[1].str());
  std::string host = ascii_lower(m[2].str());
  std::string port = m[3].str();
  std::string path = m[4].str();
  std::string query = m[5].str();
  if (!allowed_host(scheme, host) || (scheme == "https" && !port.empty())) {
    fail(error, "DISCORD_WEBHOOK_URL이 Discord 웹훅 주소가 아닙니다 (" + scheme + "://" + host + port + "). " +
                    kExpectedForm + " 형식이어야 합니다.");
    return std::nullopt;
  }
  static const std::regex webhook_path(R"(^/api(?:/v\d+)?/webhooks/(\d{1,20})/([A-Za-z0-9_-]{1,200})/?$)");
  std::smatch p;
  if (!std::regex_match(path, p, webhook_path)) {
    fail(error, std::string("DISCORD_WEBHOOK_URL의 경로가 웹훅 주소가 아닙니다. ") + kExpectedForm +
                    " 형식이어야 합니다 (웹훅 ID는 숫자, 토큰은 영문·숫자·_·-). 웹후크 설정의 'URL 복사'로 다시 복사해 주세요.");
    return std::nullopt;
  }
  WebhookUrl w;
  w.id = p[1].str();
  w.token = p[2].str();
  w.thread_id = thread_id_from_query(query);
  w.base = scheme + "://" + host + port + "/api/v10/webhooks/" + w.id + "/" + w.token;
  w.post_url = w.base + "?wait=true";
  if (!w.thread_id.empty()) w.post_url += "&thread_id=" + w.thread_id;
  return w;
}

std::string webhook_key(const std::string& url) {
  auto w = parse_webhook_url(url);
  return w ? w->id : "";
}

}  // namespace ta
