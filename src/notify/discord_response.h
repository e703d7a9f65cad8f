#pragma once
// Turns Discord's HTTP answer into a SendResult with a Korean explanation. Pure, so every status
// and body shape can be tested without a server.
#include <string>

#include "notify/rate_limit.h"
#include "notify/send_result.h"

namespace ta {

SendResult classify_response(int http_status, const std::string& body, const RateLimitHeaders& headers);

// A transport failure (no HTTP answer): timeouts and connection errors are retryable.
SendResult transport_failure(bool timed_out, const std::string& detail);

}  // namespace ta
