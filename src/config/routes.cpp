#include "config/config.h"

namespace ta {

std::vector<RouteConfig> delivery_routes(const Config& c) {
  std::vector<RouteConfig> out;
  if (!c.DISCORD_WEBHOOK_URL.empty() || c.routes.empty()) {
    RouteConfig d;
    d.name = kDefaultRoute;
    d.webhook = c.DISCORD_WEBHOOK_URL;
    d.keywords = c.KEYWORDS;
    d.exclude = c.EXCLUDE_KEYWORDS;
    d.priority = c.PRIORITY_KEYWORDS;
    out.push_back(std::move(d));
  }
  out.insert(out.end(), c.routes.begin(), c.routes.end());
  return out;
}

std::string route_display_name(const std::string& route) { return route == kDefaultRoute ? "기본 채널" : route; }

std::string route_webhook_setting(const std::string& route) {
  return route == kDefaultRoute ? "DISCORD_WEBHOOK_URL" : "routes의 \"" + route + "\" webhook";
}

std::string webhook_id_of(const std::string& url) {
  const std::size_t marker = url.find("/webhooks/");
  if (marker == std::string::npos) return url;
  const std::size_t begin = marker + 10;
  return url.substr(begin, url.find_first_of("/?#", begin) - begin);
}

}  // namespace ta
