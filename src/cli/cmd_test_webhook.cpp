#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/cli.h"
#include "config/config.h"
#include "log/log.h"
#include "notify/test_webhook.h"
#include "notify/webhook_url.h"
#include "store/store.h"

namespace ta {
namespace {

// A webhook that took the test message works: a running monitor and /healthz stop calling it
// dead. Telling the store is a courtesy, so a store that cannot be opened is only a warning.
void record_webhook_health(const Config& config, int exit_code) {
  const std::string path = database_path(config.data_dir);
  if (exit_code != 0 || !std::filesystem::exists(path)) return;  // nothing to correct yet
  try {
    Store store(path);
    store.set_webhook_ok(webhook_key(config.DISCORD_WEBHOOK_URL), std::time(nullptr));
  } catch (const std::exception& e) {
    logger("main")->warn("웹훅 상태를 저장소에 기록하지 못했습니다: {}", e.what());
  }
}

}  // namespace

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
    record_webhook_health(config, exit_code);
  });
}

}  // namespace ta
