#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/cli.h"
#include "config/config.h"
#include "log/log.h"
#include "notify/test_webhook.h"

namespace ta {

void register_test_webhook(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("test-webhook",
                                 "설정된 Discord 웹훅으로 테스트 메시지를 하나 보냅니다 (send one test message)");
  // Shared with the callback, which runs after register_test_webhook has returned.
  auto config_path = std::make_shared<std::string>();
  cmd->add_option("--config", *config_path,
                  "설정 파일 경로 (기본: 환경 변수 TICKET_ALARM_CONFIG, 없으면 config/config.json)");
  cmd->footer(
      "환경 변수 TICKET_ALARM_WEBHOOK_URL이 있으면 DISCORD_WEBHOOK_URL 대신 씁니다.\n"
      "종료 코드: 0 성공, 1 Discord가 받지 않음, 2 웹훅 미설정 또는 설정 오류.\n"
      "예: ticket-alarm test-webhook --config /etc/ticket-alarm/config.json");
  cmd->callback([&exit_code, config_path] {
    std::vector<std::string> warnings;
    const Config config = load_config(resolve_config_path(*config_path), &warnings);
    for (const auto& warning : warnings) logger("main")->warn("{}", warning);
    exit_code = run_test_webhook(config, std::cout);
  });
}

}  // namespace ta
