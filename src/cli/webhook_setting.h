#pragma once
// One judgement of DISCORD_WEBHOOK_URL for check-config and run/once: a URL that is not a Discord
// webhook is a configuration error (exit 2) everywhere, never "문제 없음" in one command and a
// silent no-send in another. An empty URL is allowed (alerts are queued until one is set).
#include <optional>
#include <string>

#include "config/config.h"

namespace ta {

// The reason, naming the configuration file, or nullopt when the setting is usable.
std::optional<std::string> webhook_setting_error(const Config& config);

}  // namespace ta
