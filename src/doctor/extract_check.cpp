#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cdp/browser.h"
#include "cdp/page.h"
#include "config/config.h"
#include "doctor/checks.h"
#include "sites/site.h"
#include "util/deadline.h"
#include "util/resource_dir.h"

namespace ta::doctor {

namespace fs = std::filesystem;

namespace {

std::string title_of(const SiteDescriptor& site) { return "추출 스크립트: " + site.name + " (" + site.script + ")"; }

bool read_text(const std::string& path, std::string* text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *text = s.str();
  return static_cast<bool>(in) || in.eof();
}

std::string exception_text(const nlohmann::json& details) {
  if (details.contains("exception") && details["exception"].is_object()) {
    const auto& ex = details["exception"];
    if (ex.contains("description") && ex["description"].is_string()) {
      std::string d = ex["description"].get<std::string>();
      return d.substr(0, d.find('\n'));
    }
  }
  return details.value("text", std::string("알 수 없는 오류"));
}

// Compiles the file the way the crawler calls it — wrapped in parentheses as one expression — and
// runs only that expression: defining a function has no side effects, and its type tells whether
// the file is the function expression the crawler expects.
CheckResult compile_in_page(const SiteDescriptor& site, const std::string& path, const std::string& source,
                            cdp::Page& page, const Deadline& deadline) {
  const std::string title = title_of(site);
  const auto& session = page.session();
  const nlohmann::json compiled = session.call(
      "Runtime.compileScript",
      {{"expression", "(" + source + "\n)"}, {"sourceURL", site.script}, {"persistScript", true}}, deadline);
  if (compiled.contains("exceptionDetails")) {
    const auto& d = compiled["exceptionDetails"];
    const int line = d.value("lineNumber", 0) + 1, column = d.value("columnNumber", 0) + 1;
    return CheckResult::fail(title,
                             "문법 오류: " + path + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
                                 exception_text(d),
                             path + "의 " + std::to_string(line) + "번째 줄을 고치거나, 저장소의 원본(scripts/extract/" +
                                 site.script + ")으로 되돌리세요");
  }
  const nlohmann::json ran =
      session.call("Runtime.runScript", {{"scriptId", compiled.value("scriptId", std::string())}}, deadline);
  if (ran.contains("exceptionDetails"))
    return CheckResult::fail(title, "불러오는 중 오류: " + path + ": " + exception_text(ran["exceptionDetails"]),
                             "저장소의 원본(scripts/extract/" + site.script + ")으로 되돌리세요");
  const std::string type = ran.contains("result") ? ran["result"].value("type", std::string("?")) : "?";
  if (type != "function")
    return CheckResult::fail(title, path + "이(가) 함수 식이 아닙니다 (결과 형식: " + type + ")",
                             "추출 스크립트는 파일 전체가 함수 하나(예: async (ctx) => {...})여야 합니다 — "
                             "저장소의 원본으로 되돌리세요");
  return CheckResult::pass(title, path + ": 불러올 수 있음");
}

}  // namespace

std::vector<CheckResult> check_extract_scripts(const Config& config, cdp::Browser* browser, const DoctorOptions& options) {
  const std::string dir = extract_dir(config);
  const Deadline deadline = Deadline::after(options.browser_timeout);
  std::vector<CheckResult> results;
  std::unique_ptr<cdp::Page> page;
  std::string page_error;
  if (browser) {
    try {
      page = cdp::Page::open(browser->connection(), cdp::PageOptions{}, scripts_root() + "/cdp", deadline);
      // Runtime.compileScript needs the Runtime agent; Page only uses evaluate, which does not.
      page->session().call("Runtime.enable", nlohmann::json::object(), deadline);
    } catch (const std::exception& e) {
      page_error = e.what();
    }
  }
  for (const auto& site : selected_sites(config.sources)) {
    const std::string title = title_of(site);
    const std::string path = (fs::path(dir) / site.script).string();
    std::string source;
    if (!read_text(path, &source)) {
      results.push_back(CheckResult::fail(title, path + "을(를) 읽을 수 없습니다",
                                          "설정의 extract_dir(지금: " + dir + ")이 scripts/extract를 가리키는지, "
                                          "파일이 있는지 확인하세요"));
      continue;
    }
    if (!page) {
      results.push_back(CheckResult::warn(
          title, path + ": 파일은 있지만 문법은 검사하지 못했습니다 (" +
                     (page_error.empty() ? std::string("Chromium을 시작하지 못함") : page_error) + ")",
          "위의 Chromium 문제를 먼저 고치세요"));
      continue;
    }
    try {
      results.push_back(compile_in_page(site, path, source, *page, deadline));
    } catch (const std::exception& e) {
      results.push_back(CheckResult::fail(title, path + ": 검사 중 브라우저 오류: " + e.what(),
                                          "Chromium 점검 결과를 확인하고 다시 실행하세요"));
    }
  }
  if (page) page->close();
  return results;
}

}  // namespace ta::doctor
