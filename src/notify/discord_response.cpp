#include "notify/discord_response.h"

#include <cstdio>
#include <vector>

#include <nlohmann/json.hpp>

#include "log/log.h"

namespace ta {
namespace {

// A field of an answer we do not control: its text when it is a string, else "" (json::value
// would throw on a field of another type, and a notifier never throws).
std::string text_field(const nlohmann::json& obj, const char* key) {
  if (!obj.is_object()) return "";
  const auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : "";
}

bool true_field(const nlohmann::json& obj, const char* key) {
  const auto it = obj.find(key);
  return it != obj.end() && it->is_boolean() && it->get<bool>();
}

// "embeds.0.title: Must be 256 or fewer in length." for the first few leaves of Discord's
// errors tree, which is what a person needs to see which field was wrong.
void collect_errors(const nlohmann::json& node, const std::string& path, std::vector<std::string>& out) {
  if (out.size() >= 3 || !node.is_object()) return;
  for (auto it = node.begin(); it != node.end() && out.size() < 3; ++it) {
    if (it.key() == "_errors" && it->is_array()) {
      for (const auto& e : *it) {
        std::string msg = text_field(e, "message");
        if (msg.empty()) msg = text_field(e, "code");
        out.push_back((path.empty() ? "(본문)" : path) + ": " + msg);
        if (out.size() >= 3) break;
      }
    } else {
      collect_errors(*it, path.empty() ? it.key() : path + "." + it.key(), out);
    }
  }
}

std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", s);
  return buf;
}

}  // namespace

const char* to_string(SendOutcome o) {
  switch (o) {
    case SendOutcome::ok: return "ok";
    case SendOutcome::rate_limited: return "rate_limited";
    case SendOutcome::retryable: return "retryable";
    case SendOutcome::rejected: return "rejected";
    case SendOutcome::dead: return "dead";
  }
  return "unknown";
}

SendResult classify_response(int status, const std::string& body, const RateLimitHeaders& headers) {
  SendResult r;
  r.http_status = status;
  nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
  if (!j.is_object()) j = nlohmann::json::object();

  std::string discord_says;
  if (auto code = j.find("code"); code != j.end() && code->is_number_integer()) r.discord_code = code->get<int>();
  std::string message = text_field(j, "message");
  if (r.discord_code != 0) discord_says += ", 코드 " + std::to_string(r.discord_code);
  if (!message.empty()) discord_says += (r.discord_code != 0 ? " " : ", ") + message;
  std::string status_text = "HTTP " + std::to_string(status) + discord_says;

  if (status >= 200 && status < 300) {
    r.outcome = SendOutcome::ok;
    if (auto id = j.find("id"); id != j.end()) r.message_id = id->is_string() ? id->get<std::string>() : id->dump();
  } else if (status == 429) {
    r.outcome = SendOutcome::rate_limited;
    // The body's retry_after is precise (decimals) and overrides every header.
    auto body_retry = j.find("retry_after");
    if (body_retry != j.end() && body_retry->is_number() && body_retry->get<double>() >= 0)
      r.retry_after_s = body_retry->get<double>();
    else if (headers.retry_after_s)
      r.retry_after_s = *headers.retry_after_s;
    else if (headers.reset_after_s)
      r.retry_after_s = *headers.reset_after_s;
    else {
      r.retry_after_s = 1.0;
      r.retry_after_known = false;
    }
    r.global_rate_limit = true_field(j, "global") || headers.global;
    r.error = std::string("속도 제한에 걸렸습니다") + (r.global_rate_limit ? " (전역 제한)" : "") + ": " +
              seconds_text(r.retry_after_s) + "초 후 다시 보냅니다 (" + status_text + ")";
  } else if (status == 404) {
    r.outcome = SendOutcome::dead;
    r.error = "웹훅이 삭제되었습니다 (" + status_text +
              "). Discord 채널 설정 → 연동 → 웹후크에서 새로 만들어 DISCORD_WEBHOOK_URL에 넣어 주세요.";
  } else if (status == 401) {
    r.outcome = SendOutcome::dead;
    r.error = "웹훅 토큰이 틀렸습니다 (" + status_text + "). 웹후크의 'URL 복사'로 DISCORD_WEBHOOK_URL을 다시 넣어 주세요.";
  } else if (status == 403) {
    // Discord also answers 403 for one blocked message (AutoMod) or a missing channel permission:
    // the webhook itself still exists, so only this message fails.
    r.outcome = SendOutcome::rejected;
    r.error = "Discord가 이 메시지를 막았습니다 (" + status_text +
              "). 서버의 AutoMod 규칙과 채널의 웹후크 권한을 확인해 주세요.";
  } else if (status >= 500 || status == 408) {
    r.outcome = SendOutcome::retryable;
    r.error = "Discord 서버 오류입니다 (" + status_text + "). 잠시 후 다시 보냅니다.";
  } else if (status >= 400) {
    r.outcome = SendOutcome::rejected;
    std::vector<std::string> details;
    if (const auto errors = j.find("errors"); errors != j.end()) collect_errors(*errors, "", details);
    r.error = "Discord가 메시지를 거부했습니다 (" + status_text + ")";
    for (std::size_t i = 0; i < details.size(); ++i) r.error += (i == 0 ? ": " : "; ") + details[i];
  } else {
    r.outcome = SendOutcome::retryable;
    r.error = "Discord에서 예상하지 못한 응답을 받았습니다 (" + status_text + ")";
  }
  r.error = redact(r.error);
  return r;
}

SendResult transport_failure(bool timed_out, const std::string& detail) {
  SendResult r;
  r.outcome = SendOutcome::retryable;
  r.error = timed_out ? "Discord가 제때 응답하지 않았습니다 (시간 초과). 잠시 후 다시 보냅니다."
                      : "Discord에 연결하지 못했습니다 (" + redact(detail) + "). 잠시 후 다시 보냅니다.";
  return r;
}

}  // namespace ta
