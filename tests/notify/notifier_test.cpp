#include "notify/notifier.h"

#include <map>
#include <regex>

#include <gtest/gtest.h>

#include "config/config.h"
#include "notify/ticket_samples.h"
#include "support/fake_discord.h"

namespace ta {
namespace {

using nlohmann::json;
using std::chrono::milliseconds;
using test::FakeDiscord;

// Tests run against a faster bucket than Discord's 5 per 2 s; the logic is the same.
struct Fixture {
  FakeDiscord discord;
  WebhookClient client;
  StopSignal stop;

  Fixture() : client(*parse_webhook_url(discord.webhook_url())) { discord.set_rate_limit(5, milliseconds(200)); }

  static NotifierOptions fast() {
    NotifierOptions o;
    o.message_delay = milliseconds(0);
    o.backoff_base = milliseconds(1);
    o.backoff_max = milliseconds(20);
    return o;
  }
};

// A ticket whose embed is big enough (about 4000 characters) that each message carries one.
Notice big_notice(std::size_t i, bool priority = false) {
  Ticket t = test::realistic_ticket(i % 2 ? "yes24" : "melon");
  t.title = "공연 #" + std::to_string(i) + "#";
  t.venue = test::repeat("장소", 500);
  t.open_type_label = test::repeat("선예매", 300);
  t.badges = {test::repeat("뱃지", 500)};
  t.open_at = std::nullopt;
  t.open_text = test::repeat("오픈", 500);
  Notice n = test::notice_of(t, priority);
  n.delivery_id = static_cast<std::int64_t>(1000 + i);
  return n;
}

// How many times each "#N#" marker reached Discord across all accepted messages.
std::map<std::string, int> delivered_markers(const FakeDiscord& discord) {
  std::map<std::string, int> seen;
  static const std::regex marker(R"(#\d+#)");
  for (const auto& m : discord.messages())
    for (const auto& e : m.payload["embeds"]) {
      std::string title = e["title"];
      for (auto it = std::sregex_iterator(title.begin(), title.end(), marker); it != std::sregex_iterator(); ++it)
        ++seen[it->str()];
    }
  return seen;
}

TEST(Notifier, HostileTicketsAreAllAcceptedAndPingNobody) {
  Fixture f;
  std::vector<Notice> due;
  for (std::size_t v = 0; v < 12; ++v) due.push_back(test::notice_of(test::hostile_ticket(v)));
  for (std::size_t i = 0; i < 15; ++i) {
    Ticket t = test::realistic_ticket(test::hostile_ticket(0).site);
    t.title = "@everyone <@123> **공연** #" + std::to_string(i);
    t.venue = "@here";
    due.push_back(test::notice_of(t));
  }
  Notifier notifier(f.client, Fixture::fast(), &f.stop);
  NotifyReport report = notifier.send(due);
  EXPECT_EQ(report.sent, due.size());
  EXPECT_EQ(report.failed, 0u);
  for (const auto& r : f.discord.requests()) EXPECT_NE(r.status, 400) << r.body.substr(0, 300);
  std::size_t embeds = 0;
  for (const auto& m : f.discord.messages()) {
    EXPECT_EQ(m.payload["allowed_mentions"], json({{"parse", json::array()}}));
    EXPECT_FALSE(m.payload.contains("content"));
    EXPECT_TRUE(m.pings.empty());
    embeds += m.payload["embeds"].size();
  }
  EXPECT_EQ(embeds, due.size());
}

TEST(Notifier, PriorityPingsHereOnlyInItsMessage) {
  Fixture f;
  std::vector<Notice> due = {big_notice(0), big_notice(1, true), big_notice(2)};
  due[1].ticket.title = "@everyone 아이유 콘서트 #1#";
  Notifier notifier(f.client, Fixture::fast(), &f.stop);
  EXPECT_EQ(notifier.send(due).sent, 3u);
  auto messages = f.discord.messages();
  ASSERT_EQ(messages.size(), 3u);
  EXPECT_TRUE(messages[0].pings.empty());
  EXPECT_EQ(messages[1].pings, std::vector<std::string>{"here"});
  EXPECT_EQ(messages[1].payload["allowed_mentions"], json::parse(R"({"parse":["everyone"]})"));
  EXPECT_EQ(messages[1].payload["content"], "@here ⭐ 우선 알림: @\u200beveryone 아이유 콘서트 #1#");
  EXPECT_TRUE(messages[2].pings.empty());
}

TEST(Notifier, DeadWebhookStopsEverything) {
  Fixture f;
  f.discord.remove_webhook(FakeDiscord::kWebhookId);
  std::vector<Notice> due = {big_notice(0), big_notice(1), big_notice(2)};
  std::vector<MessageResult> results;
  Notifier notifier(f.client, Fixture::fast(), &f.stop);
  NotifyReport report = notifier.send(due, [&](const MessageResult& r) { results.push_back(r); });
  EXPECT_TRUE(report.webhook_dead);
  EXPECT_NE(report.dead_reason.find("웹훅이 삭제되었습니다"), std::string::npos);
  EXPECT_EQ(f.discord.requests().size(), 1u);
  for (const auto& n : report.notices) EXPECT_EQ(n.status, DeliveryStatus::dead);
  ASSERT_EQ(results.size(), 3u);  // the answered message, then the two handed back
  EXPECT_EQ(results[0].result.http_status, 404);
  EXPECT_EQ(results[0].delivery_ids, std::vector<std::int64_t>{1000});
}

TEST(Notifier, RejectedBatchIsSplitAndTheBadNoticeIsNeverResent) {
  Fixture f;
  f.discord.block_word("금지어");
  std::vector<Notice> due;
  for (std::size_t i = 0; i < 3; ++i) {
    Ticket t = test::realistic_ticket();
    t.title = "공연 #" + std::to_string(i) + "#" + (i == 1 ? " 금지어" : "");
    due.push_back(test::notice_of(t));
  }
  Notifier notifier(f.client, Fixture::fast(), &f.stop);
  NotifyReport report = notifier.send(due);
  EXPECT_EQ(report.sent, 2u);
  EXPECT_EQ(report.failed, 1u);
  EXPECT_EQ(report.notices[1].status, DeliveryStatus::failed);
  EXPECT_NE(report.notices[1].error.find("200000"), std::string::npos) << report.notices[1].error;
  auto requests = f.discord.requests();
  ASSERT_EQ(requests.size(), 4u);  // the batch, then each notice alone
  std::map<std::string, int> rejected_bodies;
  for (const auto& r : requests)
    if (r.status == 400) ++rejected_bodies[r.body];
  for (const auto& [body, count] : rejected_bodies) EXPECT_EQ(count, 1);
  EXPECT_EQ(delivered_markers(f.discord), (std::map<std::string, int>{{"#0#", 1}, {"#2#", 1}}));
}

TEST(Notifier, RateLimitStormDeliversEverythingWithoutEnteringARetryWindow) {
  Fixture f;
  f.discord.set_rate_limit(2, milliseconds(300));
  f.discord.force_429(4, 0.35);
  std::vector<Notice> due;
  for (std::size_t i = 0; i < 12; ++i) due.push_back(big_notice(i));
  NotifierOptions options = Fixture::fast();
  options.max_attempts = 1;  // a 429 must not use up attempts
  Notifier notifier(f.client, options, &f.stop);
  NotifyReport report = notifier.send(due);
  EXPECT_EQ(report.sent, due.size());
  auto requests = f.discord.requests();
  std::size_t limited = 0;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    if (requests[i].status != 429) continue;
    ++limited;
    auto window_end = requests[i].at + std::chrono::microseconds(static_cast<long long>(requests[i].retry_after_s * 1e6));
    for (std::size_t j = i + 1; j < requests.size(); ++j)
      EXPECT_GE(requests[j].at, window_end) << "request " << j << " inside the retry window of " << i;
  }
  EXPECT_GE(limited, 4u);
  EXPECT_EQ(report.rate_limited, limited);
  for (const auto& [marker, count] : delivered_markers(f.discord)) EXPECT_EQ(count, 1) << marker;
  EXPECT_EQ(delivered_markers(f.discord).size(), due.size());
}

TEST(Notifier, FlakyDiscordDeliversEveryNoticeExactlyOnce) {
  Fixture f;
  f.discord.set_rate_limit(50, milliseconds(100));
  f.discord.fail_fraction(0.3, 20250703);
  std::vector<Notice> pending;
  for (std::size_t i = 0; i < 40; ++i) pending.push_back(big_notice(i));
  std::map<std::int64_t, int> sent_callbacks;
  Notifier notifier(f.client, Fixture::fast(), &f.stop);
  // What the monitor does: send, keep what is handed back, send it again later.
  for (int round = 0; round < 30 && !pending.empty(); ++round) {
    NotifyReport report = notifier.send(pending, [&](const MessageResult& r) {
      if (r.status == DeliveryStatus::sent)
        for (auto id : r.delivery_ids) ++sent_callbacks[id];
    });
    std::vector<Notice> next;
    for (std::size_t i = 0; i < pending.size(); ++i) {
      ASSERT_NE(report.notices[i].status, DeliveryStatus::failed);
      if (report.notices[i].status != DeliveryStatus::sent) {
        next.push_back(pending[i]);
        next.back().previous_attempts += report.notices[i].attempts;
      }
    }
    pending = std::move(next);
  }
  EXPECT_TRUE(pending.empty());
  auto markers = delivered_markers(f.discord);
  EXPECT_EQ(markers.size(), 40u);
  for (const auto& [marker, count] : markers) EXPECT_EQ(count, 1) << marker;
  EXPECT_EQ(sent_callbacks.size(), 40u);
  for (const auto& [id, count] : sent_callbacks) EXPECT_EQ(count, 1) << id;
  std::size_t failures = 0;
  for (const auto& r : f.discord.requests()) failures += r.status >= 500;
  EXPECT_GT(failures, 5u);  // the seeded 30 % really happened
}

TEST(Notifier, EachResultIsReportedBeforeTheNextRequest) {
  Fixture f;
  f.discord.fail_next(1);
  std::vector<Notice> due = {big_notice(0), big_notice(1), big_notice(2)};
  std::vector<std::pair<DeliveryStatus, std::size_t>> seen;  // status, requests Discord had seen by then
  Notifier notifier(f.client, Fixture::fast(), &f.stop);
  notifier.send(due, [&](const MessageResult& r) { seen.emplace_back(r.status, f.discord.requests().size()); });
  ASSERT_EQ(seen.size(), 4u);
  EXPECT_EQ(seen[0], std::make_pair(DeliveryStatus::retrying, std::size_t{1}));
  EXPECT_EQ(seen[1], std::make_pair(DeliveryStatus::sent, std::size_t{2}));
  EXPECT_EQ(seen[2], std::make_pair(DeliveryStatus::sent, std::size_t{3}));
  EXPECT_EQ(seen[3], std::make_pair(DeliveryStatus::sent, std::size_t{4}));
}

TEST(Notifier, OutageHandsEverythingBackWithANextAttemptTime) {
  Fixture f;
  f.discord.fail_next(100, 503);
  std::vector<Notice> due = {big_notice(0), big_notice(1), big_notice(2)};
  NotifierOptions options = Fixture::fast();
  options.max_attempts = 2;
  options.backoff_base = milliseconds(1000);
  options.backoff_max = milliseconds(1000);
  auto before = std::chrono::system_clock::now();
  Notifier notifier(f.client, options, &f.stop);
  NotifyReport report = notifier.send(due);
  EXPECT_EQ(report.pending, 3u);
  EXPECT_EQ(report.sent, 0u);
  EXPECT_EQ(f.discord.requests().size(), 2u);  // two attempts of the first message, then stop trying
  for (const auto& n : report.notices) {
    EXPECT_EQ(n.status, DeliveryStatus::retry_later);
    EXPECT_GE(n.next_attempt_at, before);
    EXPECT_NE(n.error.find("503"), std::string::npos);
  }
  EXPECT_EQ(report.notices[0].attempts, 2);
}

TEST(Notifier, LongRateLimitIsHandedBackInsteadOfBlocking) {
  Fixture f;
  f.discord.force_429(1, 30.0);
  NotifierOptions options = Fixture::fast();
  options.max_blocking_wait = milliseconds(500);
  Notifier notifier(f.client, options, &f.stop);
  auto before = std::chrono::system_clock::now();
  NotifyReport report = notifier.send({big_notice(0), big_notice(1)});
  EXPECT_EQ(report.pending, 2u);
  EXPECT_EQ(f.discord.requests().size(), 1u);
  EXPECT_GE(report.notices[0].next_attempt_at, before + std::chrono::seconds(29));
}

TEST(Notifier, NotificationDelaySeparatesMessages) {
  Fixture f;
  NotifierOptions options = Fixture::fast();
  options.message_delay = milliseconds(150);
  Notifier notifier(f.client, options, &f.stop);
  EXPECT_EQ(notifier.send({big_notice(0), big_notice(1), big_notice(2)}).sent, 3u);
  auto requests = f.discord.requests();
  ASSERT_EQ(requests.size(), 3u);
  for (std::size_t i = 1; i < requests.size(); ++i) EXPECT_GE(requests[i].at - requests[i - 1].at, milliseconds(150));
}

TEST(Notifier, StopRequestedSendsNothing) {
  Fixture f;
  f.stop.request_stop();
  Notifier notifier(f.client, Fixture::fast(), &f.stop);
  NotifyReport report = notifier.send({big_notice(0)});
  EXPECT_EQ(report.pending, 1u);
  EXPECT_TRUE(f.discord.requests().empty());
}

TEST(Notifier, OptionsFromConfig) {
  Config c;
  c.notification_delay = 1.5;
  c.priority_mention = false;
  NotifierOptions o = notifier_options_from(c);
  EXPECT_EQ(o.message_delay, milliseconds(1500));
  EXPECT_FALSE(o.embed.priority_mention);
}

}  // namespace
}  // namespace ta
