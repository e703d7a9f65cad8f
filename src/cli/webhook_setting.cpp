#include "cli/webhook_setting.h"

#include "notify/webhook_url.h"

namespace ta {

std::optional<std::string> webhook_setting_error(const Config& config) {
  if (config.DISCORD_WEBHOOK_URL.empty()) return std::nullopt;  // allowed: alerts wait in the queue
  std::string error;
  if (parse_webhook_url(config.DISCORD_WEBHOOK_URL, &error)) return std::nullopt;
  return config.source_path + ": " + error;
}

}  // namespace ta
