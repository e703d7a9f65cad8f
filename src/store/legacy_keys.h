#pragma once
// Turning the old Python tool's notification keys, site names and URLs into (site, id) as the
// crawler produces them. Every function is a guess over undocumented data: when unsure it says
// "don't know" (empty / nullopt) rather than inventing an id that could hide a real alert.
#include <optional>
#include <string>

namespace ta {

struct SiteAndId {
  std::string site;
  std::string id;
};

// "interpark", "Interpark", "인터파크", "NOL 티켓", "YES24", "예스24", "멜론티켓", "멜론", "melon_ticket",
// "티켓링크", "ticketlink" ... -> the site key; "" when not a known site.
std::string site_from_name(const std::string& name);

// The site of a URL by its host; "" when unknown.
std::string site_from_url(const std::string& url);

// The notice id in a URL: /notice/detail/123, #id=16995, ?csoonId=123, /help/notice/62352,
// noticeId=, no=, idx=; "" when none.
std::string id_from_url(const std::string& url);

// "interpark_12345", "yes24:16995", "melon-123", "티켓링크/62352", a detail URL -> (site, id);
// nullopt when the key does not name both.
std::optional<SiteAndId> site_and_id_from_key(const std::string& key);

}  // namespace ta
