#include <nlohmann/json.hpp>

#include "config/config.h"
#include "util/proxy_url.h"

namespace ta {

nlohmann::json effective_json(const Config& c) {
  // Exactly the config.json keys (no source_path), so the output is itself a valid config file.
  nlohmann::json j;
  j["DISCORD_WEBHOOK_URL"] = mask_webhook(c.DISCORD_WEBHOOK_URL);
  j["KEYWORDS"] = c.KEYWORDS;
  j["PRIORITY_KEYWORDS"] = c.PRIORITY_KEYWORDS;
  j["EXCLUDE_KEYWORDS"] = c.EXCLUDE_KEYWORDS;
  j["interval"] = c.interval;
  j["notification_delay"] = c.notification_delay;
  j["max_notifications_per_cycle"] = c.max_notifications_per_cycle;
  j["sources"] = c.sources;
  j["proxy"] = {{"http", mask_proxy_url(c.proxy.http)}, {"https", mask_proxy_url(c.proxy.https)}};

  j["data_dir"] = c.data_dir;
  j["extract_dir"] = c.extract_dir;
  j["max_items"] = c.max_items;
  j["detail_pages"] = c.detail_pages;
  j["detail_budget_s"] = c.detail_budget_s;
  j["full_navigation_every"] = c.full_navigation_every;
  j["full_navigation_max_age_s"] = c.full_navigation_max_age_s;
  j["jitter_s"] = c.jitter_s;
  j["max_backoff_s"] = c.max_backoff_s;
  j["retention_days"] = c.retention_days;
  j["notify_updates"] = c.notify_updates;
  j["announce_past"] = c.announce_past;
  j["first_run"] = c.first_run;
  j["reminders"] = c.reminders;
  j["withdrawn_after"] = c.withdrawn_after;
  j["canary_after"] = c.canary_after;
  j["OPS_WEBHOOK_URL"] = mask_webhook(c.OPS_WEBHOOK_URL);
  j["aliases_file"] = c.aliases_file;
  j["aliases"] = c.aliases;
  j["routes"] = nlohmann::json::array();
  for (const auto& r : c.routes) {
    nlohmann::json route = {{"name", r.name},       {"webhook", mask_webhook(r.webhook)}, {"keywords", r.keywords},
                            {"exclude", r.exclude}, {"sites", r.sites},                   {"genres", r.genres},
                            {"mention_role", r.mention_role}};
    route["priority"] = r.priority_all ? nlohmann::json(true) : nlohmann::json(r.priority);
    j["routes"].push_back(std::move(route));
  }
  j["dashboard_url"] = c.dashboard_url;
  j["priority_mention"] = c.priority_mention;
  j["memory_log_every"] = c.memory_log_every;
  j["log"] = {{"dir", c.log.dir}, {"level", c.log.level}, {"max_size_mb", c.log.max_size_mb}, {"files", c.log.files}};
  j["browser"] = {
      {"path", c.browser.path},
      {"pool_size", c.browser.pool_size},
      {"pages_per_browser", c.browser.pages_per_browser},
      {"max_pages_per_browser", c.browser.max_pages_per_browser},
      {"max_memory_mb", c.browser.max_memory_mb},
      {"page_timeout_s", c.browser.page_timeout_s},
      {"user_agent", c.browser.user_agent},
      {"block", c.browser.block},
      {"extra_args", c.browser.extra_args},
      {"connect", c.browser.connect},
  };
  // The admin token is a password too; show only whether one is set.
  j["web"] = {{"listen", c.web.listen},
              {"admin_token", c.web.admin_token.empty() ? "" : "****"},
              {"allowed_hosts", c.web.allowed_hosts}};
  return j;
}

}  // namespace ta
