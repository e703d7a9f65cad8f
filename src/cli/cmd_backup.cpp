#include <ctime>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/cli.h"
#include "config/config.h"
#include "log/log.h"
#include "ops/backup.h"

namespace ta {

namespace {

std::string human_size(std::int64_t bytes) {
  if (bytes >= 1024 * 1024) return std::to_string(bytes / (1024 * 1024)) + " MB";
  if (bytes >= 1024) return std::to_string(bytes / 1024) + " KB";
  return std::to_string(bytes) + " B";
}

}  // namespace

void register_backup(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("backup",
                                 "데이터베이스와 설정 파일을 백업하고 오래된 백업을 정리합니다 "
                                 "(back up the database and configuration)");
  // Shared with the callback, which runs after register_backup has returned.
  auto out_dir = std::make_shared<std::string>();
  auto keep = std::make_shared<int>(kDefaultBackupKeep);
  auto config_path = std::make_shared<std::string>();
  cmd->add_option("--out", *out_dir, "백업을 저장할 폴더 (기본: data_dir/backups)");
  cmd->add_option("--keep", *keep, "남겨 둘 백업 개수, 이번 백업 포함 (기본: 7)")->check(CLI::Range(1, 100000));
  cmd->add_option("--config", *config_path,
                  "설정 파일 경로 (기본: 환경 변수 TICKET_ALARM_CONFIG, 없으면 config/config.json)");
  cmd->footer(
      "모니터가 실행 중이어도 됩니다 (SQLite 온라인 백업).\n"
      "만드는 파일: ticket-alarm-YYYYmmdd-HHMMSS.db 와 ticket-alarm-YYYYmmdd-HHMMSS-config.json (한국 시간).\n"
      "설정 사본에는 웹훅 토큰이 그대로 들어 있어 소유자만 읽을 수 있게(0600) 저장합니다.\n"
      "종료 코드: 0 정상, 1 백업 실패, 2 설정 오류.\n"
      "예: ticket-alarm backup --keep 14\n"
      "복원: ticket-alarm restore data/backups/ticket-alarm-20250101-043000.db");
  cmd->callback([&exit_code, out_dir, keep, config_path] {
    auto log = logger("main");
    std::vector<std::string> warnings;
    const Config config = load_config_from_cli(*config_path, &warnings);
    for (const auto& warning : warnings) log->warn("{}", warning);

    BackupRequest request;
    request.data_dir = config.data_dir;
    request.out_dir = *out_dir;
    request.keep = *keep;
    request.config_path = config.source_path;
    request.now = std::time(nullptr);
    const BackupResult result = create_backup(request);

    std::cout << "백업을 만들었습니다:\n"
              << "  데이터베이스: " << result.db_file << " (" << human_size(result.db_bytes) << ")\n";
    if (!result.config_file.empty())
      std::cout << "  설정 파일:   " << result.config_file << " (권한 0600, 웹훅 토큰 포함)\n";
    else
      std::cout << "  설정 파일:   없음 (설정 파일 없이 기본값·환경 변수로 실행 중)\n";
    if (!result.removed.empty()) {
      std::cout << "오래된 백업 파일 " << result.removed.size() << "개를 지웠습니다 (최근 " << *keep
                << "개 보관):\n";
      for (const auto& file : result.removed) std::cout << "  " << file << "\n";
    }
    std::cout << std::flush;
    exit_code = kExitOk;
  });
}

}  // namespace ta
