#include "cli/webhook_setting.h"

#include "notify/webhook_url.h"

namespace ta {

std::optional<std::string> webhook_setting_error(const Config& config) {
  std::string error;
  if (!config.DISCORD_WEBHOOK_URL.empty() && !parse_webhook_url(config.DISCORD_WEBHOOK_URL, &error))
    return config.source_path + ": " + error;
  if (!config.OPS_WEBHOOK_URL.empty() && !parse_webhook_url(config.OPS_WEBHOOK_URL, &error))
    return config.source_path + ": OPS_WEBHOOK_URL — " + error;
  return std::nullopt;  // an empty DISCORD_WEBHOOK_URL is allowed: alerts wait in the queue
}

}  // namespace ta
