#include <memory>
#include <string>

#include "cdp/browser.h"
#include "cdp/errors.h"
#include "config/config.h"
#include "doctor/checks.h"
#include "util/deadline.h"

namespace ta::doctor {

namespace {
const char* const kTitle = "Chromium";
}

CheckResult check_browser(const Config& config, const DoctorOptions& options, std::unique_ptr<cdp::Browser>* browser) {
  const Deadline deadline = Deadline::after(options.browser_timeout);
  if (!config.browser.connect.empty()) {
    // The service launches nothing then: what matters is that the remote browser answers.
    const std::string& endpoint = config.browser.connect.front();
    try {
      *browser = cdp::Browser::connect(endpoint, deadline);
      return CheckResult::pass(kTitle, "원격 브라우저 " + endpoint + "에 연결됨: " + (*browser)->product());
    } catch (const std::exception& e) {
      return CheckResult::fail(kTitle, e.what(),
                               "browser.connect의 주소를 확인하고, 그 브라우저가 --remote-debugging-port로 "
                               "실행 중인지 확인하세요");
    }
  }
  std::string binary;
  try {
    binary = cdp::find_chromium(config.browser.path);
  } catch (const cdp::LaunchError& e) {
    return CheckResult::fail(kTitle, e.what(),
                             "위 안내대로 Chromium을 설치하거나 설정의 browser.path를 고치세요");
  }
  try {
    *browser = cdp::Browser::launch(cdp::LaunchOptions{binary, config.browser.extra_args}, deadline);
    return CheckResult::pass(kTitle, (*browser)->product() + " 시작됨 (" + binary + ")");
  } catch (const std::exception& e) {
    return CheckResult::fail(kTitle, e.what(),
                             "터미널에서 `" + binary + " --headless --dump-dom about:blank`를 실행해 오류를 보세요. "
                             "흔한 원인: 공유 라이브러리 누락(sudo apt-get install chromium으로 재설치), "
                             "/dev/shm 부족(browser.extra_args에 --disable-dev-shm-usage), 잘못된 browser.extra_args");
  }
}

}  // namespace ta::doctor
