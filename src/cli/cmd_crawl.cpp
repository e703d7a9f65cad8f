#include <iostream>

#include <CLI/CLI.hpp>

#include "cdp/errors.h"
#include "cli/cli.h"
#include "cli/command_pool.h"
#include "log/log.h"
#include "normalize/kst_time.h"
#include "normalize/open_type.h"
#include "sites/crawler.h"
#include "sites/detail.h"

namespace ta {
namespace {

struct CrawlArgs {
  std::string site;
  std::string replay;
  std::string now;
  std::string format = "json";
  std::string config;
  std::string detail;  // a detail page's URL: print that notice's openings instead of the list
  bool with_details = false;  // also read the listed notices' detail pages (up to detail_pages)
};

std::string when(const std::optional<std::string>& at) {
  return at ? at->substr(0, 16) : std::string("미정            ");
}

void print_openings_table(const std::vector<Opening>& openings, const char* indent) {
  for (const auto& o : openings)
    std::cout << indent << when(o.at) << "  " << open_type_display(o.label, o.kind) << "\n";
}

void print_table(const std::vector<Ticket>& tickets) {
  for (const auto& t : tickets) {
    std::cout << when(t.open_at) << "  " << open_type_display(t.open_type_label, t.open_type) << "  " << t.title;
    if (!t.venue.empty()) std::cout << "  @ " << t.venue;
    std::cout << "\n";
    // The headline is printed above; the others (a row's presale) below it.
    std::vector<Opening> others;
    for (const auto& o : t.openings)
      if (o != headline_opening(t)) others.push_back(o);
    print_openings_table(others, "  + ");
  }
}

int run_detail(const CrawlArgs& a, const Config& config, const SiteDescriptor& site, const CrawlOptions& options) {
  auto log = logger("site");
  CommandPool command_pool(config);
  log->info("크롤링 시작: {} 상세 {}", site.name, a.detail);
  const Deadline deadline = Deadline::after(std::chrono::seconds(config.browser.page_timeout_s + 10));
  DetailResult d = crawl_detail(command_pool.pool(), site, a.detail, options, deadline);
  for (const auto& w : d.warnings) log->warn("{}: {}", site.id, w);
  if (!d.ok) {
    log->error("크롤링 실패: {} — {}", site.name, d.error);
    return kExitFailure;
  }
  if (a.format == "table") {
    std::cout << d.title << "  (" << d.id << ")\n";
    print_openings_table(d.openings, "  ");
  } else {
    std::cout << to_json(d).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
  }
  std::cerr << site.id << ": " << d.url << " · strategy " << d.strategy << " · 오픈 " << d.openings.size() << "건 · "
            << d.duration_ms << " ms" << std::endl;
  log->info("크롤링 완료: {} 상세 (오픈 {}건)", site.name, d.openings.size());
  return kExitOk;
}

int run_crawl(const CrawlArgs& a) {
  auto log = logger("site");
  std::vector<std::string> warnings;
  const Config config = load_config_from_cli(a.config, &warnings);
  for (const auto& w : warnings) logger("main")->warn("{}", w);

  const SiteDescriptor* site = find_site(a.site);
  if (!site) {
    logger("main")->error("알 수 없는 사이트: {} — interpark, yes24, melon, ticketlink 중 하나를 쓰세요", a.site);
    return kExitUsage;
  }
  CrawlOptions options = CrawlOptions::from_config(config);
  if (!a.replay.empty()) {
    try {
      options.replay = cdp::HarArchive::load(a.replay);
    } catch (const cdp::HarError& e) {
      logger("main")->error("{}", e.what());
      return kExitUsage;
    }
  }
  if (!a.now.empty()) {
    auto t = parse_iso(a.now);
    if (!t) {
      logger("main")->error("--now 값을 해석할 수 없습니다: {} — 예: 2025-06-21T10:00:00+09:00", a.now);
      return kExitUsage;
    }
    options.now = *t;
  }

  if (!a.detail.empty()) return run_detail(a, config, *site, options);
  if (a.with_details) {
    // No store here: every listed notice is worth its detail page, within the configured budget.
    options.wants_detail = [](const std::vector<Ticket>& tickets) { return std::vector<bool>(tickets.size(), true); };
    if (options.detail_pages == 0) options.detail_pages = 8;
  }
  CommandPool command_pool(config);
  log->info("크롤링 시작: {}", site->name);
  const Deadline deadline = Deadline::after(std::chrono::seconds(
      config.browser.page_timeout_s * static_cast<int>(site->entry_pages.size()) + 10 +
      (a.with_details ? config.detail_budget_s : 0)));
  CrawlResult r = crawl_site(command_pool.pool(), *site, options, deadline);
  for (const auto& w : r.warnings) log->warn("{}: {}", site->id, w);
  if (!r.ok) {
    log->error("크롤링 실패: {} — {}", site->name, r.error);
    return kExitFailure;
  }
  if (a.format == "table") {
    print_table(r.tickets);
  } else {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& t : r.tickets) out.push_back(to_json(t));
    std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
  }
  std::cerr << site->id << ": " << r.entry_url << " · strategy " << r.strategy << " · " << r.tickets.size() << "건 · "
            << r.duration_ms << " ms" << std::endl;
  log->info("크롤링 완료: {} ({}건)", site->name, r.tickets.size());
  return kExitOk;
}

}  // namespace

void register_crawl(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<CrawlArgs>();
  auto* cmd = app.add_subcommand("crawl", "한 사이트의 티켓오픈 공지를 읽어 정리된 목록을 출력합니다 (crawl one site)");
  cmd->add_option("site", args->site, "interpark | yes24 | melon | ticketlink")->required();
  cmd->add_option("--replay", args->replay, "네트워크 대신 이 HAR 파일로 응답");
  cmd->add_option("--now", args->now, "기준 시각 (ISO 8601); 기본: HAR의 기록 시각, 없으면 현재");
  cmd->add_option("--format", args->format, "json | table")->check(CLI::IsMember({"json", "table"}))->capture_default_str();
  cmd->add_option("--config", args->config, "설정 파일 경로");
  cmd->add_flag("--with-details", args->with_details,
                "목록의 공지마다 상세 페이지도 읽어 선예매·일반예매 등 모든 오픈 일정을 함께 출력 (detail_pages, detail_budget_s 설정 안에서)");
  cmd->add_option("--detail", args->detail, "이 상세 페이지 URL의 공지 하나와 모든 오픈 일정(선예매·일반예매…)을 출력");
  cmd->footer("stdout: 티켓 목록 (--detail: 그 공지의 오픈 일정), stderr: 한 줄 요약. 아무것도 못 읽으면 이유와 함께 종료 코드 1.");
  cmd->callback([&exit_code, args] { exit_code = run_crawl(*args); });
}

}  // namespace ta
