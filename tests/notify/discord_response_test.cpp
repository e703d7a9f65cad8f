#include "notify/discord_response.h"

#include <gtest/gtest.h>

#include "notify/backoff.h"
#include "notify/rate_limit.h"

namespace ta {
namespace {

TEST(DiscordResponse, OkCarriesMessageId) {
  auto r = classify_response(200, R"({"id":"1310000000000000000","content":""})", {});
  EXPECT_EQ(r.outcome, SendOutcome::ok);
  EXPECT_EQ(r.message_id, "1310000000000000000");
  EXPECT_TRUE(r.error.empty());
  EXPECT_EQ(classify_response(204, "", {}).outcome, SendOutcome::ok);
}

TEST(DiscordResponse, RateLimitBodyOverridesHeaders) {
  RateLimitHeaders h;
  h.retry_after_s = 3;
  h.reset_after_s = 5;
  auto r = classify_response(429, R"({"message":"You are being rate limited.","retry_after":1.234,"global":false})", h);
  EXPECT_EQ(r.outcome, SendOutcome::rate_limited);
  EXPECT_DOUBLE_EQ(r.retry_after_s, 1.234);
  EXPECT_FALSE(r.global_rate_limit);
  EXPECT_DOUBLE_EQ(classify_response(429, "<html>", h).retry_after_s, 3);
  h.retry_after_s.reset();
  EXPECT_DOUBLE_EQ(classify_response(429, "", h).retry_after_s, 5);
  EXPECT_TRUE(classify_response(429, R"({"retry_after":0.5,"global":true})", {}).global_rate_limit);
}

TEST(DiscordResponse, DeadWebhooks) {
  auto gone = classify_response(404, R"({"message":"Unknown Webhook","code":10015})", {});
  EXPECT_EQ(gone.outcome, SendOutcome::dead);
  EXPECT_EQ(gone.discord_code, 10015);
  EXPECT_NE(gone.error.find("웹훅이 삭제되었습니다"), std::string::npos);
  EXPECT_NE(gone.error.find("Unknown Webhook"), std::string::npos);
  auto token = classify_response(401, R"({"message":"Invalid Webhook Token","code":50027})", {});
  EXPECT_EQ(token.outcome, SendOutcome::dead);
  EXPECT_NE(token.error.find("토큰이 틀렸습니다"), std::string::npos);
}

TEST(DiscordResponse, RejectedNamesTheField) {
  auto r = classify_response(
      400,
      R"({"code":50035,"message":"Invalid Form Body","errors":{"embeds":{"0":{"title":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 256 or fewer in length."}]}}}}})",
      {});
  EXPECT_EQ(r.outcome, SendOutcome::rejected);
  EXPECT_EQ(r.discord_code, 50035);
  EXPECT_NE(r.error.find("embeds.0.title: Must be 256 or fewer in length."), std::string::npos) << r.error;
  EXPECT_EQ(classify_response(413, "", {}).outcome, SendOutcome::rejected);
}

TEST(DiscordResponse, ServerErrorsAndTransportAreRetryable) {
  for (int status : {500, 502, 503, 504, 524}) EXPECT_EQ(classify_response(status, "", {}).outcome, SendOutcome::retryable);
  EXPECT_EQ(transport_failure(true, "").outcome, SendOutcome::retryable);
  EXPECT_NE(transport_failure(true, "").error.find("시간 초과"), std::string::npos);
}

TEST(DiscordResponse, ErrorTextNeverCarriesAWebhookToken) {
  auto r = transport_failure(false, "Failed to connect to discord.com/api/webhooks/1/SECRETTOKEN12345");
  EXPECT_EQ(r.error.find("SECRETTOKEN12345"), std::string::npos) << r.error;
}

// Found by fuzz/discord_response_fuzz.cpp: fields of an unexpected type (a proxy's or a broken
// answer) used to throw json type_error out of the notifier.
TEST(DiscordResponse, FieldsOfAnotherTypeAreIgnoredNotThrown) {
  SendResult r;
  ASSERT_NO_THROW(r = classify_response(429, R"({"message":false,"global":"yes","retry_after":"2"})", {}));
  EXPECT_EQ(r.outcome, SendOutcome::rate_limited);
  EXPECT_FALSE(r.global_rate_limit);
  EXPECT_FALSE(r.retry_after_known);
  ASSERT_NO_THROW(r = classify_response(400, R"({"code":50035,"message":7,"errors":{"embeds":{"_errors":[{"code":50035,"message":{}}]}}})", {}));
  EXPECT_EQ(r.outcome, SendOutcome::rejected);
  EXPECT_NE(r.error.find("embeds"), std::string::npos) << r.error;
  ASSERT_NO_THROW(r = classify_response(400, R"({"errors":[1,2,3]})", {}));
  ASSERT_NO_THROW(r = classify_response(200, R"({"id":{"nested":true}})", {}));
  EXPECT_EQ(r.outcome, SendOutcome::ok);
}

// Found by fuzz/discord_response_fuzz.cpp: a huge count was converted to int (undefined).
TEST(DiscordResponse, HugeRateLimitHeadersAreBounded) {
  const auto h = parse_rate_limit_headers({{"x-ratelimit-limit", "2340570000"}, {"x-ratelimit-remaining", "1e300"}});
  EXPECT_EQ(h.limit, 1000000000);
  EXPECT_EQ(h.remaining, 1000000000);
}

TEST(Backoff, FullJitterWithinGrowingCap) {
  using std::chrono::milliseconds;
  for (int attempt = 1; attempt <= 12; ++attempt) {
    long long cap = std::min(1000LL << (attempt - 1), 30000LL);
    long long seen_max = 0;
    for (int i = 0; i < 200; ++i) {
      long long d = exponential_backoff(attempt, milliseconds(1000), milliseconds(30000)).count();
      ASSERT_GE(d, 0);
      ASSERT_LE(d, cap);
      seen_max = std::max(seen_max, d);
    }
    EXPECT_GT(seen_max, cap / 2);  // jitter spans the range, not a fixed delay
  }
  EXPECT_EQ(exponential_backoff(1000000, milliseconds(1000), milliseconds(30000)) <= milliseconds(30000), true);
}

}  // namespace
}  // namespace ta
