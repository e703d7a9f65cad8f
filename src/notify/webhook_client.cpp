#include "notify/webhook_client.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <thread>

#include <curl/curl.h>

#include "config/config.h"
#include "notify/discord_response.h"

namespace ta {
namespace {

// Discord's JSON error code for a message that no longer exists.
constexpr int kUnknownMessage = 10008;

struct Exchange {
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case names
};

size_t on_body(char* data, size_t size, size_t count, void* user) {
  static_cast<Exchange*>(user)->body.append(data, size * count);
  return size * count;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* ex = static_cast<Exchange*>(user);
  std::string line(data, size * count);
  // A new status line (after a redirect or 100 Continue) starts a new header set.
  if (line.rfind("HTTP/", 0) == 0) {
    ex->headers.clear();
    return size * count;
  }
  auto colon = line.find(':');
  if (colon == std::string::npos) return size * count;
  std::string name = line.substr(0, colon);
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string value = line.substr(colon + 1);
  auto not_space = [](unsigned char c) { return !std::isspace(c); };
  value.erase(value.begin(), std::find_if(value.begin(), value.end(), not_space));
  value.erase(std::find_if(value.rbegin(), value.rend(), not_space).base(), value.end());
  ex->headers[name] = value;
  return size * count;
}

struct CurlGlobal {
  CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
};

SendResult early(std::chrono::steady_clock::duration left) {
  SendResult r;
  r.outcome = SendOutcome::rate_limited;
  r.retry_after_s = std::chrono::duration<double>(left).count();
  r.error = "속도 제한: Discord가 알려 준 대기 시간이 아직 남아 있어 보내지 않았습니다.";
  return r;
}

}  // namespace

std::string proxy_for(const WebhookUrl& url, const ProxyConfig& proxy) {
  bool https = url.base.rfind("https://", 0) == 0;
  return https ? proxy.https : proxy.http;
}

WebhookClient::WebhookClient(WebhookUrl url, WebhookClientOptions options)
    : url_(std::move(url)), options_(std::move(options)) {
  static CurlGlobal global;  // curl_global_init is not thread-safe: once, before any handle
  CURL* curl = curl_easy_init();
  curl_ = curl;
  if (!curl) return;
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.total_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_USERAGENT, options_.user_agent.c_str());
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
  if (!options_.proxy.empty()) {
    curl_easy_setopt(curl, CURLOPT_PROXY, options_.proxy.c_str());
  } else {
    // Without a configured proxy, a loopback webhook (the test server) must not be sent to an
    // environment proxy; anything else keeps curl's usual http(s)_proxy handling.
    curl_easy_setopt(curl, CURLOPT_NOPROXY, "127.0.0.1,localhost,::1");
  }
}

WebhookClient::~WebhookClient() {
  if (curl_) curl_easy_cleanup(static_cast<CURL*>(curl_));
}

WebhookClient::Clock::time_point WebhookClient::next_allowed_at() const {
  std::lock_guard<std::mutex> lock(state_mutex_);
  return rate_limit_.next_allowed_at();
}

SendResult WebhookClient::send(const nlohmann::json& payload) {
  auto now = Clock::now();
  auto allowed = next_allowed_at();
  if (now < allowed) return early(allowed - now);
  std::string body;
  try {
    // Replace, never throw, on text that is not UTF-8: a bad byte must not lose the notice.
    body = payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  } catch (const std::exception&) {
    SendResult r;
    r.outcome = SendOutcome::rejected;
    r.error = "보낼 메시지를 JSON으로 만들 수 없습니다.";
    return r;
  }
  return perform(url_.post_url, &body, nullptr);
}

SendResult WebhookClient::edit_message(const std::string& message_id, const nlohmann::json& payload) {
  const auto now = Clock::now();
  const auto allowed = next_allowed_at();
  if (now < allowed) return early(allowed - now);
  const bool digits = !message_id.empty() &&
                      message_id.find_first_not_of("0123456789") == std::string::npos;
  if (!digits) {
    SendResult r;
    r.outcome = SendOutcome::rejected;
    r.error = "고칠 메시지의 ID가 없습니다.";
    return r;
  }
  const std::string body = payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string url = url_.base + "/messages/" + message_id;
  if (!url_.thread_id.empty()) url += "?thread_id=" + url_.thread_id;
  SendResult r = perform(url, &body, nullptr, "PATCH");
  if (r.http_status == 404 && r.discord_code == kUnknownMessage) {
    r.outcome = SendOutcome::rejected;
    r.error = "고칠 메시지가 채널에서 지워졌습니다 (HTTP 404, 코드 10008).";
  }
  if (r.outcome == SendOutcome::ok && r.message_id.empty()) r.message_id = message_id;
  return r;
}

SendResult WebhookClient::send_when_allowed(const nlohmann::json& payload, StopSignal* stop) {
  for (;;) {
    auto allowed = next_allowed_at();
    if (Clock::now() >= allowed) break;
    bool running = stop ? stop->wait_until(allowed) : (std::this_thread::sleep_until(allowed), true);
    if (!running) return transport_failure(false, "종료 요청으로 보내지 않음");
  }
  return send(payload);
}

SendResult WebhookClient::fetch_webhook(nlohmann::json* webhook) {
  auto now = Clock::now();
  auto allowed = next_allowed_at();
  if (now < allowed) return early(allowed - now);
  return perform(url_.base, nullptr, webhook);
}

SendResult WebhookClient::perform(const std::string& url, const std::string* body, nlohmann::json* response_json,
                                  const char* method) {
  std::lock_guard<std::mutex> request_lock(request_mutex_);
  auto* curl = static_cast<CURL*>(curl_);
  if (!curl) return transport_failure(false, "libcurl을 초기화하지 못함");
  Exchange ex;
  char errbuf[CURL_ERROR_SIZE] = {0};
  struct curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, "Content-Type: application/json");
  headers = curl_slist_append(headers, "Expect:");  // no 100-continue round trip for large embeds
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &ex);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &ex);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
  if (body) {
    curl_easy_setopt(curl, CURLOPT_POST, 1L);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body->data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body->size()));
  } else {
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
  }
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method);  // nullptr: POST or GET as set above
  CURLcode rc = curl_easy_perform(curl);
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, nullptr);
  auto received = Clock::now();
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, nullptr);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
  curl_slist_free_all(headers);

  if (rc != CURLE_OK) {
    std::string detail = errbuf[0] ? std::string(errbuf) : curl_easy_strerror(rc);
    return transport_failure(rc == CURLE_OPERATION_TIMEDOUT, detail);
  }
  RateLimitHeaders limits = parse_rate_limit_headers(ex.headers);
  SendResult r = classify_response(static_cast<int>(status), ex.body, limits);
  {
    std::lock_guard<std::mutex> lock(state_mutex_);
    rate_limit_.on_response(limits, received);
    if (r.outcome == SendOutcome::rate_limited) rate_limit_.on_rate_limited(r.retry_after_s, received);
  }
  if (response_json && r.outcome == SendOutcome::ok) {
    auto j = nlohmann::json::parse(ex.body, nullptr, false);
    if (!j.is_discarded()) *response_json = std::move(j);
  }
  return r;
}

}  // namespace ta
