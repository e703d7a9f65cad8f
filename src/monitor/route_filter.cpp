#include "monitor/route_filter.h"

#include <algorithm>

namespace ta {

RouteFilter::RouteFilter(const RouteConfig& route, const KeywordFilter::Groups& aliases)
    : route_(route), keywords_(route.keywords, route.priority, route.exclude, aliases) {
  for (const auto& g : route.genres) {
    FoldedText folded = fold_for_match(g);
    if (!folded.chars.empty()) genres_.push_back(std::move(folded));
  }
}

bool RouteFilter::site_ok(const Ticket& t) const {
  return route_.sites.empty() || std::find(route_.sites.begin(), route_.sites.end(), t.site) != route_.sites.end();
}

bool RouteFilter::genre_ok(const Ticket& t) const {
  if (genres_.empty()) return true;
  const FoldedText where = fold_for_match(t.genre.empty() ? t.title : t.genre);
  return std::any_of(genres_.begin(), genres_.end(), [&](const FoldedText& g) { return contains_term(where, g); });
}

bool RouteFilter::wanted(const Ticket& t) const { return site_ok(t) && genre_ok(t) && keywords_.wanted(t); }

bool RouteFilter::priority(const Ticket& t) const {
  if (route_.priority_all) return wanted(t);
  return keywords_.priority(t);
}

std::optional<std::string> RouteFilter::refusal(const Ticket& t) const {
  using List = KeywordFilter::List;
  if (!site_ok(t)) return "사이트가 sites에 없음";
  if (!genre_ok(t)) return "장르가 genres와 다름";
  if (const auto hit = keywords_.match(List::exclude, t)) return "제외 키워드 \"" + hit->keyword + "\"";
  if (!keywords_.wanted(t)) return "키워드 중 일치하는 것이 없음";
  return std::nullopt;
}

}  // namespace ta
