#pragma once
// The individual checks run_doctor strings together; each is usable (and tested) on its own.
#include <memory>
#include <string>
#include <vector>

#include "doctor/check_result.h"
#include "doctor/doctor.h"

namespace ta {
struct Config;
namespace cdp {
class Browser;
}
}  // namespace ta

namespace ta::doctor {

// data_dir and log.dir exist (or can be made) and take a new file.
std::vector<CheckResult> check_directories(const Config& config);
// Free space where data_dir lives, and MemAvailable.
std::vector<CheckResult> check_resources(const Config& config, const DoctorOptions& options);
// Finds and starts Chromium (or connects to browser.connect). On success `browser` holds it for
// the extract-script check; the caller closes it.
CheckResult check_browser(const Config& config, const DoctorOptions& options, std::unique_ptr<cdp::Browser>* browser);
// One result per target, probed in parallel through the configured proxy.
std::vector<CheckResult> check_network(const std::vector<ProbeTarget>& targets, const Config& config,
                                       const DoctorOptions& options);
// GET of the webhook object: its name and channel. Posts nothing.
CheckResult check_webhook(const Config& config, const DoctorOptions& options);
// The same GET for every `routes` webhook, one result per route.
std::vector<CheckResult> check_route_webhooks(const Config& config, const DoctorOptions& options);
// Each enabled site's extract script exists and compiles to a function in `browser` (null: only
// the files are checked).
std::vector<CheckResult> check_extract_scripts(const Config& config, cdp::Browser* browser, const DoctorOptions& options);
// PRAGMA integrity_check of data_dir/ticket-alarm.db. `usable` tells whether it can be read on.
CheckResult check_database(const Config& config, bool* usable);
// The last cycle of each enabled site, from the store.
std::vector<CheckResult> check_site_status(const Config& config, const DoctorOptions& options);

}  // namespace ta::doctor
