#pragma once
// What ticket-alarm knows about one ticket site: where its notice list lives, how to wait for it,
// which extract script reads it, and how gently to visit it.
#include <string>
#include <vector>

namespace ta {

struct SiteDescriptor {
  std::string id;                        // interpark | yes24 | melon | ticketlink
  std::string name;                      // Korean display name
  std::vector<std::string> entry_pages;  // tried in order: the next when one fails or yields nothing
  std::string wait = "load";             // load | networkidle | CSS selector
  std::string script;                    // file name inside extract_dir
  int min_host_spacing_s = 5;            // minimum time between two visits of the host
  std::string detail_script;             // reads one notice's detail page: every opening
  int detail_spacing_ms = 1000;          // minimum time between two detail pages of one crawl

  std::string host() const;
};

SiteDescriptor interpark_site();
SiteDescriptor yes24_site();
SiteDescriptor melon_site();
SiteDescriptor ticketlink_site();

// Every site, in a stable order.
const std::vector<SiteDescriptor>& all_sites();
// Null when `id` is unknown (case-insensitive).
const SiteDescriptor* find_site(const std::string& id);
// The enabled sites, in the order of `sources`.
std::vector<SiteDescriptor> selected_sites(const std::vector<std::string>& sources);

}  // namespace ta
