#include "notify/notifier_setup.h"

#include "config/config.h"
#include "log/log.h"

namespace ta {

std::unique_ptr<WebhookClient> make_webhook_client(const Config& config, std::string* error) {
  return make_webhook_client(config, config.DISCORD_WEBHOOK_URL, error);
}

std::unique_ptr<WebhookClient> make_webhook_client(const Config& config, const std::string& webhook, std::string* error) {
  auto url = parse_webhook_url(webhook, error);
  if (!url) return nullptr;
  add_secret(url->token);
  WebhookClientOptions options;
  options.proxy = proxy_for(*url, config.proxy);
  return std::make_unique<WebhookClient>(std::move(*url), std::move(options));
}

}  // namespace ta
