#pragma once
// One site's crawl: open its entry pages in a pooled page, run its extract script, normalise.
// Every failure becomes part of the result — a site's crawl never throws, so one broken site
// cannot stop the others.
#include <ctime>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cdp/har_archive.h"
#include "cdp/pool.h"
#include "config/config.h"
#include "model/ticket.h"
#include "sites/site.h"
#include "sites/warm_pages.h"

namespace ta {

struct CrawlOptions {
  std::string extract_dir;
  int max_items = 200;
  int page_timeout_s = 30;
  std::shared_ptr<const cdp::HarArchive> replay;  // set: answer from the archive only
  std::optional<std::time_t> now;                 // default: the archive's recording time, else the clock
  // Detail pages: which listed tickets want theirs read (new or changed; the store knows). Unset
  // or detail_pages 0: the list alone.
  std::function<std::vector<bool>(const std::vector<Ticket>&)> wants_detail;
  int detail_pages = 0;
  int detail_budget_s = 20;
  // Set: a page that gave a good list stays open for the next cycle's warm read (see warm_pages.h).
  WarmPages* warm = nullptr;
  std::string warm_source;  // identity of what answers the page: "" live, the archive in replay

  // extract_dir, max_items and page_timeout_s as configured.
  static CrawlOptions from_config(const Config& config);
};

enum class CrawlErrorKind { none, script, timeout, navigation, http_status, empty, browser };

struct CrawlResult {
  std::string site;
  bool ok = false;
  std::vector<Ticket> tickets;
  std::string entry_url;  // the page that gave the items (or the last one tried)
  std::string strategy;
  std::vector<std::string> warnings;
  std::string error;  // Korean, names the file / page / status
  CrawlErrorKind error_kind = CrawlErrorKind::none;
  int http_status = 0;
  int untitled = 0;  // rows the script returned without a title (skipped)
  long long duration_ms = 0;
  std::time_t now = 0;
  bool warm = false;  // read again from the page a previous cycle rendered, without navigating
};

CrawlResult crawl_site(cdp::BrowserPool& pool, const SiteDescriptor& site, const CrawlOptions& options,
                       const Deadline& deadline) noexcept;

// The time "now" of a replayed archive (its recording time), or nullopt.
std::optional<std::time_t> archive_time(const cdp::HarArchive& archive);

}  // namespace ta
