#pragma once
// What one route (config routes, or the old global keys) hears: its sites, its genres, then its
// keywords and excludes (KeywordFilter: Korean-aware, with the alias groups). A notice without a
// genre matches a genre by its title ("뮤지컬 〈레미제라블〉"), so a site that shows no genre is
// not shut out of a genre route.
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "model/ticket.h"
#include "monitor/keyword_filter.h"

namespace ta {

class RouteFilter {
 public:
  RouteFilter(const RouteConfig& route, const KeywordFilter::Groups& aliases);

  bool wanted(const Ticket& t) const;
  // Its alerts go before the backlog and ping: `priority: true`, or a priority keyword matches.
  bool priority(const Ticket& t) const;

  // Why wanted() said no, in Korean for check-config --match; nullopt when it said yes.
  std::optional<std::string> refusal(const Ticket& t) const;
  const KeywordFilter& keywords() const { return keywords_; }
  const RouteConfig& route() const { return route_; }

 private:
  bool site_ok(const Ticket& t) const;
  bool genre_ok(const Ticket& t) const;

  RouteConfig route_;
  KeywordFilter keywords_;
  std::vector<FoldedText> genres_;
};

}  // namespace ta
