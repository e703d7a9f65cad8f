#pragma once
// What one webhook request came to, in the terms the caller acts on.
#include <string>

namespace ta {

enum class SendOutcome {
  ok,            // Discord stored the message
  rate_limited,  // 429 (or our own bucket said wait): resend the same body after retry_after_s, not a failure
  retryable,     // 5xx, timeout, connection error: resend later with backoff
  rejected,      // 400, 403 and other 4xx: this body will not go (wrong, or blocked), never resend it
  dead,          // 401/404: webhook deleted or token wrong, stop using it until it works again
};

const char* to_string(SendOutcome o);

struct SendResult {
  SendOutcome outcome = SendOutcome::retryable;
  int http_status = 0;         // 0 when no HTTP answer arrived
  double retry_after_s = 0;    // for rate_limited
  bool retry_after_known = true;  // false: a 429 (e.g. a Cloudflare HTML page) that did not say how long
  bool global_rate_limit = false;
  std::string message_id;      // for ok (the webhook is called with ?wait=true)
  int discord_code = 0;        // Discord's JSON error code when it sent one
  std::string error;           // Korean, plain words, token-free; empty for ok
};

}  // namespace ta
