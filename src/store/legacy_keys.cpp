#include "store/legacy_keys.h"
#include "util/ascii.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>
#include <string_view>
#include <utility>
#include <vector>

namespace ta {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kAliases = {{
    {"interparkticket", "interpark"}, {"nolticket", "interpark"}, {"interpark", "interpark"},
    {"인터파크티켓", "interpark"},      {"인터파크", "interpark"},      {"놀티켓", "interpark"},
    {"yes24ticket", "yes24"},         {"yes24", "yes24"},           {"예스24", "yes24"},
    {"melonticket", "melon"},         {"melon", "melon"},           {"멜론티켓", "melon"},
    {"멜론", "melon"},                 {"ticketlink", "ticketlink"}, {"티켓링크", "ticketlink"},
    {"ticket_link", "ticketlink"},    {"melon_ticket", "melon"},    {"yes24_ticket", "yes24"},
    {"interpark_ticket", "interpark"}, {"nol티켓", "interpark"},
}};

// Longest first, so "멜론티켓" is not read as "멜론" + "티켓", nor "melon_ticket" as "melon".
const std::vector<std::pair<std::string_view, std::string_view>>& aliases() {
  static const auto sorted = [] {
    std::vector<std::pair<std::string_view, std::string_view>> v(kAliases.begin(), kAliases.end());
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    return v;
  }();
  return sorted;
}

// Aliases compared without spaces and case: "NOL 티켓", "Melon Ticket", "YES24 티켓".
std::string squeeze(const std::string& s) {
  std::string out;
  for (char c : ascii_lower(s))
    if (c != ' ' && c != '\t') out += c;
  return out;
}

bool is_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool looks_like_url(const std::string& s) {
  return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0 || s.rfind("//", 0) == 0;
}

}  // namespace

std::string site_from_name(const std::string& name) {
  const std::string s = squeeze(name);
  for (const auto& [alias, site] : aliases())
    if (s == alias) return std::string(site);
  // "인터파크 티켓오픈", "YES24 공연": a known name followed by a plain word.
  for (const auto& [alias, site] : aliases())
    if (s.rfind(alias, 0) == 0 && s.size() > alias.size() && !std::isdigit(static_cast<unsigned char>(s[alias.size()])))
      return std::string(site);
  return "";
}

std::string site_from_url(const std::string& url) {
  static const std::regex host_re(R"(^(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?//([^/?#:]+))");
  std::smatch m;
  if (!std::regex_search(url, m, host_re)) return "";
  const std::string host = ascii_lower(m[1].str());
  if (host.find("interpark") != std::string::npos || host.find("nol.com") != std::string::npos ||
      host.find("nolticket") != std::string::npos)
    return "interpark";
  if (host.find("yes24") != std::string::npos) return "yes24";
  if (host.find("melon") != std::string::npos) return "melon";
  if (host.find("ticketlink") != std::string::npos) return "ticketlink";
  return "";
}

std::string id_from_url(const std::string& url) {
  static const std::regex patterns[] = {
      std::regex(R"([?&#](?:csoonId|noticeId|notice_id|noticeNo|id|no|idx|seq)=(\d+))", std::regex::icase),
      std::regex(R"(/notice/detail/(\d+))", std::regex::icase),
      std::regex(R"(/notice/(?:view/)?(\d+)(?:[/?#]|$))", std::regex::icase),
  };
  std::smatch m;
  for (const auto& re : patterns)
    if (std::regex_search(url, m, re)) return m[1].str();
  return "";
}

std::optional<SiteAndId> site_and_id_from_key(const std::string& raw) {
  std::string key = raw;
  key.erase(0, key.find_first_not_of(" \t\r\n"));
  key.erase(key.find_last_not_of(" \t\r\n") + 1);
  if (key.empty()) return std::nullopt;
  if (looks_like_url(key)) {
    SiteAndId out{site_from_url(key), id_from_url(key)};
    if (out.site.empty() || out.id.empty()) return std::nullopt;
    return out;
  }
  const std::string lowered = ascii_lower(key);
  for (const auto& [alias, site] : aliases()) {
    if (lowered.rfind(alias, 0) != 0) continue;
    std::string rest = key.substr(alias.size());
    // One separator between the site and the id: "_", ":", "-", "/", "|", "#", ".", or a space.
    if (!rest.empty() && std::string_view("_:-/|#. ").find(rest[0]) != std::string_view::npos) rest.erase(0, 1);
    if (rest.empty()) return std::nullopt;
    if (looks_like_url(rest)) {
      const std::string id = id_from_url(rest);
      if (id.empty()) return std::nullopt;
      return SiteAndId{std::string(site), id};
    }
    if (is_digits(rest)) return SiteAndId{std::string(site), rest};
    // "12345_2025-07-01": the id first, then whatever the old tool appended.
    static const std::regex leading_id(R"(^(\d+)[_:|/])");
    std::smatch m;
    if (std::regex_search(rest, m, leading_id)) return SiteAndId{std::string(site), m[1].str()};
    // A non-numeric id (e.g. the crawler's "h-" hashes) is kept verbatim.
    if (rest.find_first_of(" \t") == std::string::npos) return SiteAndId{std::string(site), rest};
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace ta
