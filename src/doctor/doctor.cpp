#include "doctor/doctor.h"

#include <memory>

#include "cdp/browser.h"
#include "config/config.h"
#include "doctor/checks.h"

namespace ta::doctor {

std::vector<CheckResult> run_doctor(const Config& config, const DoctorOptions& options,
                                    const std::function<void(const CheckResult&)>& on_result) {
  std::vector<CheckResult> results;
  auto add = [&](CheckResult r) {
    if (on_result) on_result(r);
    results.push_back(std::move(r));
  };
  auto add_all = [&](std::vector<CheckResult> rs) {
    for (auto& r : rs) add(std::move(r));
  };

  add_all(check_directories(config));
  add_all(check_resources(config, options));

  std::unique_ptr<cdp::Browser> browser;
  add(check_browser(config, options, &browser));
  // The browser stays up only for the script check, so a slow network check does not hold it.
  add_all(check_extract_scripts(config, browser.get(), options));
  if (browser) browser->close();
  browser.reset();

  add_all(check_network(options.targets ? *options.targets : default_probe_targets(config), config, options));
  add(check_webhook(config, options));
  add_all(check_route_webhooks(config, options));

  bool db_usable = false;
  add(check_database(config, &db_usable));
  // Opening the store on a damaged or missing file would only repeat (or create) what was reported.
  if (db_usable) add_all(check_site_status(config, options));
  return results;
}

}  // namespace ta::doctor
