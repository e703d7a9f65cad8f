#pragma once
// The canary's two messages for the operators (OPS_WEBHOOK_URL, else the alert webhook): a site
// whose extraction looks broken, and the same site healthy again. Plain content, no pings.
#include <string>

#include <nlohmann/json.hpp>

#include "notify/embed_builder.h"
#include "store/site_health.h"

namespace ta {

// `site_name` 인터파크…, `script` the extract script's file name (interpark.js).
nlohmann::json build_site_health_message(const SiteHealth& health, const std::string& site_name,
                                         const std::string& script, const EmbedOptions& options);

}  // namespace ta
