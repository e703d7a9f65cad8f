#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/cli.h"
#include "util/version.h"

namespace ta {

void register_version(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("version", "버전을 출력합니다 (print the version)");
  cmd->callback([&exit_code] {
    std::cout << "ticket-alarm " << kVersion << "\n";
    exit_code = kExitOk;
  });
}

}  // namespace ta
