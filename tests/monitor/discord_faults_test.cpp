// Discord misbehaving while the whole binary runs (real Chromium, real SQLite, the fake Discord on
// loopback): a 429 storm and a Discord that fails 30 % of requests with 5xx. Every notice must
// arrive exactly once, and no request may land inside a window Discord asked us to wait out.
#include <gtest/gtest.h>
#include <signal.h>

#include <map>
#include <thread>

#include "monitor_env.h"
#include "notify/webhook_url.h"
#include "store/store.h"

namespace ta {
namespace {

using nlohmann::json;

// Notices with long venues: about five embeds fit in one message under Discord's 6000 total,
// so a few dozen notices take several messages and every fault hits a real batch.
std::vector<json> long_notices(int count) {
  std::string venue;
  while (venue.size() < 2400) venue += "세종문화회관 대극장 ";
  std::vector<json> items;
  for (int i = 1; i <= count; ++i)
    items.push_back(test::item(std::to_string(5000 + i), "콘서트 " + std::to_string(i) + "회차 티켓오픈",
                               "2025-07-03T16:00:00+09:00", venue));
  return items;
}

std::map<std::string, int> deliveries_by_url(const std::vector<test::FakeDiscordMessage>& messages) {
  std::map<std::string, int> seen;
  for (const auto& m : messages)
    for (const auto& e : m.payload.value("embeds", json::array())) ++seen[e.value("url", "")];
  return seen;
}

void expect_each_once(const std::map<std::string, int>& seen, size_t count) {
  EXPECT_EQ(seen.size(), count) << "every notice must arrive";
  for (const auto& [url, n] : seen) EXPECT_EQ(n, 1) << url << " arrived " << n << " times";
}

TEST(DiscordFaults, RateLimitStormDeliversEverythingAndNeverRetriesEarly) {
  test::MonitorEnv env;
  env.use_items(long_notices(40));
  env.discord.set_rate_limit(5, std::chrono::milliseconds(2000));  // Discord's own webhook limit
  env.discord.force_429(4, 1.5);

  auto r = env.once();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_each_once(deliveries_by_url(env.discord.messages()), 40);
  EXPECT_GT(env.discord.messages().size(), 5u) << "the batch should have spanned several messages";

  auto requests = env.discord.requests();
  size_t limited = 0;
  for (size_t i = 0; i < requests.size(); ++i) {
    if (requests[i].status != 429) continue;
    ++limited;
    auto window_end = requests[i].at + std::chrono::microseconds(static_cast<long long>(requests[i].retry_after_s * 1e6));
    for (size_t j = i + 1; j < requests.size(); ++j)
      EXPECT_GE(requests[j].at, window_end) << "request " << j << " inside the retry window of request " << i;
  }
  EXPECT_EQ(limited, 4u) << "only the forced 429s: the binary must never run into the bucket itself";
  EXPECT_NE(r.err.find("Discord 속도 제한"), std::string::npos);
  EXPECT_EQ(r.err.find("알림 전송 실패"), std::string::npos) << "a 429 is not a failure";
}

TEST(DiscordFaults, ThirtyPercentServerErrorsStillDeliverEachNoticeExactlyOnce) {
  test::MonitorEnv env;
  env.use_items(long_notices(60));
  env.config["interval"] = 10;
  // The first message fails all three of its attempts, so the batch is handed back and must go out
  // in a later cycle; after that three requests in ten fail at random.
  env.discord.fail_next(3, 503);
  env.discord.fail_fraction(0.3, 20251127);

  test::BackgroundBinary monitor({"run", "--config", env.config_path(), "--replay-dir", env.replay_dir()}, env.env(),
                                 env.dir.path());
  const bool all = env.discord.wait_until(
      [](const std::vector<test::FakeDiscordMessage>& m) { return deliveries_by_url(m).size() >= 60; },
      std::chrono::seconds(240));
  EXPECT_EQ(monitor.stop(SIGTERM), 0);
  ASSERT_TRUE(all) << "not every notice arrived; Discord saw " << deliveries_by_url(env.discord.messages()).size();
  expect_each_once(deliveries_by_url(env.discord.messages()), 60);

  size_t server_errors = 0;
  for (const auto& req : env.discord.requests()) server_errors += req.status >= 500;
  EXPECT_GE(server_errors, 5u) << "the injected failures must really have happened";
  const std::string log = env.log();
  EXPECT_NE(log.find("알림 재전송 예정"), std::string::npos);
  EXPECT_NE(log.find("[ERROR]"), std::string::npos);
  EXPECT_NE(log.find("알림 전송 실패"), std::string::npos) << "three failed attempts are reported to the operator";

  // A later run finds nothing left to send.
  auto again = env.once();
  ASSERT_EQ(again.exit_code, 0) << again.err;
  expect_each_once(deliveries_by_url(env.discord.messages()), 60);
}

TEST(DiscordFaults, AHandedBackBatchGoesOutWhenItsRetryIsDueNotAtTheNextCycle) {
  test::MonitorEnv env;
  env.use_items(long_notices(10));
  env.config["interval"] = 600;
  env.discord.fail_next(3, 503);  // the first message's three attempts fail: the batch is handed back

  test::BackgroundBinary monitor({"run", "--config", env.config_path(), "--replay-dir", env.replay_dir()}, env.env(),
                                 env.dir.path());
  // Its backoff is at most 16 s; the next cycle is ten minutes away.
  const bool all = env.discord.wait_until(
      [](const std::vector<test::FakeDiscordMessage>& m) { return deliveries_by_url(m).size() >= 10; },
      std::chrono::seconds(90));
  EXPECT_EQ(monitor.stop(SIGTERM), 0);
  ASSERT_TRUE(all) << "the retry waited for the next cycle; Discord saw "
                   << deliveries_by_url(env.discord.messages()).size() << " of 10";
  expect_each_once(deliveries_by_url(env.discord.messages()), 10);

  const std::string log = env.log();
  size_t cycles = 0;
  for (size_t at = log.find("크롤링 시작"); at != std::string::npos; at = log.find("크롤링 시작", at + 1)) ++cycles;
  EXPECT_EQ(cycles, 1u) << "delivered between cycles, not by crawling again";
  EXPECT_NE(log.find("알림 전송 실패"), std::string::npos);
}

TEST(DiscordFaults, A429WithoutRetryAfterBacksOffAndIsBoundedPerMessage) {
  test::MonitorEnv env;
  env.use_items(long_notices(2));
  env.discord.force_html_429(50);  // Cloudflare keeps blocking for longer than this run

  auto r = env.once();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  size_t limited = 0;
  for (const auto& req : env.discord.requests()) limited += req.status == 429;
  EXPECT_EQ(limited, 6u) << "six 429s, then the message goes back to the queue instead of holding the sender";
  EXPECT_TRUE(env.discord.messages().empty());
  EXPECT_NE(r.err.find("속도 제한이 계속되어"), std::string::npos) << r.err;

  Store store(database_path(env.config["data_dir"]));
  auto counts = store.counts_by_status();
  EXPECT_EQ(counts["retry"], 2) << "kept, due again after the last wait";
  EXPECT_EQ(counts["failed"], 0) << "a 429 is never a failure";
  const auto next = store.next_retry_at(webhook_key(env.discord.webhook_url()));
  ASSERT_TRUE(next);
  EXPECT_GE(*next, std::time(nullptr) - 1);
}

size_t occurrences(const std::string& text, const std::string& phrase) {
  size_t n = 0;
  for (size_t at = text.find(phrase); at != std::string::npos; at = text.find(phrase, at + 1)) ++n;
  return n;
}

TEST(DiscordFaults, ARateLimitedSenderNeverHoldsUpTheCrawls) {
  test::MonitorEnv env;
  env.use_items(long_notices(3));
  env.config["interval"] = 10;
  env.discord.force_429(1000, 30.0);  // every request: wait 30 s

  test::BackgroundBinary monitor({"run", "--config", env.config_path(), "--replay-dir", env.replay_dir()}, env.env(),
                                 env.dir.path());
  // Three cycles 10 s apart while the sender sits out 30 s windows.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (occurrences(env.log(), "크롤링 완료") < 3 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const size_t requests_meanwhile = env.discord.requests().size();
  const auto stopping = std::chrono::steady_clock::now();
  EXPECT_EQ(monitor.stop(SIGTERM), 0);
  EXPECT_LT(std::chrono::steady_clock::now() - stopping, std::chrono::seconds(10)) << "a rate-limit wait ends at SIGTERM";

  EXPECT_GE(occurrences(env.log(), "크롤링 완료"), 3u) << "the crawls waited for Discord:\n" << env.log();
  EXPECT_LE(requests_meanwhile, 3u) << "and the sender honoured every 30 s window";
  EXPECT_TRUE(env.discord.messages().empty());
  Store store(database_path(env.config["data_dir"]));
  EXPECT_EQ(store.pending_count(), 3) << "nothing lost: sent once Discord lets us";
}

}  // namespace
}  // namespace ta
