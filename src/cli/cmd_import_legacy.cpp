#include <ctime>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/cli.h"
#include "config/config.h"
#include "log/log.h"
#include "store/legacy_import.h"
#include "store/store.h"

namespace ta {

void register_import_legacy(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("import-legacy",
                                 "예전 Python 도구의 알림 기록을 가져와 같은 공지를 다시 알리지 않게 합니다 "
                                 "(import the old tool's sent notifications)");
  // Shared with the callback, which runs after register_import_legacy has returned.
  auto dir = std::make_shared<std::string>();
  auto config_path = std::make_shared<std::string>();
  cmd->add_option("DIR", *dir, "sent_notifications.json / notification_history.json이 있는 폴더")->required();
  cmd->add_option("--config", *config_path,
                  "설정 파일 경로 (기본: 환경 변수 TICKET_ALARM_CONFIG, 없으면 config/config.json)");
  cmd->footer(
      "가져온 기록은 data_dir/ticket-alarm.db의 announced 표에 저장되며 보관 기간이 지나도 지워지지 않습니다.\n"
      "여러 번 실행해도 같은 항목은 한 번만 들어갑니다.\n"
      "종료 코드: 0 정상, 1 저장소 오류, 2 파일 형식·설정 오류.\n"
      "예: ticket-alarm import-legacy ~/old-ticket-alarm/data");
  cmd->callback([&exit_code, dir, config_path] {
    auto log = logger("main");
    std::vector<std::string> warnings;
    const Config config = load_config_from_cli(*config_path, &warnings);
    for (const auto& warning : warnings) log->warn("{}", warning);
    Store store(database_path(config.data_dir));
    try {
      const auto report = import_legacy_dir(store, *dir, std::time(nullptr));
      std::cout << format_legacy_report(report) << std::flush;
      exit_code = kExitOk;
    } catch (const LegacyImportError& e) {
      log->error("예전 알림 기록 가져오기 실패: {}", e.what());
      exit_code = kExitUsage;
    }
  });
}

}  // namespace ta
