// `ticket-alarm once` over the replayed fixtures of all four sites, against a fake Discord:
// every upcoming notice exactly once, nothing on the second run.
#include <gtest/gtest.h>

#include <httplib.h>

#include "monitor_env.h"
#include "store/store.h"
#include "web/store_status_source.h"
#include "web/web_server.h"

namespace ta {
namespace {

using nlohmann::json;

std::time_t recorded_at(const std::string& har_path) {
  std::ifstream f(har_path);
  json har = json::parse(f);
  return *parse_iso(har["log"]["pages"][0]["startedDateTime"].get<std::string>());
}

TEST(OnceOverFixtures, AnnouncesEachUpcomingNoticeExactlyOnce) {
  test::MonitorEnv env;
  env.config["sources"] = {"interpark", "yes24", "melon", "ticketlink"};
  env.config["browser"]["pool_size"] = 2;
  // The list pages alone: what detail pages add is tested in detail_pages_test.cpp.
  env.config["detail_pages"] = 0;
  std::vector<json> expected;
  for (const std::string site : {"interpark", "yes24", "melon", "ticketlink"}) {
    env.use_fixture(site);
    const std::time_t now = recorded_at(env.replay_dir() + "/" + site + ".har");
    std::ifstream f(test::project() + "/fixtures/" + site + "/expected.json");
    for (const auto& t : json::parse(f)) {
      // Already opened at recording time: stored, not announced (announce_past is off).
      if (t["open_at"].is_string() && *parse_iso(t["open_at"].get<std::string>()) < now) continue;
      expected.push_back(t);
    }
  }
  ASSERT_GT(expected.size(), 60u);

  auto first = env.once();
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("크롤링 완료: 인터파크"), std::string::npos);
  EXPECT_NE(first.err.find("알림 전송 성공"), std::string::npos);
  auto embeds = env.embeds();
  EXPECT_EQ(embeds.size(), expected.size());
  for (const auto& t : expected) {
    int found = 0;
    for (const auto& e : embeds)
      if (e.value("url", "") == t["url"].get<std::string>() && e.value("footer", json::object()).dump().find(t["site_name"].get<std::string>()) != std::string::npos)
        ++found;
    EXPECT_EQ(found, 1) << t["site"] << " " << t["id"] << " " << t["title"];
  }
  for (const auto& m : env.discord.messages()) EXPECT_TRUE(m.pings.empty());

  // The dashboard over the store this run filled: every stored notice from "now" on is listed.
  {
    Config web_config;
    web_config.sources = {"interpark", "yes24", "melon", "ticketlink"};
    web_config.DISCORD_WEBHOOK_URL = env.discord.webhook_url();
    web_config.web.listen = "127.0.0.1:0";
    Store store(database_path(env.config["data_dir"]));
    StoreStatusSource status(web_config, store);
    WebServer web(web_config, store, status);
    const std::time_t clock = recorded_at(env.replay_dir() + "/interpark.har");
    web.set_clock([clock] { return clock; });
    web.start();
    httplib::Client client("127.0.0.1", web.port());
    auto tickets = client.Get("/api/tickets?limit=200");
    ASSERT_TRUE(tickets);
    ASSERT_EQ(tickets->status, 200);
    // Listed: every notice whose headline is from "now" on (or undated), and any other only for an
    // opening (a presale from its detail page) from "now" on.
    std::set<std::string> listed;
    const json body = json::parse(tickets->body);
    for (const auto& t : body["tickets"]) {
      listed.insert(t["site"].get<std::string>() + "/" + t["id"].get<std::string>());
      bool upcoming = !t["open_epoch"].is_number() || t["open_epoch"].get<std::int64_t>() >= clock;
      for (const auto& o : t["openings"]) upcoming |= o["epoch"].is_number() && o["epoch"].get<std::int64_t>() >= clock;
      EXPECT_TRUE(upcoming) << t.dump();
    }
    for (const std::string site : {"interpark", "yes24", "melon", "ticketlink"}) {
      std::ifstream f(test::project() + "/fixtures/" + site + "/expected.json");
      for (const auto& t : json::parse(f))
        if (!t["open_at"].is_string() || *parse_iso(t["open_at"].get<std::string>()) >= clock)
          EXPECT_EQ(listed.count(site + "/" + t["id"].get<std::string>()), 1u) << site << " " << t["title"];
    }
    auto sites = client.Get("/api/sites");
    ASSERT_TRUE(sites);
    EXPECT_NE(sites->body.find("ticketlink"), std::string::npos);
    auto metrics = client.Get("/metrics");
    ASSERT_TRUE(metrics);
    EXPECT_NE(metrics->body.find("ticket_alarm_deliveries{status=\"sent\"} " + std::to_string(expected.size())), std::string::npos)
        << metrics->body;
    web.stop();
  }

  const size_t requests = env.discord.requests().size();
  auto second = env.once();
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(env.discord.requests().size(), requests) << "the second run must announce nothing";
  EXPECT_NE(second.err.find("신규 0건"), std::string::npos);
}

}  // namespace
}  // namespace ta
