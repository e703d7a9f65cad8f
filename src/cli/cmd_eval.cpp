#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "cdp/errors.h"
#include "cli/cli.h"
#include "cli/command_pool.h"
#include "log/log.h"
#include "normalize/kst_time.h"
#include "sites/crawler.h"

namespace ta {
namespace {

struct EvalArgs {
  std::string url;
  std::string script;
  std::string replay;
  std::string wait = "load";
  int timeout_s = 0;
  std::string config;
};

int run_eval(const EvalArgs& a) {
  auto log = logger("main");
  std::vector<std::string> warnings;
  bool created = false;
  const Config config = load_config_from_cli(a.config, &warnings, &created);
  for (const auto& w : warnings) log->warn("{}", w);

  std::ifstream f(a.script, std::ios::binary);
  if (!f) {
    log->error("스크립트 파일을 열 수 없습니다: {} — 경로를 확인하세요", a.script);
    return kExitUsage;
  }
  std::stringstream ss;
  ss << f.rdbuf();
  const std::string source = ss.str();
  const std::string name = a.script.substr(a.script.find_last_of('/') + 1);

  std::shared_ptr<const cdp::HarArchive> archive;
  if (!a.replay.empty()) {
    try {
      archive = cdp::HarArchive::load(a.replay);
    } catch (const cdp::HarError& e) {
      log->error("{}", e.what());
      return kExitUsage;
    }
  }
  std::time_t now = archive ? archive_time(*archive).value_or(std::time(nullptr)) : std::time(nullptr);
  const int timeout_s = a.timeout_s > 0 ? a.timeout_s : config.browser.page_timeout_s;
  const Deadline deadline = Deadline::after(std::chrono::seconds(timeout_s));

  CommandPool command_pool(config);
  try {
    cdp::PageOptions options = command_pool.pool().options().page;
    options.replay = archive;
    auto lease = command_pool.pool().lease(options, deadline);
    lease->navigate(a.url, cdp::WaitCondition::parse(a.wait), deadline);
    nlohmann::json ctx = {{"site", ""}, {"url", a.url}, {"now", format_kst_iso(now)}, {"max_items", config.max_items}};
    nlohmann::json result = lease->call_function(source, name, ctx, deadline);
    std::cout << result.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
  } catch (const cdp::CdpError& e) {
    log->error("{}", e.what());
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace

void register_eval(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<EvalArgs>();
  auto* cmd = app.add_subcommand("eval", "페이지를 열고 JavaScript 파일의 함수를 실행해 결과 JSON을 출력합니다 "
                                         "(open URL, call the function in FILE, print its JSON result)");
  cmd->add_option("url", args->url, "열 페이지 주소")->required();
  cmd->add_option("--script", args->script, "함수 표현식 하나가 든 .js 파일 (ctx 객체로 호출; async 가능)")->required();
  cmd->add_option("--replay", args->replay, "네트워크 대신 이 HAR 파일로 응답 (없는 요청은 실패)");
  cmd->add_option("--wait", args->wait, "기다릴 조건: load | networkidle | CSS 선택자")->capture_default_str();
  cmd->add_option("--timeout", args->timeout_s, "제한 시간(초); 기본: browser.page_timeout_s");
  cmd->add_option("--config", args->config, "설정 파일 경로");
  cmd->footer("예: ticket-alarm eval https://tickets.interpark.com/contents/notice --script scripts/extract/interpark.js "
              "--replay fixtures/interpark/main.har");
  cmd->callback([&exit_code, args] { exit_code = run_eval(*args); });
}

}  // namespace ta
