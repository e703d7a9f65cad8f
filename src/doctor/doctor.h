#pragma once
// `ticket-alarm doctor`: every check of the old tool's troubleshooting guide, run by the program
// itself. Lives here (not in src/cli) so tests can run it against local stand-ins.
#include <chrono>
#include <cstdint>
#include <ctime>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "doctor/check_result.h"

namespace ta {
struct Config;
}

namespace ta::doctor {

// A host to probe for DNS and HTTP(S) reachability.
struct ProbeTarget {
  std::string name;  // Korean display name, e.g. "인터파크"
  std::string url;   // scheme://host[:port]/
};

struct DoctorOptions {
  // nullopt: each enabled site's host and discord.com. Tests point this at 127.0.0.1 so nothing
  // leaves the machine.
  std::optional<std::vector<ProbeTarget>> targets;
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds probe_timeout{10000};
  std::chrono::seconds browser_timeout{30};
  std::uint64_t min_free_disk_bytes = 1ull << 30;
  std::uint64_t min_available_memory_bytes = 1ull << 30;
  std::string meminfo_path = "/proc/meminfo";
  std::time_t now = 0;  // 0: the current time (judges how old the last cycle is)
};

// The configuration check: loads it the way every command does (--config value, environment,
// first-run copy of the example). On a ConfigError `config` gets the defaults so the other checks
// still run, and the result is a failure carrying the error's message.
CheckResult check_config(const std::string& cli_value, Config* config);

// Every other check, in the order of the troubleshooting guide; `on_result` (optional) sees each
// result as soon as it is known, so a slow network check does not hide the finished ones.
std::vector<CheckResult> run_doctor(const Config& config, const DoctorOptions& options,
                                    const std::function<void(const CheckResult&)>& on_result = {});

// The probe targets of `config`: the enabled sites' hosts, then discord.com.
std::vector<ProbeTarget> default_probe_targets(const Config& config);

}  // namespace ta::doctor
