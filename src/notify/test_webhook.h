#pragma once
// `ticket-alarm test-webhook`: one test message to the configured webhook, Discord's answer in
// plain Korean. Lives here (not in src/cli) so tests can run it against the fake Discord.
#include <ctime>
#include <ostream>

#include <nlohmann/json.hpp>

namespace ta {

struct Config;

// The test message: one embed, no pings.
nlohmann::json build_test_message(std::time_t now);

// Sends it and writes the outcome to `out`. Returns 0 on success, 1 when Discord did not take it,
// 2 when no (valid) webhook is configured.
int run_test_webhook(const Config& config, std::ostream& out);

}  // namespace ta
