#include <algorithm>

#include "sites/site.h"

namespace ta {

std::string SiteDescriptor::host() const {
  if (entry_pages.empty()) return "";
  const std::string& u = entry_pages.front();
  auto start = u.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  auto end = u.find_first_of("/?#", start);
  return u.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

const std::vector<SiteDescriptor>& all_sites() {
  static const std::vector<SiteDescriptor> sites = {interpark_site(), yes24_site(), melon_site(), ticketlink_site()};
  return sites;
}

const SiteDescriptor* find_site(const std::string& id) {
  std::string lower = id;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const auto& s : all_sites())
    if (s.id == lower) return &s;
  return nullptr;
}

std::vector<SiteDescriptor> selected_sites(const std::vector<std::string>& sources) {
  std::vector<SiteDescriptor> out;
  for (const auto& id : sources) {
    const SiteDescriptor* s = find_site(id);
    if (s && std::none_of(out.begin(), out.end(), [&](const SiteDescriptor& o) { return o.id == s->id; })) out.push_back(*s);
  }
  return out;
}

}  // namespace ta
