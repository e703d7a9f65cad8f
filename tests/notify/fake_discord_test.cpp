// The fake must reject what Discord rejects, or the notifier tests would prove nothing.
#include "support/fake_discord.h"

#include <gtest/gtest.h>
#include <httplib.h>

namespace ta::test {
namespace {

using nlohmann::json;

json errors_of(const json& payload) {
  auto e = FakeDiscord::validate(payload.dump());
  return e ? *e : json();
}

TEST(FakeDiscordValidate, AcceptsAMinimalEmbed) {
  EXPECT_EQ(FakeDiscord::validate(R"({"embeds":[{"title":"공연"}],"allowed_mentions":{"parse":[]}})"), std::nullopt);
}

TEST(FakeDiscordValidate, InvalidJsonAndEmptyMessage) {
  EXPECT_EQ((*FakeDiscord::validate("{not json"))["code"], 50109);
  EXPECT_EQ((*FakeDiscord::validate("\"\xff\"")).value("code", 0), 50109);
  EXPECT_EQ(errors_of({{"content", "   "}})["code"], 50006);
  EXPECT_EQ(errors_of(json::object())["code"], 50006);
}

TEST(FakeDiscordValidate, LimitsInCodePointsAfterTrimming) {
  std::string t256;
  for (int i = 0; i < 256; ++i) t256 += "가";
  EXPECT_EQ(FakeDiscord::validate(json{{"embeds", {{{"title", "  " + t256 + "  "}}}}}.dump()), std::nullopt);
  json e = errors_of({{"embeds", {{{"title", t256 + "나"}}}}});
  EXPECT_EQ(e["code"], 50035);
  EXPECT_EQ(e["errors"]["embeds"]["0"]["title"]["_errors"][0]["code"], "BASE_TYPE_MAX_LENGTH");
  std::string c2001(2001, 'a');
  EXPECT_EQ(errors_of({{"content", c2001}})["errors"]["content"]["_errors"][0]["code"], "BASE_TYPE_MAX_LENGTH");
}

TEST(FakeDiscordValidate, TotalAndCounts) {
  json embeds = json::array();
  std::string d(4000, 'x');
  embeds.push_back({{"description", d}});
  embeds.push_back({{"description", std::string(2001, 'y')}});
  EXPECT_EQ(errors_of({{"embeds", embeds}})["errors"]["embeds"]["_errors"][0]["code"], "MAX_EMBED_SIZE_EXCEEDED");
  json eleven = json::array();
  for (int i = 0; i < 11; ++i) eleven.push_back({{"title", "t"}});
  EXPECT_EQ(errors_of({{"embeds", eleven}})["code"], 50035);
  json fields = json::array();
  for (int i = 0; i < 26; ++i) fields.push_back({{"name", "n"}, {"value", "v"}});
  EXPECT_EQ(errors_of({{"embeds", {{{"fields", fields}}}}})["errors"]["embeds"]["0"]["fields"]["_errors"][0]["code"],
            "BASE_TYPE_MAX_LENGTH");
  EXPECT_EQ(errors_of({{"embeds", {{{"fields", {{{"name", "n"}, {"value", ""}}}}}}}})["code"], 50035);
}

TEST(FakeDiscordValidate, UrlsColoursMentions) {
  EXPECT_EQ(errors_of({{"embeds", {{{"title", "t"}, {"url", "javascript:alert(1)"}}}}})["code"], 50035);
  EXPECT_EQ(errors_of({{"embeds", {{{"title", "t"}, {"thumbnail", {{"url", "ftp://x/y"}}}}}}})["code"], 50035);
  EXPECT_EQ(errors_of({{"embeds", {{{"title", "t"}, {"color", 16777216}}}}})["code"], 50035);
  EXPECT_EQ(errors_of({{"embeds", {{{"title", "t"}, {"color", -1}}}}})["code"], 50035);
  EXPECT_EQ(errors_of({{"content", "x"}, {"allowed_mentions", {{"parse", {"here"}}}}})["code"], 50035);
  EXPECT_EQ(errors_of({{"content", "x"}, {"allowed_mentions", {{"parse", {"users"}}, {"users", {"1"}}}}})["code"],
            50035);
}

TEST(FakeDiscordPings, DefaultParsesEverythingExplicitEmptyNothing) {
  json p = {{"content", "@everyone <@1> <@&2>"}};
  EXPECT_EQ(FakeDiscord::pings_of(p), (std::vector<std::string>{"everyone", "user:1", "role:2"}));
  p["allowed_mentions"] = {{"parse", json::array()}};
  EXPECT_TRUE(FakeDiscord::pings_of(p).empty());
  EXPECT_TRUE(FakeDiscord::pings_of({{"content", "@\u200beveryone"}}).empty());
}

TEST(FakeDiscordServer, EveryResponseCarriesRateLimitHeaders) {
  FakeDiscord discord;
  discord.set_rate_limit(1, std::chrono::milliseconds(60000));
  httplib::Client http("127.0.0.1", discord.port());
  std::string base = std::string("/api/v10/webhooks/") + FakeDiscord::kWebhookId + "/" + FakeDiscord::kToken;
  std::string body = R"({"content":"hi","allowed_mentions":{"parse":[]}})";

  auto accepted = http.Post(base.c_str(), body, "application/json");  // no wait=true
  ASSERT_TRUE(accepted);
  EXPECT_EQ(accepted->status, 204);
  EXPECT_TRUE(accepted->body.empty());
  EXPECT_EQ(accepted->get_header_value("X-RateLimit-Remaining"), "0");

  auto limited = http.Post((base + "?wait=true").c_str(), body, "application/json");
  ASSERT_TRUE(limited);
  EXPECT_EQ(limited->status, 429);
  json j = json::parse(limited->body);
  EXPECT_EQ(j["message"], "You are being rate limited.");
  EXPECT_GT(j["retry_after"].get<double>(), 0);
  EXPECT_EQ(j["global"], false);
  EXPECT_FALSE(limited->get_header_value("Retry-After").empty());
  EXPECT_EQ(limited->get_header_value("X-RateLimit-Scope"), "user");

  auto unknown = http.Post("/api/v10/webhooks/1/abc", body, "application/json");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  EXPECT_EQ(json::parse(unknown->body)["code"], 10015);
  for (const httplib::Response* res : {&accepted.value(), &limited.value(), &unknown.value()})
    for (const char* h : {"X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "X-RateLimit-Reset-After",
                          "X-RateLimit-Bucket"})
      EXPECT_TRUE(res->has_header(h)) << h << " on " << res->status;
  EXPECT_EQ(discord.messages().size(), 1u);
  EXPECT_EQ(discord.requests().size(), 3u);
}

}  // namespace
}  // namespace ta::test
