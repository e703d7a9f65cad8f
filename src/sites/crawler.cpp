#include "sites/crawler.h"

#include <algorithm>
#include <set>

#include "cdp/errors.h"
#include "log/log.h"
#include "normalize/kst_time.h"
#include "normalize/normalize_item.h"
#include "normalize/ticket_id.h"
#include "sites/detail.h"
#include "util/text_file.h"

namespace ta {
namespace {

using Clock = std::chrono::steady_clock;

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

// Reads the script's answer into tickets; returns false (with the reason) when it is not of the
// documented shape.
bool collect(const nlohmann::json& answer, const SiteDescriptor& site, const std::string& page_url, std::time_t now,
             int max_items, CrawlResult* r) {
  if (!answer.is_object() || !answer.contains("items") || !answer["items"].is_array()) {
    r->error = site.script + ": 결과가 {items: [...], strategy, warnings} 형식이 아닙니다";
    r->error_kind = CrawlErrorKind::script;
    return false;
  }
  r->strategy = answer.value("strategy", "");
  if (answer.contains("warnings") && answer["warnings"].is_array())
    for (const auto& w : answer["warnings"])
      r->warnings.push_back(w.is_string() ? w.get<std::string>() : w.dump());
  std::set<std::string> seen;
  int untitled = 0;
  for (const auto& item : answer["items"]) {
    Ticket t = normalize_item(item, site.id, site.name, page_url, now);
    if (t.title.empty()) {
      ++untitled;
      continue;
    }
    // Two rows of one title and venue without site ids are two notices (two rounds), not one.
    if (seen.count(t.id) && is_text_hash_id(t.id)) t.id = distinct_hash_id(t.title, t.venue, t.open_at.value_or(t.open_text));
    if (!seen.insert(t.id).second) continue;
    r->tickets.push_back(std::move(t));
    if (static_cast<int>(r->tickets.size()) >= max_items) break;
  }
  r->untitled = untitled;
  if (untitled > 0) r->warnings.push_back("제목 없는 항목 " + std::to_string(untitled) + "건을 건너뜀");
  return true;
}

// A page that gave no item, with what the script said about it.
std::string empty_list_error(const std::string& url, const std::vector<std::string>& warnings) {
  return url + ": 항목 0건" + (warnings.empty() ? "" : " (" + join(warnings, "; ") + ")");
}

// Only the data layer is fresh in a page rendered cycles ago: its DOM is what it showed then.
constexpr const char* kDataLayer = "api";

// Runs the extract script in a page that shows the site's list, then reads the wanted detail pages
// in that same page (`*left_list` then says it no longer shows the list). False: the answer was
// not a list (attempt->error says why).
bool read_list(cdp::Page& page, const SiteDescriptor& site, const std::string& script, const std::string& url,
               const CrawlOptions& options, std::time_t now, bool warm, const Deadline& page_deadline,
               const Deadline& deadline, CrawlResult* attempt, bool* left_list) {
  nlohmann::json ctx = {{"site", site.id}, {"url", url}, {"now", format_kst_iso(now)}, {"max_items", options.max_items}};
  if (warm) ctx["warm"] = true;
  nlohmann::json answer = page.call_function(script, site.script, ctx, page_deadline);
  if (!collect(answer, site, url, now, options.max_items, attempt)) return false;
  if (warm && attempt->strategy != kDataLayer) return true;  // not trusted: no detail page for it
  if (attempt->tickets.empty() || !options.wants_detail || options.detail_pages <= 0) return true;
  // The list's own page: same browser context, cookies and session as the list.
  std::vector<bool> wanted;
  try {
    wanted = options.wants_detail(attempt->tickets);
  } catch (const std::exception& e) {
    // Not knowing which notices are new costs the detail pages, never the list.
    attempt->warnings.push_back(std::string("상세 페이지를 건너뜀: ") + e.what());
  }
  *left_list = std::find(wanted.begin(), wanted.end(), true) != wanted.end();
  add_details(page, site, options, now, wanted, attempt->tickets,
              deadline.nested(std::chrono::seconds(options.detail_budget_s)));
  return true;
}

void take_attempt(CrawlResult& r, CrawlResult& attempt) {
  r.strategy = attempt.strategy;
  for (auto& w : attempt.warnings) r.warnings.push_back(w);
  r.tickets = std::move(attempt.tickets);
  r.untitled = attempt.untitled;
  r.ok = !r.tickets.empty();
  r.error.clear();
  r.error_kind = CrawlErrorKind::none;
}

// Re-reads the page a previous cycle rendered. True when that decided the crawl (the data layer
// answered); false when the site must be rendered again (the page is closed by then).
bool warm_read(WarmPage warm, const SiteDescriptor& site, const std::string& script, const CrawlOptions& options,
               const Deadline& deadline, CrawlResult& r) {
  CrawlResult attempt;
  attempt.site = site.id;
  bool left_list = false;
  try {
    const Deadline page_deadline = deadline.nested(std::chrono::seconds(options.page_timeout_s));
    if (!read_list(warm.lease.page(), site, script, warm.url, options, r.now, true, page_deadline, deadline, &attempt,
                   &left_list))
      return false;
  } catch (const cdp::CdpError& e) {
    logger("site")->debug("{}: 다시 읽기 실패, 페이지를 새로 엽니다: {}", site.name, e.what());
    return false;
  }
  if (attempt.strategy != kDataLayer) return false;
  r.entry_url = warm.url;
  r.warm = true;
  take_attempt(r, attempt);
  if (!r.ok) {
    r.error = empty_list_error(warm.url, r.warnings);
    r.error_kind = CrawlErrorKind::empty;
    return true;
  }
  ++warm.reads;
  if (!left_list) options.warm->keep(site.id, std::move(warm));
  return true;
}

}  // namespace

CrawlOptions CrawlOptions::from_config(const Config& config) {
  CrawlOptions o;
  o.extract_dir = ::ta::extract_dir(config);
  o.max_items = config.max_items;
  o.page_timeout_s = config.browser.page_timeout_s;
  o.detail_pages = config.detail_pages;
  o.detail_budget_s = config.detail_budget_s;
  return o;
}

std::optional<std::time_t> archive_time(const cdp::HarArchive& archive) {
  if (archive.recorded_at().empty()) return std::nullopt;
  return parse_iso(archive.recorded_at());
}

CrawlResult crawl_site(cdp::BrowserPool& pool, const SiteDescriptor& site, const CrawlOptions& options,
                       const Deadline& deadline) noexcept {
  CrawlResult r;
  r.site = site.id;
  const auto started = Clock::now();
  auto finish = [&]() -> CrawlResult {
    r.duration_ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
    return std::move(r);
  };
  try {
    r.now = options.now ? *options.now : (options.replay ? archive_time(*options.replay).value_or(std::time(nullptr)) : std::time(nullptr));
    const std::string script_path = options.extract_dir + "/" + site.script;
    const auto script_text = read_text_file(script_path);
    if (!script_text) {
      r.error = "추출 스크립트를 읽을 수 없습니다: " + script_path + " — extract_dir 설정과 파일을 확인하세요";
      r.error_kind = CrawlErrorKind::script;
      return finish();
    }
    const std::string& script = *script_text;
    if (options.warm) {
      auto warm = options.warm->take(site.id, options.warm_source);
      if (warm && warm_read(std::move(*warm), site, script, options, deadline, r)) return finish();
      options.warm->release_retiring();  // the navigation below may need their browser's restart
    }
    cdp::PageOptions page_options = pool.options().page;
    page_options.replay = options.replay;

    std::vector<std::string> failures;
    for (const auto& url : site.entry_pages) {
      if (options.replay && !options.replay->has_document(url)) continue;  // not recorded: skip
      r.entry_url = url;
      CrawlResult attempt;
      attempt.site = site.id;
      cdp::PageLease lease;
      bool left_list = false;
      try {
        // Waiting for a page (and starting a browser) counts against the job, not the page timeout.
        lease = pool.lease(page_options, deadline);
        const Deadline page_deadline = deadline.nested(std::chrono::seconds(options.page_timeout_s));
        lease->navigate(url, cdp::WaitCondition::parse(site.wait), page_deadline);
        int status = lease->document_status();
        if (status >= 400) {
          r.http_status = status;
          r.error_kind = CrawlErrorKind::http_status;
          failures.push_back(url + ": HTTP " + std::to_string(status));
          continue;
        }
        if (!read_list(lease.page(), site, script, url, options, r.now, false, page_deadline, deadline, &attempt,
                       &left_list)) {
          failures.push_back(attempt.error);
          r.error_kind = attempt.error_kind;
          continue;
        }
      } catch (const cdp::JsException& e) {
        failures.push_back(std::string(e.what()));
        r.error_kind = CrawlErrorKind::script;
        continue;
      } catch (const cdp::TimeoutError& e) {
        failures.push_back(url + ": " + e.what());
        r.error_kind = CrawlErrorKind::timeout;
        continue;
      } catch (const cdp::NavigationError& e) {
        failures.push_back(e.what());
        r.error_kind = CrawlErrorKind::navigation;
        continue;
      } catch (const cdp::CdpError& e) {
        failures.push_back(url + ": " + e.what());
        r.error_kind = CrawlErrorKind::browser;
        continue;
      }
      if (!attempt.tickets.empty()) {
        take_attempt(r, attempt);
        if (options.warm && !left_list) options.warm->keep(site.id, options.warm->rendered(std::move(lease), url, options.warm_source));
        return finish();
      }
      r.strategy = attempt.strategy;
      for (auto& w : attempt.warnings) r.warnings.push_back(w);
      failures.push_back(empty_list_error(url, attempt.warnings));
      r.error_kind = CrawlErrorKind::empty;
    }
    if (failures.empty()) {
      r.error = options.replay ? "HAR 파일에 이 사이트의 시작 페이지가 없습니다: " + options.replay->origin()
                               : "시작 페이지가 없습니다";
      r.error_kind = CrawlErrorKind::navigation;
    } else {
      r.error = join(failures, " | ");
    }
  } catch (const std::exception& e) {
    r.error = e.what();
    r.error_kind = CrawlErrorKind::browser;
  }
  return finish();
}

}  // namespace ta
