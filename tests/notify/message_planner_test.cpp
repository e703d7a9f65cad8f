#include <gtest/gtest.h>

#include "notify/embed_builder.h"
#include "notify/text_fit.h"
#include "notify/ticket_samples.h"
#include "support/fake_discord.h"

namespace ta {
namespace {

using nlohmann::json;

std::vector<Notice> realistic(std::size_t n, bool priority = false) {
  std::vector<Notice> due;
  for (std::size_t i = 0; i < n; ++i) {
    Ticket t = test::realistic_ticket(i % 2 ? "melon" : "ticketlink");
    t.title += " #" + std::to_string(i);
    due.push_back(test::notice_of(t, priority));
  }
  return due;
}

TEST(MessagePlanner, UpToTenEmbedsPerMessageInOrder) {
  auto messages = plan_messages(realistic(23), {});
  ASSERT_EQ(messages.size(), 3u);
  EXPECT_EQ(messages[0].payload["embeds"].size(), 10u);
  EXPECT_EQ(messages[1].payload["embeds"].size(), 10u);
  EXPECT_EQ(messages[2].payload["embeds"].size(), 3u);
  std::size_t expected = 0;
  for (const auto& m : messages)
    for (std::size_t i : m.notice_indexes) EXPECT_EQ(i, expected++);
  EXPECT_EQ(expected, 23u);
}

TEST(MessagePlanner, SplitsBeforeTheSixThousandTotal) {
  std::vector<Notice> due;
  for (std::size_t v = 0; v < 12; ++v) due.push_back(test::notice_of(test::hostile_ticket(v)));
  auto messages = plan_messages(due, {});
  std::size_t embeds = 0;
  for (const auto& m : messages) {
    std::size_t total = 0;
    for (const auto& e : m.payload["embeds"]) total += embed_text_size(e);
    EXPECT_LE(total, 6000u);
    EXPECT_LE(m.payload["embeds"].size(), 10u);
    embeds += m.payload["embeds"].size();
    EXPECT_EQ(test::FakeDiscord::validate(m.payload.dump()), std::nullopt);
  }
  EXPECT_EQ(embeds, 12u);
  EXPECT_GT(messages.size(), 2u);  // each hostile embed is several thousand characters
}

TEST(MessagePlanner, EveryMessageStatesAllowedMentions) {
  for (const auto& m : build_messages(realistic(3), {})) {
    EXPECT_EQ(m["allowed_mentions"], json({{"parse", json::array()}}));
    EXPECT_FALSE(m.contains("content"));
  }
}

TEST(MessagePlanner, PriorityPingsHereWithEveryoneParseExactly) {
  auto due = realistic(2);
  due[1].priority = true;
  auto messages = build_messages(due, {});
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0]["allowed_mentions"], json::parse(R"({"parse":["everyone"]})"));
  EXPECT_EQ(messages[0]["content"], "@here ⭐ 우선 알림: 2025 아이유 콘서트 〈HEREH WORLD TOUR〉 - 서울 #1");
  EXPECT_EQ(test::FakeDiscord::pings_of(messages[0]), std::vector<std::string>{"here"});
}

TEST(MessagePlanner, PriorityWithoutMentionOptionPingsNobody) {
  EmbedOptions options;
  options.priority_mention = false;
  auto messages = build_messages(realistic(1, true), options);
  EXPECT_EQ(messages[0]["allowed_mentions"], json({{"parse", json::array()}}));
  EXPECT_EQ(messages[0]["content"], "⭐ 우선 알림: 2025 아이유 콘서트 〈HEREH WORLD TOUR〉 - 서울 #0");
}

TEST(MessagePlanner, ScrapedTitlesInContentCannotPingOrFormat) {
  Ticket t = test::realistic_ticket();
  t.title = "@everyone <@123> <@&456> **굵게** ||스포|| > 인용 @here";
  auto messages = build_messages({test::notice_of(t, true)}, {});
  std::string content = messages[0]["content"];
  EXPECT_EQ(content,
            "@here ⭐ 우선 알림: @\u200beveryone \\<@\u200b123\\> \\<@\u200b&456\\> \\*\\*굵게\\*\\* \\|\\|스포\\|\\| \\> 인용 "
            "@\u200bhere");
  // Only the configured @here pings, nothing from the title.
  EXPECT_EQ(test::FakeDiscord::pings_of(messages[0]), std::vector<std::string>{"here"});
}

TEST(MessagePlanner, HostilePriorityContentStaysWithinLimit) {
  std::vector<Notice> due;
  for (std::size_t v = 0; v < 6; ++v) due.push_back(test::notice_of(test::hostile_ticket(v), true));
  for (const auto& m : build_messages(due, {})) {
    std::string content = m["content"];
    EXPECT_LE(notify_text::code_points(content), 2000u);
    EXPECT_EQ(content.rfind("@here ⭐ 우선 알림: ", 0), 0u);
    EXPECT_EQ(test::FakeDiscord::pings_of(m), std::vector<std::string>{"here"});
    EXPECT_EQ(test::FakeDiscord::validate(m.dump()), std::nullopt);
  }
}

TEST(MessagePlanner, UsernameIsBounded) {
  EmbedOptions options;
  options.username = test::repeat("티", 100);
  auto m = build_messages(realistic(1), options)[0];
  EXPECT_EQ(notify_text::code_points(m["username"].get<std::string>()), 80u);
  EXPECT_EQ(test::FakeDiscord::validate(m.dump()), std::nullopt);
}

}  // namespace
}  // namespace ta
