#include "normalize/date_text.h"

#include <array>
#include <string_view>

namespace ta {

namespace {

std::optional<DateText> read_relative_day(TextScanner& sc) {
  static const std::array<std::pair<std::string_view, int>, 3> kWords = {
      {{"오늘", 0}, {"내일", 1}, {"모레", 2}}};
  for (const auto& [word, days] : kWords) {
    if (sc.accept(word)) {
      DateText d;
      d.days_from_today = days;
      return d;
    }
  }
  return std::nullopt;
}

// `2025년 7월 1일`, `7월 1일`; spaces between the parts are optional.
std::optional<DateText> read_korean_date(TextScanner& sc) {
  std::size_t start = sc.pos();
  DateText d;
  int n = 0;
  if (!sc.number(1, 4, n)) return std::nullopt;
  sc.skip_spaces();
  if (sc.accept("년")) {
    d.year = n < 100 ? 2000 + n : n;
    sc.skip_spaces();
    if (!sc.number(1, 2, n)) {
      sc.set_pos(start);
      return std::nullopt;
    }
    sc.skip_spaces();
  }
  if (!sc.accept("월")) {
    sc.set_pos(start);
    return std::nullopt;
  }
  d.month = n;
  sc.skip_spaces();
  if (!sc.number(1, 2, d.day)) {
    sc.set_pos(start);
    return std::nullopt;
  }
  sc.skip_spaces();
  if (!sc.accept("일")) {
    sc.set_pos(start);
    return std::nullopt;
  }
  return d;
}

// '.' tolerates the spaces of the Korean locale format (`2025. 7. 3.`); '/' and '-' do not,
// so that a range such as `12.25 - 12.31` is not read as one date.
bool read_separator(TextScanner& sc, char& sep) {
  char c = sc.peek();
  if (c != '.' && c != '/' && c != '-') return false;
  sc.accept(std::string_view(&c, 1));
  if (c == '.') sc.skip_spaces();
  sep = c;
  return true;
}

std::optional<DateText> read_numeric_date(TextScanner& sc) {
  std::size_t start = sc.pos();
  int first = 0, second = 0;
  std::size_t first_len = 0;
  char sep = 0;
  if (!sc.number(1, 4, first, &first_len) || !read_separator(sc, sep) || !sc.number(1, 2, second)) {
    sc.set_pos(start);
    return std::nullopt;
  }
  DateText d;
  std::size_t after_two = sc.pos();
  char sep2 = 0;
  int third = 0;
  if ((first_len == 2 || first_len == 4) && read_separator(sc, sep2) && sep2 == sep &&
      sc.number(1, 2, third)) {
    d.year = first_len == 2 ? 2000 + first : first;
    d.month = second;
    d.day = third;
  } else if (first_len <= 2) {
    sc.set_pos(after_two);
    d.month = first;
    d.day = second;
  } else {
    sc.set_pos(start);  // `2025.07` is a month, not a day
    return std::nullopt;
  }
  if (sep == '.') sc.accept(".");
  return d;
}

// The weekday (0 = Monday) of the word at the scanner, if one is there.
std::optional<int> read_weekday_word(TextScanner& sc) {
  static const std::array<std::string_view, 7> kKorean = {"월", "화", "수", "목", "금", "토", "일"};
  for (int index = 0; index < 7; ++index) {
    std::size_t start = sc.pos();
    if (!sc.accept(kKorean[index])) continue;
    sc.accept("요일");
    // A bare 일 before 반예매 is the start of a word, not Sunday.
    if (sc.at_hangul()) {
      sc.set_pos(start);
      return std::nullopt;
    }
    return index;
  }
  // Longest first so `Thursday` is not left half-read as `Thu` + `rsday`.
  static const std::array<std::pair<std::string_view, int>, 18> kEnglish = {{
      {"monday", 0}, {"tuesday", 1}, {"wednesday", 2}, {"thursday", 3}, {"friday", 4}, {"saturday", 5},
      {"sunday", 6}, {"tues", 1},    {"thurs", 3},     {"thur", 3},     {"mon", 0},    {"tue", 1},
      {"wed", 2},    {"thu", 3},     {"fri", 4},       {"sat", 5},      {"sun", 6},    {"weds", 2}}};
  for (auto [day, index] : kEnglish) {
    std::size_t start = sc.pos();
    if (!sc.accept_ignore_case(day)) continue;
    sc.accept(".");
    if (sc.at_ascii_letter()) {
      sc.set_pos(start);
      continue;
    }
    return index;
  }
  return std::nullopt;
}

// Other short bracketed words after a date (`(木)`, `(수·목)`, `(예정)`) are read past the same
// way; digits inside mean it is data, not a note, and the bracket is left alone.
bool skip_short_note(TextScanner& sc, char close) {
  constexpr std::size_t kMaxNoteBytes = 30;
  std::size_t start = sc.pos();
  while (!sc.done() && sc.pos() - start <= kMaxNoteBytes) {
    if (sc.accept(std::string_view(&close, 1))) return true;
    if (sc.at_digit() || sc.peek() == '(' || sc.peek() == '[') break;
    sc.set_pos(sc.pos() + 1);
  }
  sc.set_pos(start);
  return false;
}

}  // namespace

std::optional<DateText> read_date(TextScanner& sc) {
  if (auto d = read_relative_day(sc)) return d;
  if (!sc.at_digit()) return std::nullopt;
  if (auto d = read_korean_date(sc)) return d;
  return read_numeric_date(sc);
}

std::optional<int> skip_weekday(TextScanner& sc) {
  std::size_t start = sc.pos();
  sc.skip_spaces();
  char open = sc.peek();
  char close = open == '(' ? ')' : open == '[' ? ']' : '\0';
  if (close) {
    sc.set_pos(sc.pos() + 1);
    sc.skip_spaces();
  }
  std::size_t inside = sc.pos();
  if (auto weekday = read_weekday_word(sc)) {
    sc.skip_spaces();
    if (!close || sc.accept(std::string_view(&close, 1))) return weekday;
  }
  sc.set_pos(inside);
  if (close && skip_short_note(sc, close)) return std::nullopt;
  sc.set_pos(start);
  return std::nullopt;
}

}  // namespace ta
