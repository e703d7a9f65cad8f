#include <gtest/gtest.h>

#include "log/log.h"

namespace ta {
namespace {

TEST(Redact, TextWithoutSecretsIsUnchanged) {
  EXPECT_EQ(redact("인터파크 공지 12건 확인"), "인터파크 공지 12건 확인");
  EXPECT_EQ(redact("https://tickets.interpark.com/webhooks/page"), "https://tickets.interpark.com/webhooks/page");
}

TEST(Redact, ShortSecretsAreNotMaskedSoWordsSurvive) {
  add_secret("abc");
  EXPECT_EQ(redact("abc abcdef"), "abc abcdef");
}

TEST(Redact, LongerSecretIsMaskedWholeWhenAShorterOneIsItsPrefix) {
  // Masking the shorter one first would leave the longer one's tail in the log.
  add_secret("prefix1234");
  add_secret("prefix1234-and-the-rest");
  EXPECT_EQ(redact("a=prefix1234-and-the-rest b=prefix1234"), "a=**** b=****");
}

TEST(Redact, WebhookIdStaysVisible) {
  EXPECT_EQ(redact("https://discord.com/api/webhooks/987/Abc_DEF-123"), "https://discord.com/api/webhooks/987/****");
}

}  // namespace
}  // namespace ta
