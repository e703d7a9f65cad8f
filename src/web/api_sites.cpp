#include <algorithm>

#include "log/log.h"
#include "sites/site.h"
#include "web/api_views.h"
#include "web/health.h"

namespace ta {
namespace {

nlohmann::json epoch_or_null(std::optional<std::time_t> t) {
  return (t && *t > 0) ? nlohmann::json(static_cast<std::int64_t>(*t)) : nlohmann::json(nullptr);
}

}  // namespace

std::string site_display_name(const std::string& site) {
  const SiteDescriptor* d = find_site(site);
  return d ? d->name : site;
}

nlohmann::json sites_view(const Config& config, Store& store, StatusSource& source, std::time_t now) {
  const auto statuses = store.site_status();
  const auto runs = source.site_runs();
  const int interval = source.interval_s();

  std::vector<std::string> order = config.sources;
  for (const auto& s : statuses)
    if (std::find(order.begin(), order.end(), s.site) == order.end()) order.push_back(s.site);

  nlohmann::json list = nlohmann::json::array();
  for (const auto& site : order) {
    const bool enabled = std::find(config.sources.begin(), config.sources.end(), site) != config.sources.end();
    std::optional<SiteStatus> status;
    for (const auto& s : statuses)
      if (s.site == site) status = s;
    SiteRun run;
    for (const auto& r : runs)
      if (r.site == site) run = r;
    auto problem = site_problem(site, status, interval, now);
    nlohmann::json j = {{"site", site},
                        {"name", site_display_name(site)},
                        {"enabled", enabled},
                        {"healthy", !enabled || !problem},
                        {"problem", enabled && problem ? nlohmann::json(*problem) : nlohmann::json(nullptr)},
                        {"last_run", epoch_or_null(run.last_run)},
                        {"next_run", epoch_or_null(run.next_run)},
                        {"consecutive_failures", run.consecutive_failures}};
    j["last_success"] = epoch_or_null(status ? status->last_success_at : std::nullopt);
    j["last_error_at"] = epoch_or_null(status ? status->last_error_at : std::nullopt);
    j["last_error"] = status ? redact(status->last_error) : "";
    j["items"] = status ? status->items : 0;
    j["strategy"] = status ? status->strategy : "";
    j["duration_ms"] = status ? status->duration_ms : 0;
    list.push_back(std::move(j));
  }
  return {{"now", static_cast<std::int64_t>(now)}, {"interval_s", interval}, {"sites", list}};
}

}  // namespace ta
