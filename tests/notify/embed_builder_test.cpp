#include "notify/discord_escape.h"
#include "notify/embed_builder.h"

#include <set>

#include <gtest/gtest.h>

#include "notify/korean_time.h"
#include "notify/text_fit.h"
#include "notify/ticket_samples.h"
#include "support/fake_discord.h"

namespace ta {
namespace {

using nlohmann::json;
using notify_text::code_points;

const json* field(const json& embed, const std::string& name) {
  for (const auto& f : embed["fields"])
    if (f["name"] == name) return &f;
  return nullptr;
}

TEST(KoreanTime, FormatsKstRegardlessOfHostZone) {
  // 2025-07-03 16:00 KST = 07:00 UTC.
  EXPECT_EQ(format_korean_kst(1751526000), "2025년 7월 3일 (목) 오후 4시");
  EXPECT_EQ(format_korean_kst(1751526000 + 30 * 60), "2025년 7월 3일 (목) 오후 4시 30분");
  EXPECT_EQ(format_korean_kst(1751526000 - 16 * 3600), "2025년 7월 3일 (목) 오전 12시");  // midnight
  EXPECT_EQ(format_korean_kst(1751526000 - 4 * 3600 + 5 * 60), "2025년 7월 3일 (목) 오후 12시 5분");
  EXPECT_EQ(format_korean_kst(1751526000 - 6 * 3600), "2025년 7월 3일 (목) 오전 10시");
  EXPECT_EQ(format_korean_kst(1735657200), "2025년 1월 1일 (수) 오전 12시");  // 2024-12-31 15:00 UTC
}

TEST(EmbedBuilder, RealisticTicket) {
  EmbedOptions options;
  options.now = 1751526000;
  json e = build_embed(test::notice_of(test::realistic_ticket()), options);
  EXPECT_EQ(e["title"], "🎤 2025 아이유 콘서트 〈HEREH WORLD TOUR〉 - 서울");
  EXPECT_EQ(e["url"], "https://tickets.interpark.com/goods/25009123");
  EXPECT_EQ(e["color"], site_color("interpark"));
  EXPECT_FALSE(e.contains("description"));
  ASSERT_NE(field(e, "오픈 일시"), nullptr);
  EXPECT_EQ((*field(e, "오픈 일시"))["value"],
            "2025년 7월 3일 (목) 오후 4시\n<t:1751526000:F> (<t:1751526000:R>)");
  EXPECT_EQ((*field(e, "장소"))["value"], "KSPO DOME \\(올림픽체조경기장\\)") << "escaped, so a masked link cannot form; Discord shows ( )";
  EXPECT_EQ((*field(e, "예매 구분"))["value"], "일반예매");
  EXPECT_EQ((*field(e, "태그"))["value"], "단독판매 · HOT");
  EXPECT_EQ(e["thumbnail"]["url"], "https://ticketimage.interpark.com/Play/image/large/25/25009123_p.gif");
  EXPECT_EQ(e["footer"]["text"], "인터파크");
  EXPECT_EQ(e["timestamp"], "2025-07-03T16:00:00+09:00");
}

TEST(EmbedBuilder, PriorityAndUpdatePrefixesAndColour) {
  EmbedOptions options;
  json e = build_embed(test::notice_of(test::realistic_ticket(), true, NoticeKind::update), options);
  EXPECT_EQ(e["title"], "⭐ 🎤 [오픈 일정 변경] 2025 아이유 콘서트 〈HEREH WORLD TOUR〉 - 서울");
  EXPECT_EQ(e["color"], kPriorityColor);
  EXPECT_EQ(e["description"], "오픈 일정이 변경되었습니다.");
  EXPECT_FALSE(e.contains("timestamp"));  // now == 0
}

Ticket with_presale(Ticket t) {
  t.openings = {Opening{"presale", "선예매", std::string("2025-07-02T20:00:00+09:00"), std::nullopt}, headline_opening(t)};
  return t;
}

TEST(EmbedBuilder, EveryOpeningWithItsOwnTime) {
  json e = build_embed(test::notice_of(with_presale(test::realistic_ticket())), EmbedOptions{});
  EXPECT_EQ(field(e, "오픈 일시"), nullptr);
  EXPECT_EQ(field(e, "예매 구분"), nullptr) << "each opening names itself";
  ASSERT_NE(field(e, "오픈 일정"), nullptr);
  EXPECT_EQ((*field(e, "오픈 일정"))["value"],
            "**선예매** 2025년 7월 2일 (수) 오후 8시 · <t:1751454000:F> (<t:1751454000:R>)\n"
            "**일반예매** 2025년 7월 3일 (목) 오후 4시 · <t:1751526000:F> (<t:1751526000:R>)");
}

TEST(EmbedBuilder, AnUpdateSaysWhatMovedFromOldToNew) {
  Ticket before = with_presale(test::realistic_ticket());
  Ticket after = before;
  after.openings[0].at = "2025-07-02T18:00:00+09:00";
  after.openings.push_back(Opening{"nth_round", "2차 티켓오픈", std::string("2025-07-10T20:00:00+09:00"), 2});
  Notice n = test::notice_of(after, false, NoticeKind::update);
  n.previous = before;
  json e = build_embed(n, EmbedOptions{});
  EXPECT_EQ(e["description"],
            "오픈 일정이 변경되었습니다.\n"
            "**선예매** 2025년 7월 2일 (수) 오후 8시 → 2025년 7월 2일 (수) 오후 6시\n"
            "추가: **2차 티켓오픈** 2025년 7월 10일 (목) 오후 8시");
  // An opening the page no longer names, with an unlabelled one shown by its Korean kind name.
  Ticket fewer = before;
  fewer.openings = {before.openings[1]};
  fewer.openings[0].label = "";
  n = test::notice_of(fewer, false, NoticeKind::update);
  n.previous = before;
  EXPECT_EQ(build_embed(n, EmbedOptions{})["description"],
            "오픈 일정이 변경되었습니다.\n제외: **선예매** 2025년 7월 2일 (수) 오후 8시");
}

TEST(EmbedBuilder, ACancelSaysWhyAndThatNoReminderFollows) {
  Ticket t = test::realistic_ticket();
  json e = build_embed(test::notice_of(t, false, NoticeKind::cancel), EmbedOptions{});
  EXPECT_EQ(e["title"].get<std::string>().find("[취소] "), std::string("🎤 ").size()) << e["title"];
  EXPECT_EQ(e["description"], "예매처 공지 목록에서 이 공지가 내려갔습니다.\n예정된 오픈 알림은 보내지 않습니다.");
  EXPECT_EQ(e["url"], t.url) << "the same link as the alert";

  // The site's own cancellation notice names the notice fans were alerted about.
  Ticket notice = t;
  notice.id = "999";
  notice.title = "2025 아이유 콘서트 공연 취소 및 환불 안내";
  notice.open_type_label = "변경/취소";
  Notice n = test::notice_of(notice, false, NoticeKind::cancel);
  n.previous = t;
  EXPECT_EQ(build_embed(n, EmbedOptions{})["description"],
            "예매처가 취소 공지를 올렸습니다.\n원래 공지: " + escape_markdown(t.title) + " — " + t.url +
                "\n예정된 오픈 알림은 보내지 않습니다.");
}

TEST(EmbedBuilder, ASiteChangeNoticeNamesTheOriginalAndWhatMoved) {
  Ticket original = test::realistic_ticket();
  ensure_openings(original);
  Ticket notice = original;
  notice.id = "998";
  notice.title = "[오픈일 변경] " + original.title;
  notice.open_at = "2025-07-09T20:00:00+09:00";
  notice.openings.clear();
  ensure_openings(notice);
  Notice n = test::notice_of(notice, false, NoticeKind::update);
  n.previous = original;
  json e = build_embed(n, EmbedOptions{});
  EXPECT_NE(e["title"].get<std::string>().find("[일정 변경 공지] "), std::string::npos) << e["title"];
  const std::string d = e["description"];
  EXPECT_EQ(d.rfind("예매처가 일정 변경 공지를 올렸습니다.\n원래 공지: ", 0), 0u) << d;
  EXPECT_NE(d.find("→ 2025년 7월 9일 (수) 오후 8시"), std::string::npos) << d;

  // Without times of its own it says only that the site posted a change.
  notice.open_at.reset();
  notice.openings.clear();
  ensure_openings(notice);
  n = test::notice_of(notice, false, NoticeKind::update);
  n.previous = original;
  const std::string plain = build_embed(n, EmbedOptions{})["description"];
  EXPECT_EQ(plain.find("→"), std::string::npos) << plain;
  EXPECT_EQ(plain.find("제외"), std::string::npos) << plain;
}

TEST(EmbedBuilder, SiteColoursAreDistinct) {
  std::set<int> colours = {site_color("interpark"), site_color("yes24"), site_color("melon"), site_color("ticketlink"),
                           kPriorityColor};
  EXPECT_EQ(colours.size(), 5u);
  for (int c : colours) EXPECT_TRUE(c >= 0 && c <= 0xFFFFFF);
}

TEST(EmbedBuilder, GenreEmojiFromGenreThenTitle) {
  Ticket t;
  auto emoji = [&](const std::string& genre, const std::string& title) {
    t.genre = genre;
    t.title = title;
    return genre_emoji(t);
  };
  EXPECT_EQ(emoji("콘서트", "뮤지컬 갈라"), "🎤");  // genre wins over title
  EXPECT_EQ(emoji("Musical", ""), "🎭");
  EXPECT_EQ(emoji("연극", ""), "🎭");
  EXPECT_EQ(emoji("클래식/오페라", ""), "🎻");
  EXPECT_EQ(emoji("SPORTS", ""), "⚾");
  EXPECT_EQ(emoji("아동/가족", ""), "👨‍👩‍👧");
  EXPECT_EQ(emoji("전시/행사", ""), "🎪");
  EXPECT_EQ(emoji("", "2025 KBO 올스타 스포츠 페스티벌"), "⚾");
  EXPECT_EQ(emoji("", "서울시향 정기공연"), "🎫");
}

TEST(EmbedBuilder, OpenTypeNamesAndLabels) {
  EXPECT_EQ(open_type_korean("general"), "일반예매");
  EXPECT_EQ(open_type_korean("presale"), "선예매");
  EXPECT_EQ(open_type_korean("fanclub"), "팬클럽 선예매");
  EXPECT_EQ(open_type_korean("nth_round"), "추가 오픈");
  EXPECT_EQ(open_type_korean("last"), "마지막 오픈");
  EXPECT_EQ(open_type_korean("other"), "기타");
  Ticket t = test::realistic_ticket();
  t.open_type = "fanclub";
  t.open_type_label = "";
  EXPECT_EQ((*field(build_embed(t, {}), "예매 구분"))["value"], "팬클럽 선예매");
  t.open_type_label = "토핑 선예매";
  EXPECT_EQ((*field(build_embed(t, {}), "예매 구분"))["value"], "토핑 선예매");
}

TEST(EmbedBuilder, OpenTimeFallsBackToShownTextThenUndecided) {
  Ticket t = test::realistic_ticket();
  t.open_at = std::nullopt;
  t.open_text = "오픈일정 보기";
  EXPECT_EQ((*field(build_embed(t, {}), "오픈 일시"))["value"], "오픈일정 보기");
  t.open_text = "  ";
  EXPECT_EQ((*field(build_embed(t, {}), "오픈 일시"))["value"], "미정");
  t.open_at = "not a time";
  EXPECT_EQ((*field(build_embed(t, {}), "오픈 일시"))["value"], "미정");
}

TEST(EmbedBuilder, OmitsEmptyAndUnsafeParts) {
  Ticket t = test::realistic_ticket();
  t.venue = "";
  t.badges = {};
  t.url = "javascript:alert(1)";
  t.image = "//relative/poster.jpg";
  json e = build_embed(t, {});
  EXPECT_EQ(field(e, "장소"), nullptr);
  EXPECT_EQ(field(e, "태그"), nullptr);
  EXPECT_FALSE(e.contains("url"));
  EXPECT_FALSE(e.contains("thumbnail"));
}

TEST(EmbedBuilder, UrlsAreEncodedAndBounded) {
  EXPECT_EQ(embed_safe_url("https://ticket.melon.com/performance/index.htm?prodId=211234&q=아이유 콘서트"),
            "https://ticket.melon.com/performance/index.htm?prodId=211234&q=%EC%95%84%EC%9D%B4%EC%9C%A0%20%EC%BD%98%EC%84%9C%ED%8A%B8");
  EXPECT_EQ(embed_safe_url("HTTP://EXAMPLE.COM/a"), "HTTP://EXAMPLE.COM/a");
  EXPECT_EQ(embed_safe_url("ftp://example.com/a"), "");
  EXPECT_EQ(embed_safe_url("https:///nohost"), "");
  EXPECT_EQ(embed_safe_url("https://a.com/\n"), "");
  EXPECT_EQ(embed_safe_url("https://a.com/" + test::repeat("a", 2048 - 14)).size(), 2048u);
  EXPECT_EQ(embed_safe_url("https://a.com/" + test::repeat("a", 2048 - 13)), "");
}

TEST(EmbedBuilder, ScrapedMarkdownIsEscapedButReadsTheSame) {
  Ticket t = test::realistic_ticket();
  t.title = "**특가** _단독_";
  t.venue = "> 인용 `코드`";
  json e = build_embed(t, {});
  EXPECT_EQ(e["title"], "🎤 \\*\\*특가\\*\\* \\_단독\\_");
  EXPECT_EQ((*field(e, "장소"))["value"], "\\> 인용 \\`코드\\`");
}

TEST(EmbedBuilder, MaskedLinksAndAngleFormsInScrapedTextAreEscaped) {
  Ticket t = test::realistic_ticket();
  t.title = "[무료 티켓](https://evil.example/x) <https://evil.example> <@123> <t:0:R>";
  json e = build_embed(t, {});
  EXPECT_EQ(e["title"], "🎤 \\[무료 티켓\\]\\(https://evil.example/x\\) \\<https://evil.example\\> \\<@123\\> \\<t:0:R\\>");
  EXPECT_EQ(escape_for_content("[a](https://x.example)"), "\\[a\\]\\(https://x.example\\)");
}

TEST(EmbedBuilder, HostileTicketsStayWithinEveryLimit) {
  for (std::size_t v = 0; v < 6; ++v) {
    for (bool priority : {false, true}) {
      EmbedOptions options;
      options.now = 1751526000;
      json e = build_embed(test::notice_of(test::hostile_ticket(v), priority, NoticeKind::update), options);
      EXPECT_LE(code_points(e["title"].get<std::string>()), 256u);
      for (const auto& f : e["fields"]) {
        EXPECT_LE(code_points(f["name"].get<std::string>()), 256u);
        EXPECT_LE(code_points(f["value"].get<std::string>()), 1024u);
        EXPECT_GT(code_points(f["value"].get<std::string>()), 0u);
      }
      EXPECT_LE(e["fields"].size(), 25u);
      EXPECT_LE(embed_text_size(e), 6000u);
      EXPECT_FALSE(e.contains("url"));        // encoded length is over 2048
      EXPECT_FALSE(e.contains("thumbnail"));  // javascript: scheme
      json message = {{"embeds", json::array({e})}, {"allowed_mentions", {{"parse", json::array()}}}};
      EXPECT_EQ(test::FakeDiscord::validate(message.dump()), std::nullopt) << "variant " << v;
    }
  }
}

}  // namespace
}  // namespace ta
