#include <signal.h>

#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>
#include <spdlog/fmt/ranges.h>

#include "util/shutdown.h"
#include "cdp/errors.h"
#include "cli/cli.h"
#include "cli/webhook_setting.h"
#include "cli/command_pool.h"
#include "log/log.h"
#include "cli/monitor_status.h"
#include "monitor/monitor.h"
#include "web/web_server.h"
#include "ops/data_dir_lock.h"
#include "store/store.h"

namespace ta {
namespace {

struct RunArgs {
  std::string config;
  bool dry_run = false;
  std::string replay_dir;
  bool once = false;
  bool web = false;
};

bool any_replay_archive(const std::string& dir, const std::vector<std::string>& sites) {
  for (const auto& site : sites)
    if (std::filesystem::exists(replay_path(dir, site))) return true;
  return false;
}

// True when a signal stopped the run (logged with its name).
bool log_signal_stop(spdlog::logger& log) {
  const int signal = Shutdown::instance().signal_received();
  if (signal == 0) return false;
  const char* name = signal == SIGHUP ? "SIGHUP" : signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "signal";
  log.info("종료 신호 {}을(를) 받아 보내던 알림을 마치고 Chromium을 닫은 뒤 종료합니다", name);
  return true;
}

int run_monitor(const RunArgs& a) {
  std::vector<std::string> warnings;
  bool created = false;
  const Config config = load_config_from_cli(a.config, &warnings, &created);
  init_logging(config.log);
  auto log = logger("main");
  if (created) log->info("{}을(를) 기본 설정으로 만들었습니다 — DISCORD_WEBHOOK_URL과 KEYWORDS를 채우세요.", config.source_path);
  for (const auto& w : warnings) log->warn("{}", w);
  if (const auto error = webhook_setting_error(config)) {
    log->error("{}", *error);
    return kExitUsage;
  }
  if (!a.replay_dir.empty() && !any_replay_archive(a.replay_dir, config.sources)) {
    log->error("--replay-dir {}에 재생할 기록이 하나도 없습니다 (찾은 이름: {}/<사이트>.har, 사이트: {}) — 경로를 확인하세요",
               a.replay_dir, a.replay_dir, fmt::join(config.sources, ", "));
    return kExitUsage;
  }

  std::unique_ptr<DataDirLock> lock;
  try {
    lock = std::make_unique<DataDirLock>(config.data_dir, a.once ? "ticket-alarm once" : "ticket-alarm run");
  } catch (const DataDirLocked& e) {
    log->error("{}", e.what());
    return kExitFailure;
  }
  Store store(database_path(config.data_dir));
  CommandPool command_pool(config, config.browser.connect.empty() ? config.browser.pool_size : 1);
  try {
    command_pool.pool().warm_up(Deadline::after(std::chrono::seconds(30)));
  } catch (const cdp::CdpError& e) {
    // Sending needs no browser: what is queued still goes out, and each crawl tries the browser
    // again (sites that keep failing back off as usual).
    log->error("브라우저를 시작할 수 없습니다: {} — 대기 중인 알림은 그대로 보내고, 크롤링은 주기마다 다시 시도합니다. "
               "`ticket-alarm doctor`로 브라우저를 확인하세요",
               e.what());
  }
  MonitorOptions options;
  options.dry_run = a.dry_run;
  options.replay_dir = a.replay_dir;
  Monitor monitor(config, store, command_pool.pool(), options);
  if (!a.once) {
    MonitorStatus status(monitor, command_pool.pool(), config.interval);
    std::unique_ptr<WebServer> web;
    if (a.web) {
      try {
        web = start_web(config, store, status);
      } catch (const std::exception& e) {
        log->error("대시보드를 시작할 수 없습니다: {} — 설정의 web.listen을 확인하세요", e.what());
        return kExitFailure;
      }
    }
    int code = monitor.run_loop();
    if (web) web->stop();
    log_signal_stop(*log);
    return code;
  }

  CycleReport r = monitor.run_cycle();
  if (log_signal_stop(*log)) return kExitOk;
  log->info("한 번 실행 완료: 사이트 성공 {} / 실패 {} / 건너뜀 {}, 공지 {}건, 신규 {}건, 전송 {}건, 대기 {}건, 실패 {}건",
            r.sites_ok, r.sites_failed, r.sites_skipped, r.items, r.new_items, r.sent, r.pending, r.failed);
  if (r.webhook_dead || r.record_failed || r.store_failed) return kExitFailure;
  return (r.sites_ok == 0 && r.sites_failed > 0) ? kExitFailure : kExitOk;
}

void add_common(CLI::App* cmd, RunArgs& args) {
  cmd->add_option("--config", args.config, "설정 파일 경로");
  cmd->add_flag("--dry-run", args.dry_run, "보낼 메시지를 출력만 하고 보내지 않습니다 (대기열에 남김)");
  cmd->add_option("--replay-dir", args.replay_dir, "각 사이트를 DIR/<사이트>.har에서 재생합니다 (네트워크 없이)");
}

}  // namespace

void register_run(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<RunArgs>();
  auto* cmd = app.add_subcommand("run", "모니터를 계속 실행합니다: 주기마다 사이트를 읽고 새 공지를 Discord로 알립니다");
  add_common(cmd, *args);
  cmd->add_flag("--web", args->web, "대시보드도 함께 실행합니다 (web.listen, 기본 127.0.0.1:8000)");
  cmd->footer("SIGINT/SIGTERM/SIGHUP: 보내던 알림을 마치고 Chromium을 닫은 뒤 종료 코드 0으로 끝납니다.");
  cmd->callback([&exit_code, args] { exit_code = run_monitor(*args); });

  auto once_args = std::make_shared<RunArgs>();
  once_args->once = true;
  auto* once = app.add_subcommand("once", "한 주기만 실행합니다 (모든 사이트를 한 번 읽고 알림을 보낸 뒤 종료)");
  add_common(once, *once_args);
  once->footer("종료 코드: 0 정상, 1 모든 사이트 실패 또는 웹훅 사용 불가, 2 설정 오류.");
  once->callback([&exit_code, once_args] { exit_code = run_monitor(*once_args); });
}

}  // namespace ta
