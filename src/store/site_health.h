#pragma once
// The canary: whether what a site's extract script returns still looks like its notice list.
// A site whose crawls keep succeeding with far fewer items than usual, with items missing a title
// or any opening, or keep failing with nothing extracted (0 items, a script error) is "broken",
// not "quiet" — one ops message when it breaks, one when it recovers (site_health, schema v6).
#include <ctime>
#include <string>

namespace ta {

// What one crawl looked like, as the canary judges it.
struct CrawlShape {
  bool ok = false;
  bool extraction_failed = false;  // failed with nothing usable extracted (0 items, a script error)
  int items = 0;
  int untitled = 0;         // rows skipped for want of a title
  int without_opening = 0;  // items with no opening at all: no time and no text
  std::string strategy;
  std::string error;
};

struct SiteHealth {
  std::string site;
  bool broken = false;
  std::string reason;    // Korean: what looks wrong (broken), or what was read (healthy)
  std::string strategy;  // the extract layer that answered
  std::time_t since = 0;
  int suspicious_crawls = 0;  // in a row
  bool told_broken = false;   // what the ops channel was last told
};

// One crawl's judgement: the site's health after it, and whether it turned broken or healthy.
struct SiteVerdict {
  SiteHealth health;
  bool changed = false;
};

}  // namespace ta
