#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/cli.h"
#include "cli/webhook_setting.h"
#include "config/config.h"
#include "log/log.h"
#include "monitor/keyword_filter.h"
#include "monitor/route_filter.h"

namespace ta {
namespace {

std::string hit_text(const char* list, const KeywordFilter::Hit& hit) {
  std::string out = std::string(list) + " \"" + hit.keyword + "\"";
  if (hit.found_as != hit.keyword) out += " (별칭 \"" + hit.found_as + "\"(으)로 찾음)";
  return out;
}

// What KEYWORDS / PRIORITY_KEYWORDS / EXCLUDE_KEYWORDS (with the aliases) make of one title.
std::string match_report(const Config& c, const std::string& title) {
  const KeywordFilter filter(c.KEYWORDS, c.PRIORITY_KEYWORDS, c.EXCLUDE_KEYWORDS, c.alias_groups);
  Ticket t;
  t.title = title;
  using List = KeywordFilter::List;
  std::string out = "\"" + title + "\": ";
  if (const auto excluded = filter.match(List::exclude, t)) return out + "알림 대상 아님 — " + hit_text("EXCLUDE_KEYWORDS", *excluded);
  const auto priority = filter.match(List::priority, t);
  const auto keyword = filter.match(List::keywords, t);
  if (priority)
    return out + "알림 대상, 우선 알림" + (c.priority_mention ? " (@here)" : "") + " — " +
           hit_text("PRIORITY_KEYWORDS", *priority);
  if (keyword) return out + "알림 대상 — " + hit_text("KEYWORDS", *keyword);
  if (c.KEYWORDS.empty()) return out + "알림 대상 — KEYWORDS가 비어 있어 모든 공지를 알립니다";
  return out + "알림 대상 아님 — KEYWORDS 중 일치하는 것이 없습니다";
}

std::string joined(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

// One route's verdict on a title: "  → 채널 \"아이유\": 보냄, 역할 <@&1> 호출 — 키워드 \"아이유\"".
std::string route_line(const RouteFilter& filter, const Ticket& sample) {
  const RouteConfig& r = filter.route();
  Ticket t = sample;
  if (!r.sites.empty()) t.site = r.sites.front();  // a title alone names no site: judge it as theirs
  const std::string name = r.name == kDefaultRoute ? "기본 채널 (DISCORD_WEBHOOK_URL)" : "채널 \"" + r.name + "\"";
  std::string out = "  → " + name + ": ";
  if (const auto why = filter.refusal(t)) return out + "보내지 않음 — " + *why;
  out += "보냄";
  if (filter.priority(t)) out += ", 우선 알림";
  if (!r.mention_role.empty()) out += ", 역할 <@&" + r.mention_role + "> 호출";
  if (const auto hit = filter.keywords().match(KeywordFilter::List::keywords, t)) out += " — " + hit_text("키워드", *hit);
  if (!r.sites.empty()) out += " (" + joined(r.sites, "·") + " 공지일 때)";
  return out;
}

// Every route's verdict, when `routes` are configured.
std::string routes_report(const Config& c, const std::string& title) {
  Ticket t;
  t.title = title;
  std::string out;
  for (const auto& route : delivery_routes(c)) out += "\n" + route_line(RouteFilter(route, c.alias_groups), t);
  return out;
}

}  // namespace

void register_check_config(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("check-config",
                                 "설정 파일을 검사하고 실제로 쓰일 설정을 JSON으로 출력합니다 "
                                 "(validate the configuration and print the effective settings)");
  // Shared with the callback, which runs after register_check_config has returned.
  auto config_path = std::make_shared<std::string>();
  cmd->add_option("--config", *config_path,
                  "설정 파일 경로 (기본: 환경 변수 TICKET_ALARM_CONFIG, 없으면 config/config.json)");
  auto titles = std::make_shared<std::vector<std::string>>();
  cmd->add_option("--match", *titles,
                  "이 제목이 알림 대상인지, 어떤 키워드(별칭)로 잡히는지 출력합니다 (여러 번 줄 수 있음)");
  cmd->footer(
      "처음 실행하면 config/config.json을 config/config.example.json에서 만듭니다 (--config를 주지 않은 경우만).\n"
      "경고는 stderr에, 설정 JSON은 stdout에 출력합니다 (웹훅 토큰은 ****로 가립니다).\n"
      "환경 변수 TICKET_ALARM_WEBHOOK_URL이 있으면 DISCORD_WEBHOOK_URL 대신 씁니다.\n"
      "종료 코드: 0 정상, 2 설정 오류 (Discord 웹훅이 아닌 DISCORD_WEBHOOK_URL 포함).\n"
      "예: ticket-alarm check-config --config /etc/ticket-alarm/config.json\n"
      "    ticket-alarm check-config --match \"아이유 콘서트\"");
  cmd->callback([&exit_code, config_path, titles] {
    auto log = logger("main");
    std::vector<std::string> warnings;
    bool created = false;
    const Config config = load_config_from_cli(*config_path, &warnings, &created);
    if (created)
      log->info("{}이(가) 없어 기본 설정으로 만들었습니다 — DISCORD_WEBHOOK_URL과 KEYWORDS를 채우세요.",
                config.source_path);
    for (const auto& warning : warnings) log->warn("{}", warning);

    if (!titles->empty()) {
      for (const auto& title : *titles)
        std::cout << (config.routes.empty() ? match_report(config, title) : "\"" + title + "\":" + routes_report(config, title))
                  << std::endl;
    } else {
      std::cout << effective_json(config).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
    }

    if (const auto error = webhook_setting_error(config)) {
      log->error("{}", *error);
      exit_code = kExitUsage;
      return;
    }

    if (config.DISCORD_WEBHOOK_URL.empty())
      log->warn(
          "Discord 웹훅이 설정되지 않아 알림을 보낼 수 없습니다 — {}의 \"DISCORD_WEBHOOK_URL\"을 채우거나 "
          "환경 변수 TICKET_ALARM_WEBHOOK_URL을 설정하세요.",
          config.source_path);
    if (warnings.empty())
      log->info("설정 파일 {}: 문제 없음", config.source_path);
    else
      log->info("설정 파일 {}: 사용할 수 있음 (경고 {}개 — 위 내용을 확인하세요)", config.source_path, warnings.size());
    exit_code = kExitOk;
  });
}

}  // namespace ta
