#include "normalize/kst_time.h"

#include <cctype>
#include <cstdio>

namespace ta {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

bool is_valid(const KstDateTime& t) {
  return t.date.month >= 1 && t.date.month <= 12 && t.date.day >= 1 &&
         t.date.day <= days_in_month(t.date.year, t.date.month) && t.hour >= 0 && t.hour <= 23 &&
         t.minute >= 0 && t.minute <= 59 && t.second >= 0 && t.second <= 59;
}

// Howard Hinnant's algorithms: exact for any Gregorian date and free of time-zone state.
long long days_from_civil(const CivilDate& d) {
  long long y = d.year - (d.month <= 2 ? 1 : 0);
  long long era = (y >= 0 ? y : y - 399) / 400;
  long long yoe = y - era * 400;
  long long mp = (d.month + 9) % 12;
  long long doy = (153 * mp + 2) / 5 + d.day - 1;
  long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(long long days) {
  days += 719468;
  long long era = (days >= 0 ? days : days - 146096) / 146097;
  long long doe = days - era * 146097;
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long long mp = (5 * doy + 2) / 153;
  CivilDate d;
  d.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  d.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  d.year = static_cast<int>(yoe + era * 400 + (d.month <= 2 ? 1 : 0));
  return d;
}

KstDateTime kst_from_epoch(std::time_t t) {
  long long local = static_cast<long long>(t) + kKstOffsetSeconds;
  long long days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  long long secs = local - days * 86400;
  KstDateTime k;
  k.date = civil_from_days(days);
  k.hour = static_cast<int>(secs / 3600);
  k.minute = static_cast<int>(secs % 3600 / 60);
  k.second = static_cast<int>(secs % 60);
  return k;
}

std::time_t epoch_from_kst(const KstDateTime& t) {
  long long local = days_from_civil(t.date) * 86400 + t.hour * 3600LL + t.minute * 60LL + t.second;
  return static_cast<std::time_t>(local - kKstOffsetSeconds);
}

std::string format_kst_iso(std::time_t t) {
  KstDateTime k = kst_from_epoch(t);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+09:00", k.date.year, k.date.month,
                k.date.day, k.hour, k.minute, k.second);
  return buf;
}

std::string format_kst_day(std::time_t t) {
  const CivilDate d = kst_from_epoch(t).date;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

namespace {

class IsoReader {
 public:
  explicit IsoReader(const std::string& s) : s_(s) {}

  bool number(int digits, int& out) {
    if (pos_ + digits > s_.size()) return false;
    int v = 0;
    for (int i = 0; i < digits; ++i) {
      char c = s_[pos_ + i];
      if (!std::isdigit(static_cast<unsigned char>(c))) return false;
      v = v * 10 + (c - '0');
    }
    pos_ += digits;
    out = v;
    return true;
  }
  bool accept(char c) {
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool at_digit() const { return pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_])); }
  bool done() const { return pos_ == s_.size(); }

 private:
  const std::string& s_;
  std::size_t pos_ = 0;
};

std::string trim_ascii(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

}  // namespace

std::optional<std::time_t> parse_iso(const std::string& text) {
  std::string s = trim_ascii(text);
  IsoReader r(s);
  KstDateTime t;
  if (!r.number(4, t.date.year) || !r.accept('-') || !r.number(2, t.date.month) || !r.accept('-') ||
      !r.number(2, t.date.day))
    return std::nullopt;
  if (!r.accept('T') && !r.accept(' ')) return std::nullopt;
  if (!r.number(2, t.hour) || !r.accept(':') || !r.number(2, t.minute)) return std::nullopt;
  if (r.accept(':')) {
    if (!r.number(2, t.second)) return std::nullopt;
    // Sub-second digits carry no meaning for an open time: skip them.
    if (r.accept('.') || r.accept(',')) {
      if (!r.at_digit()) return std::nullopt;
      int ignored = 0;
      while (r.at_digit()) r.number(1, ignored);
    }
  }
  if (!is_valid(t)) return std::nullopt;

  long long offset = kKstOffsetSeconds;
  if (r.accept('Z') || r.accept('z')) {
    offset = 0;
  } else {
    int sign = r.accept('+') ? 1 : (r.accept('-') ? -1 : 0);
    if (sign != 0) {
      int oh = 0, om = 0;
      if (!r.number(2, oh)) return std::nullopt;
      if (r.accept(':')) {
        if (!r.number(2, om)) return std::nullopt;
      } else if (r.at_digit() && !r.number(2, om)) {
        return std::nullopt;
      }
      if (oh > 23 || om > 59) return std::nullopt;
      offset = sign * (oh * 3600LL + om * 60LL);
    }
  }
  if (!r.done()) return std::nullopt;
  // epoch_from_kst assumes +09:00; correct for whatever offset the text states.
  return static_cast<std::time_t>(epoch_from_kst(t) + kKstOffsetSeconds - offset);
}

}  // namespace ta
