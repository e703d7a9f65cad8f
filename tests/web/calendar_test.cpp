// /calendar.ics read back by a real iCalendar parser (Debian's python3-icalendar, installed by
// scripts/test.sh): each timed opening one event with a UID that survives a move, DTSTART at the
// right instant, a VALARM per reminder, SEQUENCE up when it moves, STATUS:CANCELLED when withdrawn.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "web/calendar_ics.h"
#include "web_env.h"

namespace ta::test {
namespace {

nlohmann::json parsed(const std::string& ics, const std::string& dir) {
  const std::string path = dir + "/feed.ics";
  std::ofstream(path, std::ios::binary) << ics;
  // Debian's own interpreter: python3-icalendar is installed for it, whatever else is on PATH.
  const std::string command = "/usr/bin/python3 " + std::string(TA_TEST_SOURCE_DIR) + "/tests/web/read_ics.py " + path + " 2>&1";
  std::string out;
  if (FILE* p = ::popen(command.c_str(), "r")) {
    char buf[4096];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    ::pclose(p);
  }
  auto j = nlohmann::json::parse(out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << "the parser refused the feed (is python3-icalendar installed? scripts/test.sh "
                                    "installs it):\n" << out;
  return j;
}

const nlohmann::json* event_for(const nlohmann::json& feed, const std::string& summary_part) {
  for (const auto& e : feed["events"])
    if (e["summary"].get<std::string>().find(summary_part) != std::string::npos) return &e;
  return nullptr;
}

TEST_F(WebTest, CalendarFeedParsesWithOneEventPerOpeningAndItsAlarms) {
  config.reminders = {60, 10};
  auto res = client->Get("/calendar.ics");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/calendar; charset=utf-8");
  EXPECT_NE(res->body.find("\r\n"), std::string::npos) << "CRLF lines";
  const auto feed = parsed(res->body, dir.path());
  EXPECT_EQ(feed["name"], "티켓 오픈 일정");

  const auto* fanclub = event_for(feed, "NCT DREAM");
  ASSERT_NE(fanclub, nullptr) << feed.dump();
  EXPECT_EQ(fanclub->at("summary"), "[팬클럽 선예매] NCT DREAM 팬미팅 〈DREAM FESTA〉 팬클럽 선예매");
  EXPECT_EQ(fanclub->at("start"), kst("2025-07-03T20:00:00+09:00"));
  EXPECT_EQ(fanclub->at("status"), "CONFIRMED");
  EXPECT_EQ(fanclub->at("sequence"), 0);
  EXPECT_EQ(fanclub->at("alarms"), nlohmann::json::array({60, 10}));
  EXPECT_EQ(fanclub->at("location"), "KSPO DOME");
  EXPECT_EQ(event_for(feed, "임영웅"), nullptr) << "no time, no event";
  // The XSS title arrives as text, escaped by the format, not as markup that matters.
  std::set<std::string> uids;
  for (const auto& e : feed["events"]) uids.insert(e["uid"].get<std::string>());
  EXPECT_EQ(uids.size(), feed["events"].size()) << "one UID per event";

  // Filters as the dashboard's: one site, a search word.
  const auto melon = parsed(client->Get("/calendar.ics?site=melon")->body, dir.path());
  EXPECT_EQ(melon["events"].size(), 1u);
  const auto search = parsed(client->Get(("/calendar.ics?q=" + url_encode("싸이")).c_str())->body, dir.path());
  ASSERT_EQ(search["events"].size(), 1u);
  EXPECT_NE(search["events"][0]["summary"].get<std::string>().find("싸이"), std::string::npos);
}

TEST_F(WebTest, CalendarEventKeepsItsUidWhenTheOpeningMovesAndIsCancelledWhenWithdrawn) {
  const auto before = parsed(client->Get("/calendar.ics?site=ticketlink")->body, dir.path());
  ASSERT_EQ(before["events"].size(), 1u);
  const std::string uid = before["events"][0]["uid"];

  // The KBO notice moves a day later.
  Ticket moved = store->ticket("ticketlink", "48110")->ticket;
  moved.open_at = "2025-07-09T11:00:00+09:00";
  moved.openings.clear();
  store->record_crawl("ticketlink", {moved}, now, {});
  const auto after = parsed(client->Get("/calendar.ics?site=ticketlink")->body, dir.path());
  ASSERT_EQ(after["events"].size(), 1u);
  EXPECT_EQ(after["events"][0]["uid"], uid);
  EXPECT_EQ(after["events"][0]["start"], kst("2025-07-09T11:00:00+09:00"));
  EXPECT_EQ(after["events"][0]["sequence"], 1);

  // A presale appears and the general sale loses its time: the timed one is withdrawn.
  Ticket withdrawn = moved;
  withdrawn.open_at = std::nullopt;
  withdrawn.openings = {Opening{"general", "", std::nullopt, std::nullopt}};
  withdrawn.detail = DetailState::read;
  store->record_crawl("ticketlink", {withdrawn}, now + 60, {});
  const auto cancelled = parsed(client->Get("/calendar.ics?site=ticketlink")->body, dir.path());
  ASSERT_EQ(cancelled["events"].size(), 1u);
  EXPECT_EQ(cancelled["events"][0]["uid"], uid);
  EXPECT_EQ(cancelled["events"][0]["status"], "CANCELLED");
  EXPECT_EQ(cancelled["events"][0]["sequence"], 2);
  EXPECT_TRUE(cancelled["events"][0]["alarms"].empty());
}

TEST(CalendarIcs, FoldsLongLinesWithoutSplittingAKoreanCharacter) {
  const std::string line = "SUMMARY:" + std::string(40, 'a') + "가나다라마바사아자차카타파하";
  const std::string folded = ics_fold(line);
  EXPECT_NE(folded.find("\r\n "), std::string::npos);
  for (size_t at = 0, next; at < folded.size(); at = next + 3) {
    next = folded.find("\r\n ", at);
    if (next == std::string::npos) next = folded.size();
    EXPECT_LE(next - at + (at == 0 ? 0 : 1), 75u);
    if (next == folded.size()) break;
    EXPECT_NE(static_cast<unsigned char>(folded[next + 3]) & 0xC0, 0x80) << "a continuation byte starts a line";
  }
  EXPECT_EQ(ics_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
}

}  // namespace
}  // namespace ta::test
