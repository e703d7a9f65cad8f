#include <ctime>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/cli.h"
#include "config/config.h"
#include "log/log.h"
#include "ops/restore.h"

namespace ta {

void register_restore(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("restore",
                                 "백업 파일로 데이터베이스를 되돌립니다 — 모니터를 멈춘 뒤 실행하세요 "
                                 "(restore the database from a backup)");
  // Shared with the callback, which runs after register_restore has returned.
  auto file = std::make_shared<std::string>();
  auto config_path = std::make_shared<std::string>();
  cmd->add_option("FILE", *file, "ticket-alarm backup이 만든 .db 파일")->required();
  cmd->add_option("--config", *config_path,
                  "설정 파일 경로 (기본: 환경 변수 TICKET_ALARM_CONFIG, 없으면 config/config.json)");
  cmd->footer(
      "먼저 FILE을 검사합니다 (PRAGMA integrity_check, ticket-alarm 스키마). 문제가 있으면 아무것도 바꾸지 않습니다.\n"
      "모니터(run/once)가 실행 중이면 거부합니다 — 먼저 멈추세요.\n"
      "지금 데이터베이스는 ticket-alarm.db.before-restore-YYYYmmdd-HHMMSS로 남겨 둡니다.\n"
      "설정 파일은 되돌리지 않습니다: 백업의 -config.json과 비교해 필요하면 직접 복사하세요.\n"
      "종료 코드: 0 정상, 1 복원 거부·실패, 2 설정 오류.\n"
      "예: ticket-alarm restore data/backups/ticket-alarm-20250101-043000.db");
  cmd->callback([&exit_code, file, config_path] {
    auto log = logger("main");
    std::vector<std::string> warnings;
    const Config config = load_config_from_cli(*config_path, &warnings);
    for (const auto& warning : warnings) log->warn("{}", warning);

    RestoreRequest request;
    request.data_dir = config.data_dir;
    request.backup_file = *file;
    request.now = std::time(nullptr);
    const RestoreResult result = restore_backup(request);

    std::cout << "복원했습니다: " << *file << " → " << result.installed << " (스키마 v" << result.schema_version
              << ")\n";
    if (result.kept.empty())
      std::cout << "  이전 데이터베이스: 없음\n";
    for (const auto& kept : result.kept) std::cout << "  이전 데이터베이스 보관: " << kept << "\n";
    for (const auto& removed : result.removed) std::cout << "  지운 임시 파일: " << removed << "\n";
    std::cout << "이제 모니터를 다시 시작하세요 (웹 대시보드 serve가 따로 실행 중이면 그것도 재시작하세요).\n"
              << std::flush;
    exit_code = kExitOk;
  });
}

}  // namespace ta
