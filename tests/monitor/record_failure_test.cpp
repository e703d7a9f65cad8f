// A message Discord took whose result cannot be stored must not go out again: the sender stops
// rather than re-reading the same "pending" row and repeating the alert every time it looks. The
// store is real SQLite; a trigger makes recording "sent" fail as a damaged or full disk would.
#include <gtest/gtest.h>

#include "config/config.h"
#include "monitor/delivery_runner.h"
#include "monitor_env.h"
#include "notify/webhook_url.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace ta {
namespace {

TEST(RecordFailure, ASendWhoseResultCannotBeStoredStopsSendingInsteadOfRepeating) {
  test::MonitorEnv env;
  const Config config = parse_config(env.config.dump(), env.dir.file("config.json"), nullptr);
  Store store(database_path(config.data_dir));
  const std::string key = webhook_key(config.DISCORD_WEBHOOK_URL);
  std::vector<Ticket> tickets;
  for (int i = 1; i <= 3; ++i) {
    Ticket t;
    t.id = std::to_string(i);
    t.title = "공연 " + t.id;
    t.open_at = "2099-07-01T20:00:00+09:00";
    tickets.push_back(t);
  }
  CrawlPolicy policy;
  policy.webhook_key = key;
  store.record_crawl("interpark", tickets, std::time(nullptr), policy);
  {
    Database db(database_path(config.data_dir), 1000);
    db.exec("CREATE TRIGGER refuse_sent BEFORE UPDATE OF status ON deliveries WHEN NEW.status = 'sent' "
            "BEGIN SELECT RAISE(ABORT, 'disk I/O error (test)'); END");
  }

  StopSignal stop;
  DeliveryRunner runner(config, store, stop, false);
  NotifyReport first = runner.deliver_due(std::time(nullptr));
  EXPECT_TRUE(first.record_failed);
  EXPECT_TRUE(runner.record_failed());
  const size_t requests = env.discord.requests().size();
  EXPECT_GE(requests, 1u);

  for (int look = 0; look < 3; ++look) {
    EXPECT_EQ(runner.deliver_due(std::time(nullptr)).requests, 0u) << "look " << look;
  }
  EXPECT_EQ(env.discord.requests().size(), requests) << "nothing is sent again";
  EXPECT_FALSE(runner.next_due_at()) << "and nothing is scheduled";
  EXPECT_EQ(store.pending_count(), 3) << "the rows are intact for the operator to inspect";
}

}  // namespace
}  // namespace ta
