#include "store/legacy_entry.h"

#include <cctype>
#include <cstdio>
#include <initializer_list>
#include <regex>

#include "store/legacy_keys.h"
#include "normalize/kst_time.h"

namespace ta {
namespace {

using nlohmann::json;

// The first member among `names` holding a non-empty string (numbers are turned into text).
std::string first_text(const json& obj, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    auto it = obj.find(name);
    if (it == obj.end()) continue;
    if (it->is_string() && !it->get<std::string>().empty()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<long long>());
    if (it->is_number_unsigned()) return std::to_string(it->get<unsigned long long>());
  }
  return "";
}

const json* first_present(const json& obj, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    auto it = obj.find(name);
    if (it != obj.end() && !it->is_null()) return &*it;
  }
  return nullptr;
}

bool is_digits(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

std::optional<std::string> iso_or_null(std::optional<std::time_t> t) {
  if (!t) return std::nullopt;
  return format_kst_iso(*t);
}

std::optional<std::time_t> open_time_of(const json& obj) {
  if (auto* v = first_present(obj, {"open_at", "open_datetime", "ticket_open_at", "open_date_time"}))
    if (auto t = legacy_time(*v)) return t;
  // The old tool may have split the date and the time into two fields.
  const std::string date = first_text(obj, {"open_date", "date"});
  const std::string time = first_text(obj, {"open_time", "time"});
  if (!date.empty() && !time.empty())
    if (auto t = legacy_time(json(date + " " + time))) return t;
  if (auto* v = first_present(obj, {"open_date", "open_time", "open", "ticket_open", "open_text"}))
    return legacy_time(*v);
  return std::nullopt;
}

constexpr const char* kOpenTypes[] = {"general", "presale", "fanclub", "nth_round", "last", "other"};

LegacyEntry from_object(const std::string& key, const json& obj, std::time_t now) {
  LegacyEntry out;
  AnnouncedEntry e;
  const std::string site = site_from_name(first_text(obj, {"site", "source", "platform", "site_name", "vendor"}));
  const std::string raw_id = first_text(obj, {"id", "notice_id", "noticeId", "key", "notification_id", "uid"});
  const std::string url = first_text(obj, {"url", "link", "href", "detail_url", "notice_url"});
  e.title = first_text(obj, {"title", "name", "subject"});
  e.open_at = iso_or_null(open_time_of(obj));
  const std::string type = first_text(obj, {"open_type"});
  for (const char* known : kOpenTypes)
    if (type == known) e.open_type = type;
  const json* when = first_present(obj, {"sent_at", "notified_at", "timestamp", "created_at", "sent_time"});
  e.announced_at = when ? legacy_time(*when).value_or(now) : now;

  std::optional<SiteAndId> mapped = site_and_id_from_key(raw_id);
  if (!mapped && !site.empty() && is_digits(raw_id)) mapped = SiteAndId{site, raw_id};
  if (!mapped) mapped = site_and_id_from_key(url);
  if (!mapped && !site.empty() && !id_from_url(url).empty()) mapped = SiteAndId{site, id_from_url(url)};
  if (!mapped) mapped = site_and_id_from_key(key);
  if (mapped) {
    e.site = mapped->site;
    e.id = mapped->id;
    out.mapped = true;
  } else {
    // Kept under its raw key so a second import does not duplicate it; is_announced matches it
    // by title. The site stays when known, to keep title matches on the right site.
    e.site = !site.empty() ? site : site_from_url(url);
    e.id = !raw_id.empty() ? raw_id : !url.empty() ? url : !key.empty() ? key : "";
    if (e.id.empty() && !e.title.empty()) e.id = "title:" + e.title + (e.open_at ? "@" + *e.open_at : "");
    if (e.id.empty()) {
      out.skip_reason = "id, url, 제목이 모두 없음";
      return out;
    }
  }
  out.entry = e;
  return out;
}

}  // namespace

std::optional<std::time_t> legacy_time(const json& value) {
  if (value.is_number()) {
    const double n = value.get<double>();
    if (n <= 0) return std::nullopt;
    // Python's time.time() is seconds; JavaScript-style milliseconds are 1000x larger.
    return static_cast<std::time_t>(n > 1e11 ? n / 1000 : n);
  }
  if (!value.is_string()) return std::nullopt;
  const std::string s = value.get<std::string>();
  if (auto t = parse_iso(s)) return t;
  // std::regex works on bytes: 년/월 are alternatives, not bracket members, being multi-byte.
  static const std::regex loose(
      R"((\d{4})\s*(?:[./-]|년)\s*(\d{1,2})\s*(?:[./-]|월)\s*(\d{1,2})\D*?(\d{1,2})\s*:\s*(\d{2}))");
  std::smatch m;
  if (!std::regex_search(s, m, loose)) return std::nullopt;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s-%02d-%02dT%02d:%s:00+09:00", m[1].str().c_str(), std::stoi(m[2].str()),
                std::stoi(m[3].str()), std::stoi(m[4].str()), m[5].str().c_str());
  return parse_iso(buf);
}

LegacyEntry legacy_entry(const std::string& key, const json& value, std::time_t now) {
  if (value.is_object()) return from_object(key, value, now);
  LegacyEntry out;
  std::string raw = key;
  std::time_t when = now;
  if (raw.empty()) {
    // A list item: the value is the key itself.
    if (value.is_string()) raw = value.get<std::string>();
    else if (value.is_number_integer() || value.is_number_unsigned()) raw = value.dump();
  } else if (auto t = legacy_time(value)) {
    when = *t;  // {"interpark_123": "2025-07-01T20:00:00"}: the value is when it was sent
  }
  raw.erase(0, raw.find_first_not_of(" \t\r\n"));
  raw.erase(raw.find_last_not_of(" \t\r\n") + 1);
  if (raw.empty()) {
    out.skip_reason = value.is_string() || value.is_null() ? "빈 값" : "알 수 없는 형식 (" + std::string(value.type_name()) + ")";
    return out;
  }
  AnnouncedEntry e;
  e.announced_at = when;
  if (auto mapped = site_and_id_from_key(raw)) {
    e.site = mapped->site;
    e.id = mapped->id;
    out.mapped = true;
  } else {
    e.id = raw;
    if (raw.rfind("http", 0) == 0) e.site = site_from_url(raw);
  }
  out.entry = e;
  return out;
}

}  // namespace ta
