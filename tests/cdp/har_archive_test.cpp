// Malformed archives are refused with a message that names the file and what is wrong.
#include <gtest/gtest.h>

#include "browser_env.h"
#include "cdp/errors.h"
#include "cdp/har_archive.h"
#include "support/temp_dir.h"

#include <fstream>

namespace ta::cdp {
namespace {

std::string error_of(const std::string& text) {
  try {
    HarArchive::parse(text, "fixtures/x/main.har");
  } catch (const HarError& e) {
    return e.what();
  }
  return "";
}

TEST(HarArchive, InvalidJsonNamesFileLineAndColumn) {
  std::string msg = error_of("{\n  \"log\": {\n    \"entries\": [,]\n  }\n}");
  EXPECT_NE(msg.find("fixtures/x/main.har"), std::string::npos) << msg;
  EXPECT_NE(msg.find("3행"), std::string::npos) << msg;
  EXPECT_NE(msg.find("JSON 구문 오류"), std::string::npos) << msg;
}

// Found by fuzz/har_fuzz.cpp: a number too large for any type escaped as a json exception.
TEST(HarArchive, AnOverflowingNumberIsAHarError) {
  EXPECT_THROW(HarArchive::parse(R"({"log": {"entries": [], "x": 4E44444444444044444444444445}})", "big.har"), HarError);
}

// Found by fuzz/har_fuzz.cpp: an optional text field holding a number (statusText: 200) ended the
// program with json's type_error; such a field now reads as empty.
TEST(HarArchive, OptionalTextFieldsOfAnotherTypeReadAsEmpty) {
  const auto archive = HarArchive::parse(
      R"({"log": {"pages": [{"startedDateTime": 5}], "entries": [{"request": {"method": "GET", "url": "https://a.test/"},
          "response": {"status": 200, "statusText": 200, "redirectURL": [], "content": {"text": "hi", "encoding": {}}}}]}})",
      "odd.har");
  const auto* entry = archive->find("GET", "https://a.test/", "");
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ(entry->response.status_text, "");
  EXPECT_EQ(entry->response.body, "hi");
}

TEST(HarArchive, MissingPartsAreNamedByPath) {
  EXPECT_NE(error_of(R"({"entries": []})").find("\"log\" 항목이 없습니다"), std::string::npos);
  EXPECT_NE(error_of(R"({"log": {"entries": []}})").find("응답이 하나도 없습니다"), std::string::npos);
  std::string msg = error_of(R"({"log": {"entries": [{"request": {"method": "GET", "url": "https://a/"}, "response": {"status": 200, "content": {}}},
                                                 {"request": {"method": "GET"}, "response": {"status": 200, "content": {}}}]}})");
  EXPECT_NE(msg.find("log.entries[1].request"), std::string::npos) << msg;
  EXPECT_NE(msg.find("\"url\""), std::string::npos) << msg;
  msg = error_of(R"({"log": {"entries": [{"request": {"method": "GET", "url": "https://a/"}, "response": {"status": "200", "content": {}}}]}})");
  EXPECT_NE(msg.find("log.entries[0].response.status"), std::string::npos) << msg;
}

TEST(HarArchive, MissingFileIsReported) {
  try {
    HarArchive::load("/nonexistent/ticket.har");
    FAIL();
  } catch (const HarError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/ticket.har"), std::string::npos);
  }
}

TEST(HarArchive, MatchesIgnoringFragmentThenByPostBody) {
  auto har = HarArchive::parse(test::make_har({
                                   {"GET", "https://t.example/notice", 200, "text/html", "doc"},
                                   {"POST", "https://t.example/list", 200, "text/html", "one", "page=1"},
                                   {"POST", "https://t.example/list", 200, "text/html", "two", "page=2"},
                               }),
                               "t.har");
  ASSERT_NE(har->find("GET", "https://t.example/notice#TICKET_OPEN", ""), nullptr);
  EXPECT_EQ(har->find("POST", "https://t.example/list", "page=2")->response.body, "two");
  EXPECT_EQ(har->find("POST", "https://t.example/list", "page=3"), nullptr);
  EXPECT_EQ(har->find("GET", "https://t.example/notice?x=1", ""), nullptr);
  EXPECT_EQ(har->recorded_at(), "2025-06-21T10:00:00.000+09:00");
}

}  // namespace
}  // namespace ta::cdp
