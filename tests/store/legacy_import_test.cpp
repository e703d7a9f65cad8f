#include "store/legacy_import.h"

#include <gtest/gtest.h>

#include <fstream>

#include "store_fixture.h"

namespace ta::testing {
namespace {

const std::filesystem::path kSamples = std::filesystem::path(TA_TEST_SOURCE_DIR) / "tests/store/legacy_samples";

class LegacyImportTest : public StoreTest {
 protected:
  void write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }
  std::filesystem::path samples_copy() {
    auto legacy = dir_ / "legacy";
    std::filesystem::create_directories(legacy);
    for (const char* name : {"sent_notifications.json", "notification_history.json"})
      std::filesystem::copy_file(kSamples / name, legacy / name);
    return legacy;
  }
  CrawlOutcome crawl(Store& store, const std::string& site, const Ticket& t) {
    CrawlPolicy p;
    p.webhook_key = "123";
    return store.record_crawl(site, {t}, now_, p);
  }
  std::string read(const std::string& name) {
    std::ifstream in(kSamples / name);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  bool skipped_for(const LegacyReadResult& r, const std::string& reason_part) {
    for (const auto& s : r.skipped)
      if (s.reason.find(reason_part) != std::string::npos) return true;
    return false;
  }
};

TEST_F(LegacyImportTest, SentNotificationsListOfKeys) {
  auto r = read_sent_notifications(read("sent_notifications.json"), "sent_notifications.json", now_);
  EXPECT_EQ(r.entries.size(), 9u);  // "" is skipped; the duplicate is merged later, on import
  EXPECT_EQ(r.unmapped, 2);         // the hash and the bare number
  ASSERT_EQ(r.skipped.size(), 1u);
  EXPECT_EQ(r.skipped[0].where, "sent_notifications.json #8");
  EXPECT_EQ(r.entries[1].site, "yes24");
  EXPECT_EQ(r.entries[1].id, "16995");
  EXPECT_EQ(r.entries[1].announced_at, now_);
  EXPECT_EQ(r.entries[6].site, "");
  EXPECT_EQ(r.entries[6].id, "3f2a9c1e8b7d4a5f6e0c1b2a3d4e5f60");
}

TEST_F(LegacyImportTest, NotificationHistoryObjects) {
  auto r = read_notification_history(read("notification_history.json"), "notification_history.json", now_);
  ASSERT_EQ(r.entries.size(), 7u);
  EXPECT_EQ(r.unmapped, 3);
  EXPECT_EQ(r.skipped.size(), 2u);  // {"note": ...} and null
  EXPECT_TRUE(skipped_for(r, "없음"));

  const auto& iu = r.entries[0];
  EXPECT_EQ(iu.site, "interpark");
  EXPECT_EQ(iu.id, "53412");
  EXPECT_EQ(iu.title, "2025 IU HEREH WORLD TOUR CONCERT");
  EXPECT_EQ(iu.open_at, "2025-07-03T20:00:00+09:00");
  EXPECT_EQ(iu.announced_at, at("2025-06-20T10:15:03+09:00"));

  EXPECT_EQ(r.entries[1].site, "melon");
  EXPECT_EQ(r.entries[1].id, "11234");
  EXPECT_EQ(r.entries[1].announced_at, 1750380000);
  EXPECT_EQ(r.entries[2].site, "ticketlink");
  EXPECT_EQ(r.entries[2].id, "62360");
  EXPECT_EQ(r.entries[2].announced_at, 1750380000);  // milliseconds

  const auto& wicked = r.entries[3];
  EXPECT_EQ(wicked.site, "yes24");  // site known, id not: matched by title on YES24 only
  EXPECT_EQ(wicked.open_at, "2025-07-08T14:00:00+09:00");
  EXPECT_EQ(r.entries[5].site, "");
  EXPECT_EQ(r.entries[5].title, "싸이 흠뻑쇼 2025");
}

TEST_F(LegacyImportTest, ImportedTicketsAreNotNewAndOthersAre) {
  Store store(db_path());
  auto report = import_legacy_dir(store, samples_copy().string(), now_);
  EXPECT_EQ(report.found, 13);
  EXPECT_EQ(report.imported, 13);
  EXPECT_EQ(report.unmapped, 5);
  EXPECT_EQ(report.untitled, 2);  // the hash and the number in sent_notifications.json
  EXPECT_EQ(report.skipped.size(), 6u);  // "", {"note"}, null, 3 duplicates

  auto future = "2025-07-20T20:00:00+09:00";
  // By (site, id), from keys, URLs and objects.
  EXPECT_TRUE(crawl(store, "interpark", make_ticket("53412", "IU 콘서트", future)).queued.empty());
  EXPECT_TRUE(crawl(store, "interpark", make_ticket("53377", "다른 공연", future)).queued.empty());
  EXPECT_TRUE(crawl(store, "yes24", make_ticket("16995", "yes", future)).queued.empty());
  EXPECT_TRUE(crawl(store, "yes24", make_ticket("16990", "yes", future)).queued.empty());
  EXPECT_TRUE(crawl(store, "melon", make_ticket("211245", "m", future)).queued.empty());
  EXPECT_TRUE(crawl(store, "melon", make_ticket("11234", "m", future)).queued.empty());
  EXPECT_TRUE(crawl(store, "ticketlink", make_ticket("62352", "t", future)).queued.empty());
  EXPECT_TRUE(crawl(store, "ticketlink", make_ticket("62360", "t", future)).queued.empty());
  // By title (+ open time when both have one), spelled the way the new normaliser spells it.
  EXPECT_TRUE(
      crawl(store, "yes24", make_ticket("90001", "뮤지컬 〈위키드〉 1차 티켓오픈", "2025-07-08T14:00:00+09:00")).queued.empty());
  EXPECT_TRUE(
      crawl(store, "yes24", make_ticket("90002", "[단독] 잔나비 전국투어 – 서울", "2025-07-10T20:00:00+09:00")).queued.empty());
  EXPECT_TRUE(crawl(store, "ticketlink", make_ticket("90003", "싸이 흠뻑쇼 2025", future)).queued.empty());

  // Not announced before: new.
  EXPECT_EQ(crawl(store, "interpark", make_ticket("99999", "새 공연", future)).queued.size(), 1u);
  EXPECT_EQ(crawl(store, "yes24", make_ticket("90004", "뮤지컬 <위키드> 1차 티켓오픈", "2025-07-15T14:00:00+09:00"))
                .queued.size(),
            1u)
      << "same title, another open time: a new round";
  EXPECT_EQ(crawl(store, "interpark", make_ticket("90005", "뮤지컬 <위키드> 1차 티켓오픈", "2025-07-08T14:00:00+09:00"))
                .queued.size(),
            1u)
      << "the legacy entry was on YES24";
}

// A bare legacy title (no site id, no open time) must not silence a later show of that title
// forever: it matches while the old tool's alert is recent, and retention removes it later.
TEST_F(LegacyImportTest, ABareLegacyTitleAgesOutAndRetentionPrunesIt) {
  Store store(db_path());
  AnnouncedEntry bare;
  bare.id = "legacy-title-1";
  bare.title = "연극 〈햄릿〉";
  bare.announced_at = now_ - 10 * 86400;
  AnnouncedEntry timed;
  timed.id = "legacy-title-2";
  timed.title = "뮤지컬 〈위키드〉";
  timed.open_at = "2025-07-08T14:00:00+09:00";
  timed.announced_at = now_ - 200 * 86400;
  ASSERT_EQ(store.add_legacy_announced({bare, timed}), 2);

  CrawlPolicy p;
  p.webhook_key = "123";
  const auto soon = "2025-07-20T20:00:00+09:00";
  EXPECT_TRUE(store.record_crawl("interpark", {make_ticket("1", "연극 햄릿", soon)}, now_, p).queued.empty())
      << "ten days after the old tool's alert: the same notice";
  EXPECT_EQ(store.record_crawl("yes24", {make_ticket("2", "연극 햄릿", "2025-09-20T20:00:00+09:00")}, now_ + 25 * 86400, p)
                .queued.size(),
            1u)
      << "thirty-five days after it: a new show of that title";
  EXPECT_TRUE(
      store.record_crawl("yes24", {make_ticket("3", "뮤지컬 위키드", "2025-07-08T14:00:00+09:00")}, now_, p).queued.empty())
      << "an open time to the minute matches however old the alert";
  EXPECT_EQ(store.record_crawl("yes24", {make_ticket("4", "뮤지컬 위키드", std::nullopt)}, now_, p).queued.size(), 1u)
      << "no time on the crawl and an alert 200 days old: not that notice";

  EXPECT_EQ(store.apply_retention(now_ + 60 * 86400, 30).legacy_deleted, 2) << "both are past retention by then";
  EXPECT_FALSE(store.is_announced(make_ticket("9", "뮤지컬 위키드", "2025-07-08T14:00:00+09:00"), now_));
}

TEST_F(LegacyImportTest, ImportingTwiceAddsNothing) {
  Store store(db_path());
  auto dir = samples_copy().string();
  import_legacy_dir(store, dir, now_);
  auto again = import_legacy_dir(store, dir, now_);
  EXPECT_EQ(again.imported, 0);
  EXPECT_EQ(again.already_known, 13);
  EXPECT_NE(format_legacy_report(again).find("0건 가져옴 (이미 가져온 13건 제외)"), std::string::npos)
      << format_legacy_report(again);
}

TEST_F(LegacyImportTest, SummaryIsKoreanAndSaysWhatWasSkippedAndWhy) {
  Store store(db_path());
  auto text = format_legacy_report(import_legacy_dir(store, samples_copy().string(), now_));
  EXPECT_NE(text.find("13건 가져옴"), std::string::npos) << text;
  EXPECT_NE(text.find("6건 건너뜀"), std::string::npos) << text;
  EXPECT_NE(text.find("빈 값: 2건"), std::string::npos) << text;
  EXPECT_NE(text.find("중복 항목 (하나로 합침): 3건"), std::string::npos) << text;
  EXPECT_NE(text.find("5건은 사이트/공지 번호를 알 수 없어"), std::string::npos) << text;
  EXPECT_NE(text.find("2건은 제목도 없어"), std::string::npos) << text;
}

TEST_F(LegacyImportTest, OtherLayoutsObjectWithListAndObjectKeyedByNotification) {
  Store store(db_path());
  write("sent_notifications.json", R"({"version": 2, "sent": ["interpark_1", "yes24:2"]})");
  write("notification_history.json",
        R"({"melon_3": "2025-06-01 10:00:00", "ticketlink_4": {"title": "연극 햄릿", "sent_at": 1748740000}})");
  auto report = import_legacy_dir(store, dir_.string(), now_);
  EXPECT_EQ(report.imported, 4);
  EXPECT_EQ(report.unmapped, 0);
  auto on = [](const std::string& site, const std::string& id) {
    auto t = make_ticket(id, "x", std::nullopt);
    t.site = site;
    return t;
  };
  EXPECT_TRUE(store.is_announced(on("interpark", "1"), now_));
  EXPECT_TRUE(store.is_announced(on("yes24", "2"), now_));
  EXPECT_TRUE(store.is_announced(on("melon", "3"), now_));
  EXPECT_TRUE(store.is_announced(on("ticketlink", "4"), now_));
  EXPECT_FALSE(store.is_announced(on("ticketlink", "5"), now_));
}

TEST_F(LegacyImportTest, OnlyOneFileIsEnough) {
  Store store(db_path());
  write("sent_notifications.json", R"(["interpark_1"])");
  auto report = import_legacy_dir(store, dir_.string(), now_);
  EXPECT_EQ(report.imported, 1);
  EXPECT_EQ(report.files_read.size(), 1u);
}

TEST_F(LegacyImportTest, BadJsonNamesFileLineAndColumn) {
  Store store(db_path());
  write("notification_history.json", "[\n  {\"id\": \"interpark_1\"},\n  {\"id\": \"yes24:2\",}\n]\n");
  try {
    import_legacy_dir(store, dir_.string(), now_);
    FAIL() << "bad JSON must not import";
  } catch (const LegacyImportError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("notification_history.json"), std::string::npos) << what;
    EXPECT_NE(what.find("line 3"), std::string::npos) << what;
    EXPECT_NE(what.find("column"), std::string::npos) << what;
  }
  EXPECT_FALSE(store.is_announced(make_ticket("1", "x", std::nullopt), now_));
}

TEST_F(LegacyImportTest, NoLegacyFileIsAnError) {
  Store store(db_path());
  EXPECT_THROW(import_legacy_dir(store, dir_.string(), now_), LegacyImportError);
  EXPECT_THROW(import_legacy_dir(store, (dir_ / "missing").string(), now_), LegacyImportError);
  write("sent_notifications.json", "\"just a string\"");
  EXPECT_THROW(import_legacy_dir(store, dir_.string(), now_), LegacyImportError);
}

}  // namespace
}  // namespace ta::testing
