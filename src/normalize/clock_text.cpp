#include "normalize/clock_text.h"

namespace ta {

namespace {

enum class Meridiem { kNone, kAm, kPm };

// English markers must stand alone (`PM`, not the start of `PMC`).
Meridiem read_english_meridiem(TextScanner& sc) {
  std::size_t start = sc.pos();
  for (auto [word, m] : {std::pair{"a.m.", Meridiem::kAm}, std::pair{"p.m.", Meridiem::kPm},
                         std::pair{"am", Meridiem::kAm}, std::pair{"pm", Meridiem::kPm}}) {
    if (sc.accept_ignore_case(word)) {
      if (!sc.at_ascii_letter()) return m;
      sc.set_pos(start);
    }
  }
  return Meridiem::kNone;
}

// 오전/오후 and the everyday words for parts of the day: "저녁 8시" is 20:00, "새벽 2시" 02:00.
Meridiem read_korean_meridiem(TextScanner& sc) {
  for (auto [word, m] : {std::pair{"오전", Meridiem::kAm}, std::pair{"오후", Meridiem::kPm},
                         std::pair{"새벽", Meridiem::kAm}, std::pair{"아침", Meridiem::kAm},
                         std::pair{"낮", Meridiem::kPm}, std::pair{"저녁", Meridiem::kPm}, std::pair{"밤", Meridiem::kPm}})
    if (sc.accept(word)) return m;
  return Meridiem::kNone;
}

// 정오 (noon) and 자정 (midnight) stand for a time without digits.
bool read_named_time(TextScanner& sc, ClockText& c) {
  if (sc.accept("정오")) {
    c.hour = 12;
  } else if (sc.accept("자정")) {
    c.hour = 0;
  } else {
    return false;
  }
  c.minute = c.second = 0;
  return true;
}

Meridiem read_meridiem_prefix(TextScanner& sc) {
  std::size_t start = sc.pos();
  Meridiem m = read_korean_meridiem(sc);
  if (m == Meridiem::kNone) m = read_english_meridiem(sc);
  if (m == Meridiem::kNone) return m;
  sc.skip_spaces();
  if (!sc.at_digit()) {
    sc.set_pos(start);
    return Meridiem::kNone;
  }
  return m;
}

bool read_colon_time(TextScanner& sc, ClockText& c) {
  std::size_t start = sc.pos();
  if (!sc.number(1, 2, c.hour) || !sc.accept(":") || !sc.number(2, 2, c.minute)) {
    sc.set_pos(start);
    return false;
  }
  std::size_t before_seconds = sc.pos();
  if (!(sc.accept(":") && sc.number(2, 2, c.second))) {
    sc.set_pos(before_seconds);
    c.second = 0;
  }
  return true;
}

// `8시`, `8시 30분`, `8시 반`.
bool read_korean_time(TextScanner& sc, ClockText& c) {
  std::size_t start = sc.pos();
  if (!sc.number(1, 2, c.hour) || !(sc.skip_spaces(), sc.accept("시"))) {
    sc.set_pos(start);
    return false;
  }
  std::size_t after_hour = sc.pos();
  sc.skip_spaces();
  if (sc.accept("반")) {
    c.minute = 30;
  } else if (sc.number(1, 2, c.minute) && (sc.skip_spaces(), sc.accept("분"))) {
    // minute read
  } else {
    c.minute = 0;
    sc.set_pos(after_hour);
  }
  return true;
}

int apply_meridiem(int hour, Meridiem m) {
  if (hour == 0 || hour > 12 || m == Meridiem::kNone) return hour;
  if (m == Meridiem::kAm) return hour == 12 ? 0 : hour;
  return hour == 12 ? 12 : hour + 12;
}

}  // namespace

std::optional<ClockText> read_clock(TextScanner& sc) {
  std::size_t start = sc.pos();
  ClockText c;
  if (read_named_time(sc, c)) return c;
  Meridiem meridiem = read_meridiem_prefix(sc);
  if (!read_colon_time(sc, c) && !read_korean_time(sc, c)) {
    sc.set_pos(start);
    return std::nullopt;
  }
  if (meridiem == Meridiem::kNone) {
    std::size_t before_suffix = sc.pos();
    sc.skip_spaces();
    meridiem = read_english_meridiem(sc);
    if (meridiem == Meridiem::kNone) sc.set_pos(before_suffix);
  }
  c.hour = apply_meridiem(c.hour, meridiem);
  return c;
}

}  // namespace ta
