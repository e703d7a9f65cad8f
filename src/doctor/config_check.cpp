#include <string>
#include <vector>

#include "config/config.h"
#include "doctor/doctor.h"

namespace ta::doctor {

namespace {
const char* const kTitle = "설정 파일";

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}
}  // namespace

CheckResult check_config(const std::string& cli_value, Config* config) {
  std::vector<std::string> warnings;
  bool created = false;
  try {
    *config = load_config_from_cli(cli_value, &warnings, &created);
  } catch (const ConfigError& e) {
    *config = Config{};
    return CheckResult::fail(kTitle, e.what(),
                             "위 위치의 설정을 고친 뒤 `ticket-alarm check-config`로 확인하세요 "
                             "(나머지 점검은 기본 설정으로 진행합니다)");
  }
  if (created)
    return CheckResult::warn(kTitle, config->source_path + "이(가) 없어 예시 설정으로 새로 만들었습니다",
                             "DISCORD_WEBHOOK_URL과 KEYWORDS를 채우세요");
  if (!warnings.empty())
    return CheckResult::warn(kTitle, config->source_path + ": 경고 " + std::to_string(warnings.size()) + "개\n" +
                                         join_lines(warnings),
                             "경고에 적힌 키 이름을 고치세요 (오타는 무시되어 기본값이 쓰입니다)");
  return CheckResult::pass(kTitle, config->source_path + ": 문제 없음");
}

}  // namespace ta::doctor
