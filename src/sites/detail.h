#pragma once
// A notice's detail page: every opening it names (fan-club presale, presale, general, rounds).
// Read by `crawl SITE --detail URL` and, for new or changed notices, by each crawl in the page
// that read the list. Like crawl_site, nothing here throws: failures are part of the result.
#include <ctime>
#include <string>
#include <vector>

#include "cdp/page.h"
#include "model/ticket.h"
#include "sites/crawler.h"
#include "sites/site.h"

namespace ta {

struct DetailResult {
  bool ok = false;  // the script answered in the documented shape and named at least one opening
  std::string url;
  std::string id;  // the notice id the page gives (or its URL)
  std::string title;
  std::vector<Opening> openings;
  std::string strategy;
  std::vector<std::string> warnings;
  std::string error;  // Korean, names the script / page
  CrawlErrorKind error_kind = CrawlErrorKind::none;
  long long duration_ms = 0;
};

// Navigates `page` to `url` and runs the site's detail script (`script` is its source).
DetailResult read_detail(cdp::Page& page, const SiteDescriptor& site, const std::string& script,
                         const std::string& url, std::time_t now, const Deadline& deadline) noexcept;

// `crawl SITE --detail URL`: one detail page in a page of its own.
DetailResult crawl_detail(cdp::BrowserPool& pool, const SiteDescriptor& site, const std::string& url,
                          const CrawlOptions& options, const Deadline& deadline) noexcept;

// `crawl --detail`'s JSON: {id, title, url, strategy, openings} (fixtures' expected-detail-*.json
// hold its id, strategy and openings).
nlohmann::json to_json(const DetailResult& d);

// For the tickets `wanted` marks, reads detail pages in `page` (the list's page, same browser
// context) — at most options.detail_pages, within `budget`, paced by the site's detail spacing —
// and merges their openings. Sets each ticket's `detail` to what was done.
void add_details(cdp::Page& page, const SiteDescriptor& site, const CrawlOptions& options, std::time_t now,
                 const std::vector<bool>& wanted, std::vector<Ticket>& tickets, const Deadline& budget) noexcept;

}  // namespace ta
