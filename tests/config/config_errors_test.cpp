// Every ConfigError names where the problem is and what to do about it.
#include <gtest/gtest.h>

#include "config/config.h"
#include "config/scratch.h"

namespace ta {
namespace {

using test::config_error;

TEST(ConfigErrors, InvalidJsonShowsFileLineColumnAndTheLine) {
  test::CleanConfigEnv env;
  test::TempDir dir;
  // The comma after 300 is missing; the parser notices at the next key, on line 3.
  const std::string path = dir.write("config.json", "{\n  \"interval\": 300\n  \"KEYWORDS\": [\"뮤지컬\"]\n}\n");
  std::string message;
  try {
    load_config(path, nullptr);
  } catch (const ConfigError& e) {
    message = e.what();
  }
  EXPECT_NE(message.find(path + ": JSON 문법 오류 (line 3, column 12)"), std::string::npos) << message;
  EXPECT_NE(message.find(" 3 |   \"KEYWORDS\": [\"뮤지컬\"]\n"), std::string::npos) << message;
  EXPECT_NE(message.find("   |            ^\n"), std::string::npos) << message;
  EXPECT_NE(message.find("쉼표(,)"), std::string::npos) << message;
}

TEST(ConfigErrors, CaretColumnCountsKoreanCharactersOnce) {
  // The "x" is character 21; on screen the three syllables before it take two cells each.
  const std::string message = config_error("{\"KEYWORDS\": [\"뮤지컬\" x]}");
  EXPECT_NE(message.find("(line 1, column 21)"), std::string::npos) << message;
  EXPECT_NE(message.find("\n   | " + std::string(23, ' ') + "^\n"), std::string::npos) << message;
}

TEST(ConfigErrors, UnexpectedEndPointsAtTheLastLineNotPastIt) {
  const std::string message = config_error("{\n  \"interval\": 300,\n  \"sources\": [\"melon\"]\n\n");
  EXPECT_NE(message.find("(line 3, column 23)"), std::string::npos) << message;  // just after "]"
  EXPECT_NE(message.find(" 3 |   \"sources\": [\"melon\"]\n"), std::string::npos) << message;
}

TEST(ConfigErrors, WindowsLineEndingsDoNotLeakIntoTheShownLine) {
  const std::string message = config_error("{\r\n  \"interval\": 300,\r\n}\r\n");
  EXPECT_NE(message.find("(line 3, column 1)"), std::string::npos) << message;
  EXPECT_NE(message.find(" 3 | }\n"), std::string::npos) << message;
}

TEST(ConfigErrors, WrongTypeNamesKeyPathExpectedTypeAndWhatWasFound) {
  const std::string message = config_error(R"({"browser": {"pool_size": "two"}})");
  EXPECT_NE(message.find("config/config.json: 설정 키 \"browser.pool_size\"의 형식이 잘못되었습니다"), std::string::npos)
      << message;
  EXPECT_NE(message.find("정수(integer)이(가) 필요한데 문자열(string) \"two\"이(가) 있습니다"), std::string::npos) << message;
  EXPECT_NE(message.find("(예: \"pool_size\": 2)"), std::string::npos) << message;
}

TEST(ConfigErrors, WrongTypesOfOtherShapes) {
  EXPECT_NE(config_error(R"({"KEYWORDS": 5})").find("\"KEYWORDS\"의 형식이 잘못되었습니다 — 문자열 목록(array of strings)이(가) 필요한데 정수(integer) 5"),
            std::string::npos);
  EXPECT_NE(config_error(R"({"KEYWORDS": ["a", 5]})").find("\"KEYWORDS[1]\"의 형식이 잘못되었습니다 — 문자열(string)"),
            std::string::npos);
  EXPECT_NE(config_error(R"({"notify_updates": "maybe"})").find("\"notify_updates\"의 형식이 잘못되었습니다 — 불리언(true/false)"),
            std::string::npos);
  EXPECT_NE(config_error(R"({"interval": 2.5})").find("정수(integer)이(가) 필요한데 실수(number) 2.5"), std::string::npos);
  EXPECT_NE(config_error(R"({"browser": []})").find("\"browser\"의 형식이 잘못되었습니다 — 객체(object)이(가) 필요한데 배열(array)"),
            std::string::npos);
  EXPECT_NE(config_error(R"({"notification_delay": true})").find("숫자(number)이(가) 필요한데 불리언(boolean) true"),
            std::string::npos);
}

TEST(ConfigErrors, TopLevelMustBeAnObject) {
  EXPECT_NE(config_error(R"(["interpark"])").find("config/config.json: 설정 파일의 최상위 값은 객체({ ... })여야 하는데 배열(array)"),
            std::string::npos);
}

TEST(ConfigErrors, RangeErrorsNameKeyPathAndAllowedValues) {
  EXPECT_NE(config_error(R"({"browser": {"pool_size": 0}})")
                .find("config/config.json: 설정 키 \"browser.pool_size\"의 값 0은(는) 쓸 수 없습니다 — 허용 값: 1 ~ 16"),
            std::string::npos);
  EXPECT_NE(config_error(R"({"interval": 5})").find("설정 키 \"interval\"의 값 5은(는) 쓸 수 없습니다 — 허용 값: 10 ~ 86400"),
            std::string::npos);
  EXPECT_NE(config_error(R"({"notification_delay": -1})").find("\"notification_delay\"의 값 -1은(는) 쓸 수 없습니다 — 허용 값: 0 이상의 숫자"),
            std::string::npos);
  EXPECT_NE(config_error(R"({"log": {"level": "verbose"}})")
                .find("\"log.level\"의 값 \"verbose\"은(는) 쓸 수 없습니다 — 허용 값: trace, debug, info, warning, error, critical, off"),
            std::string::npos);
  EXPECT_NE(config_error(R"({"web": {"listen": "8000"}})").find("\"web.listen\"의 값 \"8000\"은(는) 쓸 수 없습니다 — 허용 값: \"호스트:포트\""),
            std::string::npos);
  EXPECT_NE(config_error(R"({"browser": {"block": ["Images"]}})").find("\"browser.block[0]\"의 값 \"Images\"은(는) 쓸 수 없습니다"),
            std::string::npos);
  EXPECT_NE(config_error(R"({"data_dir": ""})").find("\"data_dir\"의 값 \"\"은(는) 쓸 수 없습니다"), std::string::npos);
}

// Valid JSON, absurd values: refused with the range instead of starting 100,000 browsers.
TEST(ConfigErrors, AbsurdValuesAreRefusedWithTheirRange) {
  EXPECT_NE(config_error(R"({"browser": {"pool_size": 100000}})").find("\"browser.pool_size\"의 값 100000은(는) 쓸 수 없습니다 — 허용 값: 1 ~ 16"),
            std::string::npos);
  EXPECT_NE(config_error(R"({"max_items": 100000000})").find("\"max_items\"의 값 100000000은(는) 쓸 수 없습니다 — 허용 값: 1 ~ 5000"),
            std::string::npos);
  EXPECT_NE(config_error(R"({"browser": {"page_timeout_s": 86400}})").find("허용 값: 1 ~ 600"), std::string::npos);
}

TEST(ConfigErrors, JitterLargerThanHalfTheIntervalIsWarned) {
  std::vector<std::string> warnings;
  parse_config(R"({"interval": 60, "jitter_s": 50, "data_dir": "data", "log": {"dir": "logs"}})", "c.json", &warnings);
  ASSERT_EQ(warnings.size(), 1u) << testing::PrintToString(warnings);
  EXPECT_NE(warnings[0].find("jitter_s"), std::string::npos);
  EXPECT_NE(warnings[0].find("10초"), std::string::npos) << warnings[0];
}

TEST(ConfigErrors, UnknownSiteListsTheKnownOnesAndGuesses) {
  const std::string message = config_error(R"({"sources": ["interpark", "interpak"]})");
  EXPECT_NE(message.find("설정 키 \"sources[1]\"의 값 \"interpak\"은(는) 쓸 수 없습니다 — 허용 값: interpark, yes24, melon, ticketlink. "
                         "\"interpark\"을(를) 의미했나요?"),
            std::string::npos)
      << message;
  EXPECT_NE(config_error(R"({"sources": {"auction": true}})").find("\"sources.auction\"의 값 \"auction\""), std::string::npos);
}

TEST(ConfigErrors, WebhookThatIsNotAUrlIsRejectedWithoutEchoingIt) {
  const std::string message = config_error(R"({"DISCORD_WEBHOOK_URL": "여기에 웹훅 주소"})");
  EXPECT_NE(message.find("설정 키 \"DISCORD_WEBHOOK_URL\"의 값 \"****\"은(는) 쓸 수 없습니다"), std::string::npos) << message;
  EXPECT_NE(message.find("웹후크"), std::string::npos) << message;
}

TEST(ConfigErrors, MissingFileNamesThePath) {
  test::TempDir dir;
  const std::string path = dir.file("nope.json");
  try {
    load_config(path, nullptr);
    FAIL() << "loaded a missing file";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find(path + ": 설정 파일이 없습니다"), std::string::npos) << e.what();
  }
}

TEST(ConfigErrors, ExplicitMissingConfigIsAnErrorAndIsNotCreated) {
  test::CleanConfigEnv env;
  test::TempDir dir;
  const std::string path = dir.file("typo.json");
  EXPECT_THROW(load_config_from_cli(path, nullptr), ConfigError);
  EXPECT_FALSE(std::filesystem::exists(path));
}

}  // namespace
}  // namespace ta
