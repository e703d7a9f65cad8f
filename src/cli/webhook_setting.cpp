#include "cli/webhook_setting.h"

#include "notify/webhook_url.h"

namespace ta {

std::optional<std::string> webhook_setting_error(const Config& config) {
  std::string error;
  if (!config.DISCORD_WEBHOOK_URL.empty() && !parse_webhook_url(config.DISCORD_WEBHOOK_URL, &error))
    return config.source_path + ": " + error;
  if (!config.OPS_WEBHOOK_URL.empty() && !parse_webhook_url(config.OPS_WEBHOOK_URL, &error))
    return config.source_path + ": OPS_WEBHOOK_URL — " + error;
  for (std::size_t i = 0; i < config.routes.size(); ++i)
    if (!parse_webhook_url(config.routes[i].webhook, &error))
      return config.source_path + ": routes[" + std::to_string(i) + "] (\"" + config.routes[i].name + "\") — " + error;
  return std::nullopt;  // an empty DISCORD_WEBHOOK_URL is allowed: alerts wait in the queue
}

}  // namespace ta
