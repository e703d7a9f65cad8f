#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/cli.h"
#include "config/config.h"
#include "doctor/doctor.h"
#include "doctor/report.h"

namespace ta {

namespace {

struct DoctorArgs {
  std::string config;
  std::vector<std::string> probes;
};

// "--probe URL" names its target by host, the way the report lists the default ones.
doctor::ProbeTarget probe_target(const std::string& url) {
  auto start = url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  const auto end = url.find_first_of("/?#", start);
  return {url.substr(start, end == std::string::npos ? std::string::npos : end - start), url};
}

}  // namespace

void register_doctor(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("doctor",
                                 "설치와 운영 상태를 한 번에 점검하고 문제마다 해결 방법을 알려 줍니다 "
                                 "(check the installation and tell how to fix what fails)");
  // Shared with the callback, which runs after register_doctor has returned.
  auto args = std::make_shared<DoctorArgs>();
  cmd->add_option("--config", args->config,
                  "설정 파일 경로 (기본: 환경 변수 TICKET_ALARM_CONFIG, 없으면 config/config.json)");
  cmd->add_option("--probe", args->probes,
                  "네트워크 점검 대상 URL (여러 번 지정 가능). 주면 사이트·discord.com 대신 이것만 점검합니다");
  cmd->footer(
      "점검: 설정, 데이터·로그 디렉터리 쓰기, 디스크·메모리 여유, Chromium 실행, 추출 스크립트 문법,\n"
      "사이트와 discord.com의 DNS·HTTPS 접속(설정된 프록시 경유), 웹훅(메시지는 보내지 않음),\n"
      "데이터베이스 무결성, 사이트별 마지막 수집 결과.\n"
      "✓ 통과, ! 경고, ✗ 실패 — 경고·실패에는 해결 방법을 함께 출력합니다.\n"
      "종료 코드: 0 실패 없음 (경고는 있을 수 있음), 1 실패가 하나 이상.\n"
      "예: ticket-alarm doctor --config /etc/ticket-alarm/config.json");
  cmd->callback([&exit_code, args] {
    std::cout << "ticket-alarm doctor: 점검을 시작합니다\n\n";
    Config config;
    const doctor::CheckResult config_result = doctor::check_config(args->config, &config);
    doctor::print_result(std::cout, config_result);

    doctor::DoctorOptions options;
    if (!args->probes.empty()) {
      options.targets.emplace();
      for (const auto& url : args->probes) options.targets->push_back(probe_target(url));
    }
    std::vector<doctor::CheckResult> results = {config_result};
    for (auto& r : doctor::run_doctor(config, options, [](const doctor::CheckResult& r) {
           doctor::print_result(std::cout, r);
         }))
      results.push_back(std::move(r));
    doctor::print_summary(std::cout, results);
    exit_code = doctor::all_passed(results) ? kExitOk : kExitFailure;
  });
}

}  // namespace ta
