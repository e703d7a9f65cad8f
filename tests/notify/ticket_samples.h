#pragma once
// Realistic and hostile tickets for the notifier tests.
#include <string>
#include <vector>

#include "model/ticket.h"
#include "notify/notice.h"

namespace ta::test {

inline std::string repeat(const std::string& unit, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += unit;
  return out;
}

inline Ticket realistic_ticket(const std::string& site = "interpark") {
  Ticket t;
  t.site = site;
  t.site_name = site == "interpark" ? "인터파크" : site == "yes24" ? "YES24" : site == "melon" ? "멜론티켓" : "티켓링크";
  t.id = "25009123";
  t.title = "2025 아이유 콘서트 〈HEREH WORLD TOUR〉 - 서울";
  t.open_at = "2025-07-03T16:00:00+09:00";
  t.open_text = "07.03(목) 16:00";
  t.open_type = "general";
  t.open_type_label = "일반예매";
  t.venue = "KSPO DOME (올림픽체조경기장)";
  t.url = "https://tickets.interpark.com/goods/25009123";
  t.image = "https://ticketimage.interpark.com/Play/image/large/25/25009123_p.gif";
  t.badges = {"단독판매", "HOT"};
  t.genre = "콘서트";
  return t;
}

// Everything a hostile or broken page could put in a ticket, each field far over its limit.
inline Ticket hostile_ticket(std::size_t variant) {
  static const std::vector<std::string> units = {
      "@everyone @here <@123456789012345678> <@&987654321098765432> ",
      "**굵게** __밑줄__ ~~취소~~ `코드` ||스포일러|| > 인용 \\ [링크](https://evil.example/) ",
      "👨‍👩‍👧‍👦🇰🇷👍🏽",
      "e\u0301a\u0308\u1100\u1161\u11A8",  // combining accents and conjoining Hangul jamo
      "뮤지컬 〈레미제라블〉 ",
      "\\",
  };
  const std::string& unit = units[variant % units.size()];
  Ticket t;
  t.site = "yes24";
  t.site_name = "YES24";
  t.id = "hostile-" + std::to_string(variant);
  t.title = repeat(unit, 10000 / unit.size() + 300) + " #" + std::to_string(variant);
  t.open_at = std::nullopt;
  t.open_text = repeat(unit, 3000 / unit.size() + 50);
  t.open_type = "other";
  t.open_type_label = repeat(unit, 2000 / unit.size() + 50);
  t.venue = repeat("  " + unit, 10000 / unit.size() + 10);
  t.url = "https://ticket.yes24.com/Perf/" + repeat("가", 3000);  // over 2048 once encoded
  t.image = "javascript:alert(1)";
  t.badges = {repeat(unit, 500), "@everyone", "", "  "};
  t.genre = repeat(unit, 100);
  // A page naming far more openings than an embed can show, each with a label far over a field.
  for (int i = 0; i < 40; ++i)
    t.openings.push_back(Opening{"other", repeat(unit, 300), i % 2 ? std::optional<std::string>("2025-07-03T20:00:00+09:00")
                                                                     : std::nullopt, i});
  return t;
}

inline Notice notice_of(Ticket t, bool priority = false, NoticeKind kind = NoticeKind::new_ticket, std::int64_t id = 0) {
  Notice n;
  n.ticket = std::move(t);
  n.priority = priority;
  n.kind = kind;
  n.delivery_id = id;
  return n;
}

}  // namespace ta::test
