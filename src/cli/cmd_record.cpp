#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "cdp/errors.h"
#include "cdp/recorder.h"
#include "cli/cli.h"
#include "cli/command_pool.h"
#include "log/log.h"
#include "normalize/kst_time.h"
#include "sites/site.h"

namespace ta {
namespace {

// Body fetches are answered by the local browser: a few seconds is plenty, and it must not
// depend on how much of the page deadline the extract script used up.
constexpr auto kSettleBudget = std::chrono::seconds(10);

struct RecordArgs {
  std::string target;
  std::string out;
  std::string wait;
  std::string config;
  bool force = false;
};

struct Recorded {
  std::string url;
  std::unique_ptr<cdp::HarRecorder> recorder;  // finished: holds the traffic after the page is gone
  bool ran_script = false;
  size_t items = 0;
};

bool is_web_url(const std::string& s) { return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0; }

std::string read_text(const std::string& path, bool* ok) {
  std::ifstream f(path, std::ios::binary);
  *ok = static_cast<bool>(f);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// Runs the extract script so that every request it makes is in the recording. A script that
// fails is reported but does not stop the recording: a broken script on a changed site is
// exactly when a fresh fixture is needed.
size_t run_extract(cdp::Page& page, const SiteDescriptor& site, const std::string& script, const std::string& url,
                   int max_items, const Deadline& deadline) {
  auto log = logger("site");
  nlohmann::json ctx = {{"site", site.id}, {"url", url}, {"now", format_kst_iso(std::time(nullptr))}, {"max_items", max_items}};
  try {
    nlohmann::json answer = page.call_function(script, site.script, ctx, deadline);
    if (answer.is_object() && answer.contains("warnings") && answer["warnings"].is_array())
      for (const auto& w : answer["warnings"]) log->warn("{}: {}", site.id, w.is_string() ? w.get<std::string>() : w.dump());
    if (answer.is_object() && answer.contains("items") && answer["items"].is_array()) return answer["items"].size();
    log->warn("{}: 결과가 {{items: [...]}} 형식이 아닙니다 — 기록은 계속합니다", site.script);
  } catch (const cdp::JsException& e) {
    log->warn("{} — 기록은 계속합니다", e.what());
  } catch (const cdp::TimeoutError& e) {
    log->warn("{}: {} — 그때까지의 요청만 기록합니다", site.script, e.what());
  }
  return 0;
}

// One page in a fresh context: navigate, optionally run the site's script, wait for the bodies.
// Throws CdpError when the page does not load.
Recorded record_page(cdp::BrowserPool& pool, const std::string& url, const cdp::WaitCondition& wait,
                     const SiteDescriptor* site, const std::string& script, const Config& config) {
  const Deadline deadline = Deadline::after(std::chrono::seconds(config.browser.page_timeout_s));
  cdp::PageLease lease = pool.lease(deadline);
  Recorded r;
  r.url = url;
  r.recorder = std::make_unique<cdp::HarRecorder>(lease->session());
  lease->navigate(url, wait, deadline);
  const int status = lease->document_status();
  if (site) {
    if (status >= 400) throw cdp::NavigationError(url, "HTTP " + std::to_string(status));
    r.ran_script = true;
    r.items = run_extract(lease.page(), *site, script, url, config.max_items, deadline);
  } else if (status >= 400) {
    logger("main")->warn("{}: HTTP {} — 그대로 기록합니다", url, status);
  }
  if (!r.recorder->finish(Deadline::after(kSettleBudget)))
    logger("main")->warn("끝나지 않은 응답이 있어 그때까지 받은 것만 저장합니다");
  return r;
}

int run_record(const RecordArgs& a) {
  auto log = logger("main");
  const bool url_mode = a.target.find("://") != std::string::npos;
  const SiteDescriptor* site = url_mode ? nullptr : find_site(a.target);
  if (url_mode && !is_web_url(a.target)) {
    log->error("http:// 또는 https:// 주소만 기록할 수 있습니다: {}", a.target);
    return kExitUsage;
  }
  if (!url_mode && !site) {
    log->error("알 수 없는 사이트: {} — interpark, yes24, melon, ticketlink 중 하나나 http(s):// 주소를 쓰세요", a.target);
    return kExitUsage;
  }
  std::error_code ec;
  if (std::filesystem::exists(a.out, ec) && !a.force) {
    log->error("이미 있는 파일입니다: {} — 덮어쓰려면 --force를 붙이세요", a.out);
    return kExitUsage;
  }

  std::vector<std::string> warnings;
  const Config config = load_config_from_cli(a.config, &warnings);
  for (const auto& w : warnings) log->warn("{}", w);

  std::string script;
  if (site) {
    const std::string path = extract_dir(config) + "/" + site->script;
    bool ok = false;
    script = read_text(path, &ok);
    if (!ok) {
      log->error("추출 스크립트를 읽을 수 없습니다: {} — extract_dir 설정과 파일을 확인하세요", path);
      return kExitUsage;
    }
  }
  const std::vector<std::string> pages = site ? site->entry_pages : std::vector<std::string>{a.target};
  const cdp::WaitCondition wait = cdp::WaitCondition::parse(a.wait.empty() && site ? site->wait : a.wait);

  CommandPool command_pool(config);
  Recorded r;
  std::string failures;
  for (const auto& url : pages) {
    try {
      r = record_page(command_pool.pool(), url, wait, site, script, config);
      break;
    } catch (const cdp::CdpError& e) {
      // The next entry page may still work; say why this one did not.
      log->warn("{}", e.what());
      failures += (failures.empty() ? "" : " | ") + std::string(e.what());
    }
  }
  if (!r.recorder) {
    log->error("기록하지 못했습니다: {} — {}", a.target, failures);
    return kExitFailure;
  }
  try {
    r.recorder->save(a.out);
  } catch (const cdp::CdpError& e) {
    log->error("{}", e.what());
    return kExitFailure;
  }
  const cdp::RecordingSummary s = r.recorder->summary();
  std::cerr << "record: " << r.url << " → " << a.out << " · 응답 " << s.entries << "개 · " << s.body_bytes << " bytes";
  if (r.ran_script) std::cerr << " · 추출 " << r.items << "건";
  if (s.unfinished > 0) std::cerr << " · 끝나지 않아 뺀 요청 " << s.unfinished << "개";
  if (s.missing_bodies > 0) std::cerr << " · 본문 없는 응답 " << s.missing_bodies << "개";
  std::cerr << std::endl;
  return kExitOk;
}

}  // namespace

void register_record(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<RecordArgs>();
  auto* cmd = app.add_subcommand("record", "실제 페이지를 열어 필요한 모든 응답을 본문과 함께 HAR 1.2 파일로 저장합니다 "
                                           "(record a page and what it fetched as a HAR fixture)");
  cmd->add_option("target", args->target, "사이트 (interpark | yes24 | melon | ticketlink) 또는 http(s):// 주소")->required();
  cmd->add_option("--out", args->out, "저장할 .har 파일")->required();
  cmd->add_option("--config", args->config, "설정 파일 경로");
  cmd->add_option("--wait", args->wait, "기다릴 조건: load | networkidle | CSS 선택자; 기본: 사이트의 조건, 주소는 load");
  cmd->add_flag("--force", args->force, "이미 있는 --out 파일을 덮어씀");
  cmd->footer("사이트를 주면 첫 시작 페이지(실패하면 다음 페이지)를 열고 추출 스크립트까지 실행해, 스크립트가 부른 요청도 "
              "기록합니다. 설정의 browser.block에 든 리소스(기본: 이미지, 미디어, 글꼴)는 받지 않으므로 기록되지 않습니다 "
              "(재생할 때도 필요 없음).\n예: ticket-alarm record melon --out fixtures/melon/main.har");
  cmd->callback([&exit_code, args] { exit_code = run_record(*args); });
}

}  // namespace ta
