// A route's role is pinged exactly (<@&id>, allowed_mentions.roles = [id], never parse), its
// reminders ping it too, and one show on a second site edits the first alert or follows it up.
#include <gtest/gtest.h>

#include "notify/also_message.h"
#include "notify/embed_builder.h"
#include "notify/reminder_message.h"
#include "notify/ticket_samples.h"
#include "support/fake_discord.h"

namespace ta {
namespace {

using nlohmann::json;

constexpr const char* kRole = "111122223333444455";

EmbedOptions with_role() {
  EmbedOptions o;
  o.mention_role = kRole;
  return o;
}

TEST(RouteMessages, AnAlertPingsTheRouteRoleAndNothingElse) {
  const auto messages = build_messages({test::notice_of(test::realistic_ticket(), false)}, with_role());
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0]["content"], std::string("<@&") + kRole + ">");
  EXPECT_EQ(messages[0]["allowed_mentions"], json({{"parse", json::array()}, {"roles", json::array({kRole})}}));
  EXPECT_EQ(test::FakeDiscord::pings_of(messages[0]), std::vector<std::string>{std::string("role:") + kRole});
  EXPECT_FALSE(test::FakeDiscord::validate(messages[0].dump())) << "Discord accepts it";
}

TEST(RouteMessages, APriorityAlertPingsTheRoleInsteadOfHere) {
  const auto messages = build_messages({test::notice_of(test::realistic_ticket(), true)}, with_role());
  const std::string content = messages[0]["content"];
  EXPECT_EQ(content.rfind(std::string("<@&") + kRole + "> ⭐ 우선 알림: ", 0), 0u) << content;
  EXPECT_EQ(test::FakeDiscord::pings_of(messages[0]), std::vector<std::string>{std::string("role:") + kRole});
}

TEST(RouteMessages, ASummaryOrAFollowUpPingsNobody) {
  Notice summary = test::notice_of(test::realistic_ticket(), false);
  summary.kind = NoticeKind::summary;
  summary.summary = {test::realistic_ticket()};
  Notice also = test::notice_of(test::realistic_ticket("yes24"), false);
  also.kind = NoticeKind::also_on;
  for (const Notice& n : {summary, also}) {
    const auto messages = build_messages({n}, with_role());
    EXPECT_TRUE(test::FakeDiscord::pings_of(messages[0]).empty()) << messages[0].dump();
  }
}

TEST(RouteMessages, ReminderPingsTheRoleExactly) {
  Reminder r;
  r.title = "아이유 콘서트";
  r.opening_kind = "presale";
  r.opening_at = 1751540400;
  r.offset_min = 10;
  r.priority = true;
  const json message = build_reminder_message(r, with_role());
  const std::string content = message["content"];
  EXPECT_EQ(content.rfind(std::string("<@&") + kRole + "> ⏰ 10분 뒤", 0), 0u) << content;
  EXPECT_EQ(test::FakeDiscord::pings_of(message), std::vector<std::string>{std::string("role:") + kRole});
}

TEST(RouteMessages, AScrapedRoleMentionInATitlePingsNobody) {
  Ticket t = test::realistic_ticket();
  t.title = "<@&999999999999999999> @everyone 콘서트";
  const auto messages = build_messages({test::notice_of(t, true)}, with_role());
  EXPECT_EQ(test::FakeDiscord::pings_of(messages[0]), std::vector<std::string>{std::string("role:") + kRole});
}

TEST(RouteMessages, TheFollowUpNamesTheFirstSiteAndCarriesThisSitesOpenings) {
  Notice n = test::notice_of(test::realistic_ticket("yes24"), false);
  n.kind = NoticeKind::also_on;
  n.ticket.url = "http://ticket.yes24.com/Perf/5001";
  n.previous = test::realistic_ticket("interpark");
  const json embed = build_embed(n, {});
  EXPECT_EQ(embed["title"].get<std::string>().rfind("🔁 다른 예매처에서도 오픈: ", 0), 0u) << embed.dump();
  const std::string description = embed["description"];
  EXPECT_NE(description.find("YES24에서도 예매합니다"), std::string::npos) << description;
  EXPECT_NE(description.find("먼저 알린 공지: 인터파크"), std::string::npos) << description;
  EXPECT_EQ(embed["url"], "http://ticket.yes24.com/Perf/5001");
}

TEST(RouteMessages, TheEditRebuildsEveryEmbedAndAddsTheOtherSitesToTheOriginal) {
  Ticket other = test::realistic_ticket("melon");
  other.title = "연극 햄릿";
  const std::vector<Notice> message = {test::notice_of(other, false), test::notice_of(test::realistic_ticket(), false)};
  Ticket yes24 = test::realistic_ticket("yes24");
  yes24.url = "http://ticket.yes24.com/Perf/5001";
  const json edit = build_also_edit(message, 1, {yes24}, {});
  ASSERT_EQ(edit["embeds"].size(), 2u);
  EXPECT_EQ(edit["embeds"][0], build_embed(message[0], {})) << "the other notice of the message is unchanged";
  const json fields = edit["embeds"][1]["fields"];
  const json last = fields.back();
  EXPECT_EQ(last["name"], "다른 예매처에서도 오픈");
  const std::string value = last["value"];
  EXPECT_NE(value.find("**YES24** · 2025년 7월 3일 (목) 오후 4시 — http://ticket.yes24.com/Perf/5001"), std::string::npos)
      << value;
  EXPECT_EQ(edit["allowed_mentions"], json({{"parse", json::array()}})) << "an edit pings nobody";
  EXPECT_FALSE(test::FakeDiscord::validate(edit.dump()));
}

}  // namespace
}  // namespace ta
