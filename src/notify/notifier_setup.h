#pragma once
// Building the notifier's pieces from the configuration.
#include <memory>
#include <string>

#include "notify/webhook_client.h"

namespace ta {

struct Config;

// A client for config.DISCORD_WEBHOOK_URL with its proxy, or null with a Korean `error` naming
// DISCORD_WEBHOOK_URL. Registers the token as a log secret.
std::unique_ptr<WebhookClient> make_webhook_client(const Config& config, std::string* error);
// The same for another webhook of the configuration (OPS_WEBHOOK_URL).
std::unique_ptr<WebhookClient> make_webhook_client(const Config& config, const std::string& url, std::string* error);

}  // namespace ta
