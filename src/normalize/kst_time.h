#pragma once
// Asia/Seoul wall-clock arithmetic. Korea has had no DST since 1988, so KST is a fixed UTC+9 and
// can be computed by hand; relying on the process TZ would make results depend on the host.
#include <ctime>
#include <optional>
#include <string>

namespace ta {

constexpr long long kKstOffsetSeconds = 9 * 3600;

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

struct KstDateTime {
  CivilDate date;
  int hour = 0;
  int minute = 0;
  int second = 0;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);
// True when month, day, hour, minute and second are all in range (day checked against the month).
bool is_valid(const KstDateTime& t);

// Days since 1970-01-01 for a proleptic Gregorian date, and back.
long long days_from_civil(const CivilDate& d);
CivilDate civil_from_days(long long days);

// The KST wall clock at a UTC epoch, and the UTC epoch of a KST wall clock.
KstDateTime kst_from_epoch(std::time_t t);
std::time_t epoch_from_kst(const KstDateTime& t);

// `YYYY-MM-DDTHH:MM:SS+09:00`, the form every normalised open_at takes.
std::string format_kst_iso(std::time_t t);
// `YYYY-MM-DD`, the KST calendar day containing `t` (the daily statistics' key).
std::string format_kst_day(std::time_t t);

// ISO 8601 date-time (`T` or a space between date and time, optional seconds and fraction,
// offset `Z`, `+HH:MM`, `+HHMM` or `+HH`; no offset means KST). A date without a time is not a
// point in time and yields nullopt, as does anything out of range.
std::optional<std::time_t> parse_iso(const std::string& text);

}  // namespace ta
