#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "config/config.h"

namespace ta {
namespace fs = std::filesystem;

namespace {

constexpr const char* kDefaultConfigPath = "config/config.json";

std::string env_config_path() {
  const char* value = std::getenv("TICKET_ALARM_CONFIG");
  return value ? value : "";
}

void write_defaults(const fs::path& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << effective_json(Config{}).dump(2) << "\n";
  if (!out) throw ConfigError(path.string() + ": 설정 파일을 쓸 수 없습니다 — 폴더의 쓰기 권한을 확인하세요.");
}

}  // namespace

std::string resolve_config_path(const std::string& cli_value) {
  if (!cli_value.empty()) return cli_value;
  std::string from_env = env_config_path();
  if (!from_env.empty()) return from_env;
  return kDefaultConfigPath;
}

bool ensure_config_file(const std::string& path) {
  std::error_code ec;
  if (fs::exists(path, ec)) return false;
  const fs::path target(path);
  const fs::path folder = target.parent_path();
  if (!folder.empty()) {
    fs::create_directories(folder, ec);
    if (ec)
      throw ConfigError(folder.string() + ": 설정 폴더를 만들 수 없습니다 (" + ec.message() +
                        ") — 경로와 쓰기 권한을 확인하세요.");
  }
  const fs::path example = folder / "config.example.json";
  if (fs::is_regular_file(example, ec)) {
    fs::copy_file(example, target, ec);
    if (ec)
      throw ConfigError(path + ": " + example.string() + "을(를) 복사할 수 없습니다 (" + ec.message() +
                        ") — 쓰기 권한을 확인하세요.");
  } else {
    write_defaults(target);
  }
  // The file will hold the webhook token: keep it private to the owner.
  fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace, ec);
  return true;
}

Config load_config_from_cli(const std::string& cli_value, std::vector<std::string>* warnings, bool* created) {
  const std::string path = resolve_config_path(cli_value);
  const bool is_default = cli_value.empty() && env_config_path().empty();
  const bool made = is_default && ensure_config_file(path);
  if (created) *created = made;
  return load_config(path, warnings);
}

}  // namespace ta
