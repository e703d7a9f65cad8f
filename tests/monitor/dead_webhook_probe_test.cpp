// A webhook found dead within a running monitor is probed again on a backoff rather than left
// silent until a restart. DeliveryRunner takes "now" from its caller, so the ten minutes pass
// without waiting for them; Discord is the fake one on loopback and the store is real SQLite.
#include <gtest/gtest.h>

#include "config/config.h"
#include "monitor/delivery_runner.h"
#include "monitor_env.h"
#include "notify/webhook_url.h"
#include "store/store.h"

namespace ta {
namespace {

TEST(DeadWebhookProbe, ProbedEveryTenMinutesAndTheBacklogGoesOnceItWorks) {
  test::MonitorEnv env;
  env.config["notification_delay"] = 0;
  const Config config = parse_config(env.config.dump(), env.dir.file("config.json"), nullptr);
  Store store(database_path(config.data_dir));
  const std::string key = webhook_key(config.DISCORD_WEBHOOK_URL);
  Ticket a;
  a.id = "1";
  a.title = "연극 A";
  a.open_at = "2099-07-01T20:00:00+09:00";
  Ticket b = a;
  b.id = "2";
  b.title = "연극 B";
  CrawlPolicy policy;
  policy.webhook_key = key;
  const std::time_t start = std::time(nullptr);
  store.record_crawl("interpark", {a, b}, start, policy);

  StopSignal stop;
  DeliveryRunner runner(config, store, stop, false);
  env.discord.fail_next(1, 404);
  NotifyReport first = runner.deliver_due(start);
  EXPECT_TRUE(first.webhook_dead);
  EXPECT_TRUE(runner.webhook_dead());
  EXPECT_EQ(store.webhook_status(key)->status, "dead");
  ASSERT_TRUE(runner.next_due_at());
  EXPECT_EQ(*runner.next_due_at(), start + DeliveryRunner::kDeadProbeSeconds);
  const size_t requests = env.discord.requests().size();

  // Nine minutes later nothing is tried; the probe is not due yet.
  EXPECT_EQ(runner.deliver_due(start + 540).requests, 0u);
  EXPECT_EQ(env.discord.requests().size(), requests);

  // Still dead at the first probe: one request, the next probe ten minutes on.
  env.discord.fail_next(1, 404);
  NotifyReport probe = runner.deliver_due(*runner.next_due_at());
  EXPECT_EQ(probe.requests, 1u);
  EXPECT_EQ(env.discord.requests().size(), requests + 1);
  EXPECT_EQ(store.pending_count(), 2);

  // It works again: the probe goes through and the rest follows in the same call.
  NotifyReport recovered = runner.deliver_due(*runner.next_due_at());
  EXPECT_EQ(recovered.sent, 2u);
  EXPECT_FALSE(runner.webhook_dead());
  EXPECT_EQ(store.webhook_status(key)->status, "ok");
  EXPECT_EQ(store.pending_count(), 0);
  EXPECT_EQ(env.embeds().size(), 2u);
}

}  // namespace
}  // namespace ta
