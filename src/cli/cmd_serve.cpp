#include <memory>

#include <CLI/CLI.hpp>

#include "cli/cli.h"
#include "config/config.h"
#include "log/log.h"
#include "store/store.h"
#include "util/shutdown.h"
#include "web/listen_address.h"
#include "web/store_status_source.h"
#include "web/web_server.h"

namespace ta {
namespace {

struct ServeArgs {
  std::string config;
  std::string listen;
};

int serve(const ServeArgs& a) {
  std::vector<std::string> warnings;
  Config config = load_config_from_cli(a.config, &warnings);
  if (!a.listen.empty()) config.web.listen = a.listen;
  std::string error;
  if (!parse_listen_address(config.web.listen, &error)) throw ConfigError(error);
  init_logging(config.log);
  auto log = logger("main");
  for (const auto& w : warnings) log->warn("{}", w);

  // The monitor may run in another process on the same database: WAL lets us read beside it.
  Store store(database_path(config.data_dir));
  StoreStatusSource status(config, store);
  std::unique_ptr<WebServer> server;
  try {
    server = start_web(config, store, status);
  } catch (const std::runtime_error& e) {
    log->error("{}", e.what());
    return kExitFailure;
  }
  Shutdown::instance().wait_until(Deadline::never());
  log->info("대시보드를 닫습니다");
  server->stop();
  return kExitOk;
}

}  // namespace

void register_serve(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ServeArgs>();
  auto* cmd = app.add_subcommand("serve", "대시보드만 실행합니다 (저장된 공지·사이트 상태·전송 통계, /healthz, /metrics)");
  cmd->add_option("--config", args->config, "설정 파일 경로");
  cmd->add_option("--listen", args->listen, "기다릴 주소 (web.listen 대신, 예: 127.0.0.1:8000)");
  cmd->footer("SIGINT/SIGTERM으로 종료합니다. 모니터는 `run`으로 따로 실행하세요.");
  cmd->callback([&exit_code, args] { exit_code = serve(*args); });
}

}  // namespace ta
