#include "sites/detail.h"

#include <algorithm>
#include <thread>

#include "cdp/errors.h"
#include "log/log.h"
#include "model/opening_set.h"
#include "normalize/kst_time.h"
#include "normalize/normalize_openings.h"
#include "normalize/text_clean.h"
#include "util/text_file.h"

namespace ta {
namespace {

using Clock = std::chrono::steady_clock;

std::string string_in(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer() || it->is_number_unsigned()) return it->dump();
  return "";
}

// The script's answer into `d`; false (with the reason) when it is not of the documented shape.
bool collect(const nlohmann::json& answer, const std::string& script_name, std::time_t now, DetailResult& d) {
  if (!answer.is_object() || !answer.contains("openings") || !answer["openings"].is_array()) {
    d.error = script_name + ": 결과가 {notice, openings: [...], strategy, warnings} 형식이 아닙니다";
    d.error_kind = CrawlErrorKind::script;
    return false;
  }
  const nlohmann::json notice = answer.value("notice", nlohmann::json::object());
  if (notice.is_object()) {
    d.id = string_in(notice, "id");
    d.title = clean_text(string_in(notice, "title"));
  }
  d.strategy = answer.value("strategy", "");
  if (answer.contains("warnings") && answer["warnings"].is_array())
    for (const auto& w : answer["warnings"]) d.warnings.push_back(w.is_string() ? w.get<std::string>() : w.dump());
  d.openings = normalize_openings(answer["openings"], now, d.title);
  if (d.openings.empty()) {
    d.error = d.url + ": 상세 페이지에서 오픈 일정을 찾지 못했습니다 (" + script_name +
              ") — 페이지가 바뀌었다면 스크립트를 고치고 `ticket-alarm crawl SITE --detail URL`로 확인하세요";
    d.error_kind = CrawlErrorKind::empty;
    return false;
  }
  return true;
}

template <typename Fn>
void guarded(DetailResult& d, Fn&& fn) noexcept {
  try {
    fn();
  } catch (const cdp::JsException& e) {
    d.error = e.what();
    d.error_kind = CrawlErrorKind::script;
  } catch (const cdp::TimeoutError& e) {
    d.error = d.url + ": " + e.what();
    d.error_kind = CrawlErrorKind::timeout;
  } catch (const cdp::NavigationError& e) {
    d.error = e.what();
    d.error_kind = CrawlErrorKind::navigation;
  } catch (const std::exception& e) {
    d.error = d.url + ": " + e.what();
    d.error_kind = CrawlErrorKind::browser;
  }
}

std::optional<std::string> detail_script(const SiteDescriptor& site, const std::string& extract_dir, std::string* error) {
  const std::string path = extract_dir + "/" + site.detail_script;
  auto text = site.detail_script.empty() ? std::nullopt : read_text_file(path);
  if (!text) *error = "상세 추출 스크립트를 읽을 수 없습니다: " + path + " — extract_dir 설정과 파일을 확인하세요";
  return text;
}

}  // namespace

DetailResult read_detail(cdp::Page& page, const SiteDescriptor& site, const std::string& script,
                         const std::string& url, std::time_t now, const Deadline& deadline) noexcept {
  DetailResult d;
  const auto started = Clock::now();
  guarded(d, [&] {
    d.url = url;
    page.navigate(url, cdp::WaitCondition::parse("load"), deadline);
    if (page.document_status() >= 400) {
      d.error = url + ": HTTP " + std::to_string(page.document_status());
      d.error_kind = CrawlErrorKind::http_status;
      return;
    }
    nlohmann::json ctx = {{"site", site.id}, {"url", url}, {"now", format_kst_iso(now)}, {"max_items", 1}};
    d.ok = collect(page.call_function(script, site.detail_script, ctx, deadline), site.detail_script, now, d);
  });
  d.duration_ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
  return d;
}

DetailResult crawl_detail(cdp::BrowserPool& pool, const SiteDescriptor& site, const std::string& url,
                          const CrawlOptions& options, const Deadline& deadline) noexcept {
  DetailResult d;
  d.url = url;
  guarded(d, [&] {
    const auto script = detail_script(site, options.extract_dir, &d.error);
    if (!script) {
      d.error_kind = CrawlErrorKind::script;
      return;
    }
    if (options.replay && !options.replay->has_document(url)) {
      d.error = "HAR 파일에 이 상세 페이지가 없습니다: " + url +
                " — HAR에 기록된 상세 페이지 URL을 쓰거나 `ticket-alarm record URL --out FILE.har`로 기록하세요";
      d.error_kind = CrawlErrorKind::navigation;
      return;
    }
    cdp::PageOptions page_options = pool.options().page;
    page_options.replay = options.replay;
    cdp::PageLease lease = pool.lease(page_options, deadline);
    const std::time_t now = options.now ? *options.now
                                        : (options.replay ? archive_time(*options.replay).value_or(std::time(nullptr))
                                                          : std::time(nullptr));
    d = read_detail(lease.page(), site, *script, url, now,
                    deadline.nested(std::chrono::seconds(options.page_timeout_s)));
  });
  return d;
}

nlohmann::json to_json(const DetailResult& d) {
  nlohmann::json openings = nlohmann::json::array();
  for (const auto& o : d.openings) openings.push_back(to_json(o));
  return {{"id", d.id}, {"title", d.title}, {"url", d.url}, {"strategy", d.strategy}, {"openings", openings}};
}

void add_details(cdp::Page& page, const SiteDescriptor& site, const CrawlOptions& options, std::time_t now,
                 const std::vector<bool>& wanted, std::vector<Ticket>& tickets, const Deadline& budget) noexcept {
  // Most crawls find nothing new: no file is read then.
  if (std::find(wanted.begin(), wanted.end(), true) == wanted.end()) return;
  std::string error;
  const auto script = detail_script(site, options.extract_dir, &error);
  int opened = 0;
  for (std::size_t i = 0; i < tickets.size() && i < wanted.size(); ++i) {
    Ticket& t = tickets[i];
    if (!wanted[i] || t.url.empty()) continue;
    // Not recorded in the archive being replayed: nothing to learn, and no failure of the site.
    if (options.replay && !options.replay->has_document(t.url)) continue;
    t.detail = DetailState::wanted;
    if (!script || opened >= options.detail_pages || budget.expired()) continue;
    if (opened > 0 && !options.replay) {
      // The site's servers see at most one detail page per spacing from us.
      const auto spacing = std::chrono::milliseconds(site.detail_spacing_ms);
      if (std::chrono::milliseconds(budget.remaining_ms()) <= spacing) continue;
      std::this_thread::sleep_for(spacing);
    }
    ++opened;
    DetailResult d = read_detail(page, site, *script, t.url, now, budget);
    if (d.ok) {
      t.openings = merge_openings(d.openings, t.openings);
      t.detail = DetailState::read;
    } else {
      t.detail = DetailState::failed;
      logger("site")->warn("{}: 상세 페이지를 읽지 못해 목록의 오픈 정보로 알립니다 — {}", site.name, d.error);
    }
  }
  if (!script) logger("site")->warn("{}: {}", site.name, error);
}

}  // namespace ta
