#pragma once
// The effective configuration: config.json (old Python keys accepted unchanged) + defaults +
// environment overrides. Field names follow the JSON keys.
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ta {

struct ProxyConfig {
  std::string http;
  std::string https;
};

struct LogConfig {
  std::string dir = "logs";
  std::string level = "info";
  int max_size_mb = 10;
  int files = 5;
};

struct BrowserConfig {
  std::string path;                 // empty: search PATH for chromium / chromium-browser / google-chrome
  int pool_size = 2;                // browsers
  int pages_per_browser = 2;        // concurrent pages per browser
  int max_pages_per_browser = 50;   // recycle a browser after this many pages
  int max_memory_mb = 1024;         // recycle a browser when its process group passes this
  int page_timeout_s = 30;
  std::string user_agent;           // empty: the browser's own, with "HeadlessChrome" replaced
  std::vector<std::string> block = {"Image", "Media", "Font"};  // CDP resource types
  std::vector<std::string> extra_args;
  std::vector<std::string> connect;  // remote DevTools endpoints; non-empty: launch nothing
};

struct WebConfig {
  std::string listen = "127.0.0.1:8000";
  // Required (Basic password, Bearer or ?token=) from clients on other machines; loopback
  // clients never need it. "": anyone who can reach the listener may read.
  std::string admin_token;
  // Host names the dashboard answers to besides loopback names and IP addresses
  // (a reverse proxy's public name): anything else is refused (DNS rebinding).
  std::vector<std::string> allowed_hosts;
};

// One Discord channel and what it hears (config `routes`). A notice goes to every route it
// matches, each with its own delivery, rate limit and ok/dead state.
struct RouteConfig {
  std::string name;     // unique; kDefaultRoute is the old global keys' route
  std::string webhook;  // a Discord webhook URL; "" only for the default route (queue, do not send)
  std::vector<std::string> keywords;  // [] = every notice (after sites/genres/exclude)
  std::vector<std::string> exclude;
  std::vector<std::string> priority;  // keywords whose alerts go first (and ping)
  bool priority_all = false;          // "priority": true — every alert of this route does
  std::vector<std::string> sites;     // [] = every site
  std::vector<std::string> genres;    // [] = every genre; else the notice's genre must contain one
  std::string mention_role;           // a Discord role id: its alerts and reminders ping <@&id>
};

// The route the old keys (DISCORD_WEBHOOK_URL, KEYWORDS, PRIORITY_KEYWORDS, EXCLUDE_KEYWORDS) make.
constexpr const char* kDefaultRoute = "default";

struct Config {
  // Old Python tool's keys, unchanged.
  std::string DISCORD_WEBHOOK_URL;
  std::vector<std::string> KEYWORDS;
  std::vector<std::string> PRIORITY_KEYWORDS;
  std::vector<std::string> EXCLUDE_KEYWORDS;
  int interval = 60;                    // seconds between cycles (warm polling keeps a cycle cheap)
  double notification_delay = 1.0;      // seconds between Discord messages
  int max_notifications_per_cycle = 20;
  std::vector<std::string> sources = {"interpark", "yes24", "melon", "ticketlink"};
  ProxyConfig proxy;

  // ticket-alarm's own.
  std::string data_dir = "data";
  std::string extract_dir;  // empty: the installed / project scripts/extract
  int max_items = 200;
  int detail_pages = 8;      // detail pages read per site per crawl (new or changed notices); 0: none
  int detail_budget_s = 20;  // how long one crawl may spend on them before its alerts go out
  // Warm polling: between full navigations a site's open page re-reads its data layer.
  int full_navigation_every = 10;        // cycles; 1: navigate every cycle
  int full_navigation_max_age_s = 1800;  // a page older than this is rendered again
  int jitter_s = 30;
  int max_backoff_s = 3600;
  int retention_days = 30;
  bool notify_updates = true;
  bool announce_past = false;
  // A site's first crawl into this store: "summary" sends one message counting its notices (each
  // later notice alerts on its own); "announce" alerts every notice, as the old tool did.
  std::string first_run = "summary";
  // Minutes before each opening to send a reminder ("⏰ 10분 뒤 선예매 오픈"); [] turns them off.
  std::vector<int> reminders = {60, 10};
  // Names that mean the same act, for KEYWORDS / PRIORITY_KEYWORDS / EXCLUDE_KEYWORDS: the groups
  // of `aliases_file` ("": the shipped config/aliases.json) and of `aliases`, read into
  // alias_groups when the configuration is parsed.
  std::string aliases_file;
  std::vector<std::vector<std::string>> aliases;
  std::vector<std::vector<std::string>> alias_groups;
  // A notice missing from this many complete crawls in a row while an opening is ahead was taken
  // down by the site: its reminders stop and fans who got its alert hear "취소". 0: never.
  int withdrawn_after = 3;
  // The canary: a site is "broken" after this many crawls in a row that look wrong (far fewer
  // items than usual, items without title or opening, nothing extracted); one message to
  // OPS_WEBHOOK_URL ("" = DISCORD_WEBHOOK_URL) when it breaks and one when it recovers.
  int canary_after = 3;
  std::string OPS_WEBHOOK_URL;
  // More channels, each with its own keywords (see delivery_routes for how they combine with the
  // old keys).
  std::vector<RouteConfig> routes;
  std::string dashboard_url;  // where fans can open the dashboard; linked from the summary
  bool priority_mention = true;
  int memory_log_every = 10;  // cycles between 메모리 사용량 lines
  LogConfig log;
  BrowserConfig browser;
  WebConfig web;

  std::string source_path;  // the file this was read from ("" when defaults only)
};

// Bad configuration input. `what()` names the file and the line/column or key path, and says what
// to do. Callers exit with status 2.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads `path`, applies defaults and environment overrides (TICKET_ALARM_WEBHOOK_URL).
// Unknown keys add a warning naming the nearest known key to `warnings`.
Config load_config(const std::string& path, std::vector<std::string>* warnings);

// Parses configuration text (the same rules as load_config; `origin` names it in errors).
Config parse_config(const std::string& text, const std::string& origin, std::vector<std::string>* warnings);

// The config path to use: --config value, else $TICKET_ALARM_CONFIG, else config/config.json.
std::string resolve_config_path(const std::string& cli_value);

// Creates config/config.json from config/config.example.json when it does not exist yet.
// Returns true when it created the file.
bool ensure_config_file(const std::string& path);

// The effective configuration as JSON, webhook token masked.
nlohmann::json effective_json(const Config& c);

// "https://discord.com/api/webhooks/123/abcdef..." -> "https://discord.com/api/webhooks/123/****"
std::string mask_webhook(const std::string& url);

// The project's scripts/extract (or the installed copy next to the binary) when extract_dir is empty.
std::string extract_dir(const Config& c);

// What every command does with --config: resolve the path, copy the example on first run (only
// for the default path, so a mistyped --config is reported instead of silently created), load.
// `created` (optional) tells whether this run created the file.
Config load_config_from_cli(const std::string& cli_value, std::vector<std::string>* warnings,
                            bool* created = nullptr);

// Every route deliveries go to: the old keys' route (kDefaultRoute) when DISCORD_WEBHOOK_URL is
// set or no `routes` are configured (then alerts wait in the queue for a webhook), then `routes`
// in their order.
std::vector<RouteConfig> delivery_routes(const Config& c);

// How a route is named to users: "기본 채널" for the default route, else its name.
std::string route_display_name(const std::string& route);
// Where its webhook is set, for "…을 확인하세요": DISCORD_WEBHOOK_URL or routes의 "이름" webhook.
std::string route_webhook_setting(const std::string& route);

// "Webhook 123" of ".../api/webhooks/123/token": how two settings are told to name one channel.
std::string webhook_id_of(const std::string& url);

// The sites `sources` may name, in their default order.
const std::vector<std::string>& known_sites();

// The candidate closest to `word` (case-insensitive edit distance), or "" when none is close
// enough to be a plausible typo.
std::string nearest_word(const std::string& word, const std::vector<std::string>& candidates);

// A ConfigError message for a JSON syntax error: `origin`, line and column (from nlohmann's 1-based
// byte count `byte`), the offending line with a caret under the column, and what to do.
std::string describe_json_syntax_error(const std::string& text, const std::string& origin, std::size_t byte,
                                       const std::string& detail);

}  // namespace ta
