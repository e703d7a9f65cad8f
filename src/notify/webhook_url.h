#pragma once
// The webhook URL users paste, checked and turned into the one the notifier calls.
#include <optional>
#include <string>

namespace ta {

struct WebhookUrl {
  std::string id;         // the webhook's snowflake: safe to log and to key state by
  std::string token;      // secret
  std::string base;       // scheme://host[:port]/api/v10/webhooks/ID/TOKEN (GET the webhook here)
  std::string post_url;   // base + "?wait=true" (+ "&thread_id=…" when the pasted URL had one)
  std::string thread_id;  // empty unless given
};

// Accepts https://{discord.com,discordapp.com,ptb.…,canary.…}/api[/vN]/webhooks/ID/TOKEN with an
// optional thread_id query, and http://127.0.0.1|localhost:PORT/api/… for local test servers. The
// version is pinned to v10 (unversioned URLs get v6, where retry_after is in milliseconds).
// On failure returns nullopt and, when `error` is given, a Korean explanation naming
// DISCORD_WEBHOOK_URL that never repeats the token.
std::optional<WebhookUrl> parse_webhook_url(const std::string& url, std::string* error = nullptr);

// The webhook id of `url` (never its token), or "" when the URL is not a webhook URL.
std::string webhook_key(const std::string& url);

}  // namespace ta
