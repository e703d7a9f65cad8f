// The fake must reject what Discord rejects, or the notifier tests would prove nothing.
#include "support/fake_discord.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace ta::test
