#include "cli/cli.h"

#include <iostream>

#include <CLI/CLI.hpp>

#include "config/config.h"
#include "log/log.h"
#include "util/shutdown.h"

namespace ta {

int run_cli(int argc, char** argv) {
  Shutdown::instance().install();
  init_console_logging();
  CLI::App app{"ticket-alarm: 티켓오픈 공지를 Discord로 알려 줍니다", "ticket-alarm"};
  app.require_subcommand(1);
  int exit_code = kExitOk;

  register_version(app, exit_code);
  register_check_config(app, exit_code);
  register_eval(app, exit_code);
  register_crawl(app, exit_code);
  register_record(app, exit_code);
  register_run(app, exit_code);
  register_import_legacy(app, exit_code);
  register_test_webhook(app, exit_code);
  register_serve(app, exit_code);
  register_doctor(app, exit_code);
  register_backup(app, exit_code);
  register_restore(app, exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  } catch (const ConfigError& e) {
    logger("main")->error("설정 오류: {}", e.what());
    return kExitUsage;
  } catch (const std::exception& e) {
    logger("main")->error("{}", e.what());
    return kExitFailure;
  }
  return exit_code;
}

}  // namespace ta
