#include "normalize/normalize_item.h"

#include <algorithm>
#include <cmath>

#include "normalize/normalize_openings.h"
#include "normalize/open_time.h"
#include "normalize/open_type.h"
#include "normalize/text_clean.h"
#include "normalize/ticket_id.h"
#include "normalize/url.h"

namespace ta {

namespace {

const nlohmann::json* field(const nlohmann::json& item, const char* key) {
  if (!item.is_object()) return nullptr;
  auto it = item.find(key);
  return it == item.end() || it->is_null() ? nullptr : &*it;
}

std::string string_field(const nlohmann::json& item, const char* key) {
  const nlohmann::json* v = field(item, key);
  return v && v->is_string() ? v->get<std::string>() : std::string();
}

// Sites hand out ids as numbers or strings; both mean the same notice.
std::string id_field(const nlohmann::json& item) {
  const nlohmann::json* v = field(item, "id");
  if (!v) return "";
  if (v->is_string()) return v->get<std::string>();
  if (v->is_number_integer() || v->is_number_unsigned()) return v->dump();
  if (v->is_number_float()) {
    double d = v->get<double>();
    // 12345.0 is the integer id 12345 after a trip through a JS number.
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15)
      return std::to_string(static_cast<long long>(d));
    return v->dump();
  }
  return "";
}

std::vector<std::string> badges_field(const nlohmann::json& item) {
  std::vector<std::string> badges;
  const nlohmann::json* v = field(item, "badges");
  if (!v || !v->is_array()) return badges;
  for (const auto& raw : *v) {
    if (!raw.is_string()) continue;
    std::string badge = clean_text(raw.get<std::string>());
    if (badge.empty() || std::find(badges.begin(), badges.end(), badge) != badges.end()) continue;
    badges.push_back(std::move(badge));
  }
  return badges;
}

}  // namespace

Ticket normalize_item(const nlohmann::json& item, const std::string& site, const std::string& site_name,
                      const std::string& page_url, std::time_t now) {
  Ticket t;
  try {
    t.site = site;
    t.site_name = site_name;
    t.title = clean_text(string_field(item, "title"));
    t.open_text = clean_text(string_field(item, "open_text"));
    if (const nlohmann::json* raw_open_at = field(item, "open_at")) t.open_at = open_time_from_value(*raw_open_at, now);
    if (!t.open_at) t.open_at = parse_open_time(t.open_text, now);
    OpenType type = classify_open_type(string_field(item, "open_type"), t.title);
    t.open_type = type.code;
    t.open_type_label = type.label;
    t.venue = clean_text(string_field(item, "venue"));
    t.url = absolute_url(page_url, string_field(item, "url"));
    // Posters may live on a CDN; the notice link must be the site's own.
    if (!t.url.empty() && !on_same_site(t.url, page_url)) t.url.clear();
    t.image = absolute_url(page_url, string_field(item, "image"));
    t.badges = badges_field(item);
    t.genre = clean_text(string_field(item, "genre"));
    t.id = ticket_id(id_field(item), t.title, t.venue);
    // A list row may name more than its headline (YES24's presale button); the headline is one of
    // them, so a row without any is its headline alone.
    if (const nlohmann::json* raw_openings = field(item, "openings"))
      t.openings = normalize_openings(*raw_openings, now, t.title);
    ensure_openings(t);
  } catch (const std::exception&) {
    // Only allocation failure can get here; keep the promise of not throwing and return what
    // was built so far.
  }
  return t;
}

}  // namespace ta
