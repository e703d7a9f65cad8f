#include <cstdlib>
#include <limits>

#include "normalize/clock_text.h"
#include "normalize/date_text.h"
#include "normalize/kst_time.h"
#include "normalize/open_time.h"
#include "normalize/text_clean.h"
#include "normalize/utf8.h"

namespace ta {

namespace {

// Full-width forms (U+FF01..U+FF5E) are ASCII in disguise: `（목）`, `１６：００`.
std::string fold_full_width(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 1;
    char32_t cp = utf8::decode_at(text, i, len);
    if (cp != utf8::kInvalid && cp >= 0xFF01 && cp <= 0xFF5E)
      out += static_cast<char>(cp - 0xFEE0);
    else
      out.append(text, i, len);
    i += len;
  }
  return out;
}

bool all_digits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// 0 = Monday; 1970-01-01 was a Thursday.
int weekday_of(const CivilDate& d) {
  const long long days = days_from_civil(d);
  return static_cast<int>(((days + 3) % 7 + 7) % 7);
}

// Among last, this and next year, the one that puts month/day/clock nearest to now: a list
// seen on 12-30 that says `01.02` means next January, one seen on 01-02 saying `12.30` last
// December. A weekday shown beside the date decides first: "12.10(수)" is the December 10th that
// is a Wednesday, however far it is.
std::optional<std::time_t> nearest_year(KstDateTime t, std::time_t now, std::optional<int> weekday) {
  int this_year = kst_from_epoch(now).date.year;
  bool weekday_fits_some_year = false;
  for (int year = this_year - 1; weekday && year <= this_year + 1; ++year) {
    t.date.year = year;
    weekday_fits_some_year = weekday_fits_some_year || (is_valid(t) && weekday_of(t.date) == *weekday);
  }
  std::optional<std::time_t> best;
  long long best_distance = std::numeric_limits<long long>::max();
  for (int year = this_year - 1; year <= this_year + 1; ++year) {
    t.date.year = year;
    if (!is_valid(t)) continue;  // 02-29 exists only in some of the three
    if (weekday_fits_some_year && weekday_of(t.date) != *weekday) continue;
    std::time_t at = epoch_from_kst(t);
    long long distance = std::llabs(static_cast<long long>(at) - static_cast<long long>(now));
    if (distance < best_distance) {
      best_distance = distance;
      best = at;
    }
  }
  return best;
}

std::optional<std::time_t> resolve(const DateText& d, const ClockText& c, std::time_t now, std::optional<int> weekday) {
  KstDateTime t;
  t.hour = c.hour;
  t.minute = c.minute;
  t.second = c.second;
  if (d.days_from_today) {
    long long today = days_from_civil(kst_from_epoch(now).date);
    t.date = civil_from_days(today + *d.days_from_today);
  } else {
    t.date.month = d.month;
    t.date.day = d.day;
    if (!d.year) return nearest_year(t, now, weekday);
    t.date.year = *d.year;
  }
  if (!is_valid(t)) return std::nullopt;
  return epoch_from_kst(t);
}

// Between a date and its time: a weekday, spaces, a comma, or ISO's `T`. Returns the weekday.
std::optional<int> skip_date_time_gap(TextScanner& sc) {
  std::size_t before = sc.pos();
  if (sc.accept("T")) {
    if (sc.at_digit()) return std::nullopt;
    sc.set_pos(before);
  }
  const auto weekday = skip_weekday(sc);
  sc.skip_spaces();
  if (sc.accept(",")) sc.skip_spaces();
  return weekday;
}

bool may_start_date(const std::string& s, std::size_t pos) {
  unsigned char c = static_cast<unsigned char>(s[pos]);
  bool digit = c >= '0' && c <= '9';
  bool after_digit = pos > 0 && s[pos - 1] >= '0' && s[pos - 1] <= '9';
  // Relative-day words start with a Hangul lead byte; everything else must begin a number.
  return digit ? !after_digit : (c >= 0xEA && c <= 0xED);
}

std::optional<std::time_t> first_date_time(const std::string& s, std::time_t now) {
  for (std::size_t pos = 0; pos < s.size();) {
    if (!may_start_date(s, pos)) {
      ++pos;
      continue;
    }
    TextScanner sc(s, pos);
    auto date = read_date(sc);
    if (!date) {
      ++pos;
      continue;
    }
    std::size_t date_end = sc.pos();
    const auto weekday = skip_date_time_gap(sc);
    if (auto clock = read_clock(sc)) {
      if (auto at = resolve(*date, *clock, now, weekday)) return at;
    }
    // Never rescan inside a date: `2025.13.40` must not turn into `13.40` or `40`.
    pos = date_end;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> parse_open_time(const std::string& text, std::time_t now) {
  std::string s = fold_full_width(clean_text(text));
  if (s.empty()) return std::nullopt;
  // Only 12-13 digits are plausible epoch milliseconds (2001..2286); shorter runs are ids or
  // prices that happen to stand alone.
  if (all_digits(s)) {
    if (s.size() < 12 || s.size() > 13) return std::nullopt;
    long long ms = std::stoll(s);
    return format_kst_iso(static_cast<std::time_t>(ms / 1000));
  }
  if (auto at = parse_iso(s)) return format_kst_iso(*at);
  if (auto at = first_date_time(s, now)) return format_kst_iso(*at);
  return std::nullopt;
}

}  // namespace ta
