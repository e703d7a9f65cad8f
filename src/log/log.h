#pragma once
// Named spdlog loggers (cdp, pool, site, store, notify, web, main) writing to the console and a
// size-rotated file; every line shows [INFO] / [WARNING] / [ERROR]. Secrets registered with
// add_secret() are replaced by **** in every line. Logging never throws.
#include <memory>
#include <string>

#include <spdlog/spdlog.h>

namespace ta {

struct LogConfig;

// Console only, level info. Safe to call more than once; later calls reconfigure.
void init_console_logging();
// Console + rotating file in cfg.dir.
void init_logging(const LogConfig& cfg);
// Never returns null; creates the logger on first use.
std::shared_ptr<spdlog::logger> logger(const std::string& name);
// Register a secret (e.g. the webhook token) to be masked in every log line.
void add_secret(const std::string& secret);
// Replace registered secrets and anything that looks like a Discord webhook token in `s`.
std::string redact(const std::string& s);

}  // namespace ta
