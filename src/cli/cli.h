#pragma once
#include <string>

namespace CLI {
class App;
}

namespace ta {

// Exit codes of every command.
constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;  // runtime failure
constexpr int kExitUsage = 2;    // usage or configuration error

int run_cli(int argc, char** argv);

// Each command lives in its own cmd_<name>.cpp and registers itself here. The callback stores the
// command's exit code in `exit_code`; exceptions escaping it are mapped by run_cli
// (ConfigError -> 2, anything else -> 1).
void register_version(CLI::App& app, int& exit_code);
void register_check_config(CLI::App& app, int& exit_code);
void register_eval(CLI::App& app, int& exit_code);
void register_crawl(CLI::App& app, int& exit_code);
void register_record(CLI::App& app, int& exit_code);
void register_run(CLI::App& app, int& exit_code);
void register_import_legacy(CLI::App& app, int& exit_code);
void register_test_webhook(CLI::App& app, int& exit_code);
void register_serve(CLI::App& app, int& exit_code);
void register_doctor(CLI::App& app, int& exit_code);
void register_backup(CLI::App& app, int& exit_code);
void register_restore(CLI::App& app, int& exit_code);
// More commands are declared below as they are added.

}  // namespace ta
