#include "store/legacy_keys.h"

#include <gtest/gtest.h>

namespace ta {
namespace {

void expect_key(const std::string& key, const std::string& site, const std::string& id) {
  auto got = site_and_id_from_key(key);
  ASSERT_TRUE(got.has_value()) << key;
  EXPECT_EQ(got->site, site) << key;
  EXPECT_EQ(got->id, id) << key;
}

TEST(LegacyKeysTest, PrefixedKeysInEveryStyle) {
  expect_key("interpark_12345", "interpark", "12345");
  expect_key("yes24:16995", "yes24", "16995");
  expect_key("YES24-16995", "yes24", "16995");
  expect_key("melon_ticket_211245", "melon", "211245");
  expect_key("melonticket/211245", "melon", "211245");
  expect_key("melon|211245", "melon", "211245");
  expect_key("ticketlink_62352", "ticketlink", "62352");
  expect_key("인터파크_53412", "interpark", "53412");
  expect_key("예스24:16995", "yes24", "16995");
  expect_key("멜론티켓_211245", "melon", "211245");
  expect_key("멜론_211245", "melon", "211245");
  expect_key("티켓링크 62352", "ticketlink", "62352");
  expect_key("interpark_12345_2025-07-01", "interpark", "12345");
  expect_key("interpark_h-0123456789abcdef", "interpark", "h-0123456789abcdef");
}

TEST(LegacyKeysTest, DetailUrls) {
  expect_key("https://tickets.interpark.com/contents/notice/detail/53377", "interpark", "53377");
  expect_key("http://ticket.yes24.com/New/Notice/NoticeMain.aspx#id=16990", "yes24", "16990");
  expect_key("https://ticket.melon.com/csoon/detail.htm?csoonId=11234", "melon", "11234");
  expect_key("https://www.ticketlink.co.kr/help/notice/62352", "ticketlink", "62352");
  expect_key("interpark_https://tickets.interpark.com/contents/notice/detail/1", "interpark", "1");
}

TEST(LegacyKeysTest, UnknownKeysAreNotGuessed) {
  EXPECT_FALSE(site_and_id_from_key("3f2a9c1e8b7d4a5f6e0c1b2a3d4e5f60"));
  EXPECT_FALSE(site_and_id_from_key("12345"));
  EXPECT_FALSE(site_and_id_from_key("interpark"));
  EXPECT_FALSE(site_and_id_from_key("https://example.com/notice/detail/1"));
  EXPECT_FALSE(site_and_id_from_key("https://tickets.interpark.com/"));
  EXPECT_FALSE(site_and_id_from_key("  "));
}

TEST(LegacyKeysTest, SiteNames) {
  EXPECT_EQ(site_from_name("Interpark"), "interpark");
  EXPECT_EQ(site_from_name("NOL 티켓"), "interpark");
  EXPECT_EQ(site_from_name("인터파크"), "interpark");
  EXPECT_EQ(site_from_name("YES24"), "yes24");
  EXPECT_EQ(site_from_name("예스24"), "yes24");
  EXPECT_EQ(site_from_name("Melon Ticket"), "melon");
  EXPECT_EQ(site_from_name("멜론티켓"), "melon");
  EXPECT_EQ(site_from_name("멜론"), "melon");
  EXPECT_EQ(site_from_name("티켓링크"), "ticketlink");
  EXPECT_EQ(site_from_name("ticketlink"), "ticketlink");
  EXPECT_EQ(site_from_name("웹사이트"), "");
  EXPECT_EQ(site_from_name(""), "");
}

}  // namespace
}  // namespace ta
