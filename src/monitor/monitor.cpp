#include "monitor/monitor.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <thread>

#include "cdp/errors.h"
#include "log/log.h"
#include "store/store_error.h"
#include "normalize/kst_time.h"
#include "normalize/ticket_time.h"
#include "notify/webhook_url.h"
#include "util/process_group.h"
#include "util/shutdown.h"

namespace ta {
namespace {

using SysClock = std::chrono::system_clock;

// What answers a replayed site: a warm page may be re-read only while its archive is unchanged.
std::string archive_identity(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  const auto mtime = std::filesystem::last_write_time(path, ec).time_since_epoch().count();
  return path + "@" + std::to_string(size) + "@" + std::to_string(mtime);
}

// Each site holds one page between cycles: warm polling needs a page per site, or the held pages
// would starve the crawls that still navigate.
std::unique_ptr<WarmPages> make_warm_pages(const Config& config, const cdp::BrowserPool& pool, std::size_t sites) {
  if (config.full_navigation_every <= 1) return nullptr;
  const auto& o = pool.options();
  const std::size_t browsers = o.connect.empty() ? static_cast<std::size_t>(std::max(1, o.browsers)) : o.connect.size();
  const std::size_t pages = browsers * static_cast<std::size_t>(std::max(1, o.pages_per_browser));
  if (pages < sites) {
    logger("main")->info("페이지 {}개로 사이트 {}개의 페이지를 주기 사이에 열어 둘 수 없어 매 주기 새로 엽니다 — "
                         "pool_size × pages_per_browser를 사이트 수 이상으로 하면 빠른 다시 읽기를 씁니다",
                         pages, sites);
    return nullptr;
  }
  WarmPolicy policy;
  policy.full_every = config.full_navigation_every;
  policy.max_age = std::chrono::seconds(config.full_navigation_max_age_s);
  return std::make_unique<WarmPages>(policy);
}


}  // namespace

std::string replay_path(const std::string& dir, const std::string& site) { return dir + "/" + site + ".har"; }

Monitor::Monitor(const Config& config, Store& store, cdp::BrowserPool& pool, MonitorOptions options)
    : config_(config),
      store_(store),
      pool_(pool),
      options_(std::move(options)),
      schedule_(config.interval, config.jitter_s, config.max_backoff_s),
      deliveries_(std::make_unique<DeliveryRunner>(config, store, stop_, options_.dry_run)),
      sites_(selected_sites(config.sources)),
      warm_(make_warm_pages(config, pool, sites_.size())) {
  for (const auto& s : sites_) states_[s.id] = SiteRunState{s.id, 0, 0, 0};
  if (!options_.replay_dir.empty()) {
    deliveries_->set_stale_clock([this](const std::string& site) -> std::optional<std::time_t> {
      std::lock_guard<std::mutex> lock(state_mutex_);
      const auto it = replay_now_.find(site);
      return it != replay_now_.end() ? std::optional<std::time_t>(it->second) : std::nullopt;
    });
    // Reminders follow the latest archive replayed (0 before any: nothing is due).
    deliveries_->set_reminder_clock([this] {
      std::lock_guard<std::mutex> lock(state_mutex_);
      std::time_t latest = 0;
      for (const auto& [site, t] : replay_now_) latest = std::max(latest, t);
      return latest;
    });
  }
}

Monitor::~Monitor() = default;

void Monitor::stop() {
  stop_.request_stop();
  std::lock_guard<std::mutex> lock(worker_mutex_);
  for (auto& w : workers_) w->request_stop();
}

void Monitor::start_cycle_deliveries() {
  std::lock_guard<std::mutex> lock(worker_mutex_);
  for (auto& w : workers_) w->begin_cycle();
  if (workers_.empty()) deliveries_->begin_cycle();
}

void Monitor::deliver_now(CycleReport& report) {
  if (stop_.stop_requested()) return;
  {
    std::lock_guard<std::mutex> lock(worker_mutex_);
    for (auto& w : workers_) w->wake();
    if (!workers_.empty()) return;
  }
  // Alerts give way when a reminder's moment comes while they are being sent: then the reminder
  // goes, and the alerts carry on (a bounded number of times, each pass sending something).
  for (int pass = 0; pass < 100; ++pass) {
    add_delivery(deliveries_->deliver_reminders(deliveries_->reminder_now()), report);
    deliveries_->deliver_ops();
    const NotifyReport alerts = deliveries_->deliver_due(std::time(nullptr));
    add_delivery(alerts, report);
    if (!alerts.yielded || stop_.stop_requested()) break;
  }
}

std::vector<SiteRunState> Monitor::site_states() const {
  std::lock_guard<std::mutex> lock(state_mutex_);
  std::vector<SiteRunState> out;
  for (const auto& [id, s] : states_) out.push_back(s);
  return out;
}

CrawlResult Monitor::crawl(const SiteDescriptor& site) {
  CrawlOptions options = CrawlOptions::from_config(config_);
  options.wants_detail = [this, &site](const std::vector<Ticket>& tickets) {
    return store_.details_wanted(site.id, tickets);
  };
  if (!options_.replay_dir.empty()) {
    try {
      options.replay = cdp::HarArchive::load(replay_path(options_.replay_dir, site.id));
    } catch (const cdp::HarError& e) {
      CrawlResult r;
      r.site = site.id;
      r.error = e.what();
      r.error_kind = CrawlErrorKind::navigation;
      return r;
    }
    options.warm_source = archive_identity(replay_path(options_.replay_dir, site.id));
  }
  options.warm = warm_.get();
  // A warm read that fails leaves the whole of a navigation's time to the navigation after it.
  const int pages = static_cast<int>(site.entry_pages.size()) + (warm_ ? 1 : 0);
  const auto budget = std::chrono::seconds(config_.browser.page_timeout_s * pages +
                                           (options.detail_pages > 0 ? config_.detail_budget_s : 0) + 30);
  return crawl_site(pool_, site, options, Deadline::after(budget));
}

// What was queued — KEYWORDS and past notices already applied — not everything that was new.
void Monitor::log_queued_without_webhook(const SiteDescriptor& site, const CrawlOutcome& outcome) {
  for (std::int64_t id : outcome.queued) {
    const auto d = store_.delivery(id);
    if (!d) continue;
    if (d->kind == DeliveryKind::Update)
      logger("notify")->info("보낼 알림 (웹훅 미설정): [{}] 오픈 일정 변경 — {}", site.name, d->ticket.title);
    else if (d->kind == DeliveryKind::Cancel)
      logger("notify")->info("보낼 알림 (웹훅 미설정): [{}] 취소 — {}", site.name, d->ticket.title);
    else
      logger("notify")->info("보낼 알림 (웹훅 미설정): [{}] {}", site.name, d->ticket.title);
  }
}

namespace {

// A time, or at least the text the site shows for one ("추후 공지" counts: the row has the field).
bool names_an_opening(const Ticket& t) { return !t.open_text.empty() || has_timed_opening(t); }

}  // namespace

// Before the cycle is recorded: the usual item count is the cycles' before this one.
void Monitor::judge_canary(const SiteDescriptor& site, const CrawlResult& r) {
  CrawlShape shape;
  shape.ok = r.ok;
  shape.extraction_failed =
      !r.ok && (r.error_kind == CrawlErrorKind::empty || r.error_kind == CrawlErrorKind::script);
  shape.items = static_cast<int>(r.tickets.size());
  shape.untitled = r.untitled;
  for (const auto& t : r.tickets)
    if (!names_an_opening(t)) ++shape.without_opening;
  shape.strategy = r.strategy;
  shape.error = r.error;
  const SiteVerdict v = store_.judge_site_health(site.id, shape, SysClock::to_time_t(SysClock::now()), config_.canary_after);
  const SiteHealth& h = v.health;
  if (v.changed && h.broken)
    logger("site")->error("{}: 추출 결과가 이상합니다 — {} (추출 방식 {}). {}을(를) 확인하세요", site.name, h.reason,
                          h.strategy.empty() ? "?" : h.strategy, site.script);
  else if (v.changed)
    logger("site")->info("{}: 추출 결과가 다시 정상입니다 — {}", site.name, h.reason);
}

void Monitor::store_result(const SiteDescriptor& site, const CrawlResult& r, CycleReport& report) {
  auto log = logger("site");
  const auto started = SysClock::to_time_t(SysClock::now()) - r.duration_ms / 1000;
  CycleRecord cycle{site.id, started, r.duration_ms, static_cast<int>(r.tickets.size()), 0, r.strategy, r.ok ? "" : r.error};
  if (!r.ok && (stop_.stop_requested() || Shutdown::instance().requested())) {
    // The pool was closed under the crawl: that is our shutdown, not the site failing.
    ++report.sites_skipped;
    log->info("{}: 종료 중이라 크롤링을 중단했습니다", site.name);
    return;
  }
  schedule_.record(site, r, SysClock::now());
  judge_canary(site, r);
  if (!r.ok) {
    ++report.sites_failed;
    store_.record_cycle(cycle);
    log->error("크롤링 실패: {} — {}", site.name, r.error);
    if (SiteSchedule::asks_to_slow_down(r))
      log->warn("{}: {}회 연속 실패 — {}까지 쉬었다가 다시 시도합니다", site.name, schedule_.failures(site.id),
                format_kst_iso(SysClock::to_time_t(schedule_.next_run(site.id))));
  } else {
    for (const auto& w : r.warnings) log->warn("{}: {}", site.id, w);
    CrawlPolicy policy;
    policy.routes = deliveries_->route_policies();
    policy.notify_updates = config_.notify_updates;
    policy.announce_past = config_.announce_past;
    policy.summarize_first_crawl = config_.first_run == "summary";
    policy.reminder_offsets = config_.reminders;
    policy.withdrawn_after = config_.withdrawn_after;
    // Only the api layer reads a list to its end; the others may stop early on a slow page.
    policy.list_complete = r.strategy == "api" && r.warnings.empty() &&
                           static_cast<int>(r.tickets.size()) < config_.max_items;
    CrawlOutcome outcome = store_.record_crawl(site.id, r.tickets, r.now, policy);
    {
      std::lock_guard<std::mutex> lock(state_mutex_);
      replay_now_[site.id] = r.now;
    }
    if (!outcome.summarized.empty())
      log->info("{}: 처음 살펴본 예매처라 공지 {}건은 요약 메시지 하나로 알립니다 (first_run: summary) — 이후 새 공지는 "
                "하나씩 알립니다. 모두 따로 알리려면 설정에 \"first_run\": \"announce\"를 넣으세요.",
                site.name, outcome.summarized.size());
    cycle.new_items = static_cast<int>(outcome.new_tickets.size());
    store_.record_cycle(cycle);
    ++report.sites_ok;
    report.items += outcome.items;
    report.new_items += cycle.new_items;
    log->info("크롤링 완료: {} ({}건, 신규 {}건{})", site.name, outcome.items, cycle.new_items, r.warm ? ", 다시 읽기" : "");
    if (!deliveries_->has_webhook()) log_queued_without_webhook(site, outcome);
  }
  if (events_.on_crawl) events_.on_crawl(site.id, r.duration_ms, cycle.items, cycle.new_items, r.ok);
  std::lock_guard<std::mutex> lock(state_mutex_);
  auto& st = states_[site.id];
  st.last_run = SysClock::to_time_t(SysClock::now());
  st.consecutive_failures = schedule_.failures(site.id);
  st.next_run = std::max(SysClock::to_time_t(schedule_.next_run(site.id)), st.last_run + config_.interval);
}

CycleReport Monitor::run_cycle() {
  CycleReport report;
  ++cycles_;
  const auto now = SysClock::now();
  if (!deliveries_->has_webhook() && !told_no_webhook_) {
    told_no_webhook_ = true;
    logger("notify")->warn("Discord 웹훅이 설정되지 않아 알림을 보내지 않고 기록만 합니다 — {}의 \"DISCORD_WEBHOOK_URL\"을 채우거나 "
                           "환경 변수 TICKET_ALARM_WEBHOOK_URL을 설정하세요.",
                           config_.source_path.empty() ? "config/config.json" : config_.source_path);
  }
  // Replayed archives carry their recording time as "now", which the clock-based retention would
  // take for tickets unseen for months: retention only runs against live crawls.
  const bool replaying = !options_.replay_dir.empty();
  if (!replaying && (last_retention_ == 0 || SysClock::to_time_t(now) - last_retention_ >= 24 * 3600)) {
    last_retention_ = SysClock::to_time_t(now);
    auto removed = store_.apply_retention(last_retention_, config_.retention_days);
    if (removed.tickets_deleted > 0) logger("store")->info("보관 기간이 지난 공지 {}건 정리", removed.tickets_deleted);
  }

  start_cycle_deliveries();
  // Crawls run on their own threads; results are stored and announced here, one by one, as they end.
  std::mutex m;
  std::condition_variable cv;
  std::deque<std::pair<SiteDescriptor, CrawlResult>> done;
  std::vector<std::thread> workers;
  for (const auto& site : sites_) {
    if (!options_.replay_dir.empty() && !std::filesystem::exists(replay_path(options_.replay_dir, site.id))) {
      ++report.sites_skipped;
      logger("site")->info("{}: 재생할 기록 {}이(가) 없어 건너뜁니다", site.name, replay_path(options_.replay_dir, site.id));
      continue;
    }
    if (options_.replay_dir.empty() && !schedule_.due(site, now)) {
      ++report.sites_skipped;
      continue;
    }
    schedule_.visited(site, now);
    logger("site")->info("크롤링 시작: {}", site.name);
    workers.emplace_back([&, site] {
      CrawlResult r;
      try {
        r = crawl(site);
      } catch (const std::exception& e) {
        // An exception must not escape a worker thread: it would abort every other site's crawl.
        r.site = site.id;
        r.error = e.what();
        r.error_kind = CrawlErrorKind::browser;
      }
      std::lock_guard<std::mutex> lock(m);
      done.emplace_back(site, std::move(r));
      cv.notify_all();
    });
  }
  for (size_t handled = 0; handled < workers.size(); ++handled) {
    std::unique_lock<std::mutex> lock(m);
    cv.wait(lock, [&] { return !done.empty(); });
    auto [site, result] = std::move(done.front());
    done.pop_front();
    lock.unlock();
    store_and_deliver(site, result, report);
  }
  for (auto& w : workers) w.join();
  try {
    if (workers.empty()) deliver_now(report);  // retries due from earlier cycles
    report.pending = static_cast<std::size_t>(store_.pending_count());
  } catch (const std::exception& e) {
    report.store_failed = true;
    logger("notify")->error("알림 대기열을 읽지 못했습니다: {}", e.what());
  }
  if (config_.memory_log_every > 0 && cycles_ % config_.memory_log_every == 0) log_memory();
  return report;
}

void Monitor::store_and_deliver(const SiteDescriptor& site, const CrawlResult& r, CycleReport& report) {
  try {
    store_result(site, r, report);
    std::lock_guard<std::mutex> lock(state_mutex_);
    store_problem_.clear();
  } catch (const std::exception& e) {
    ++report.sites_failed;
    report.store_failed = true;
    const auto* store_error = dynamic_cast<const StoreError*>(&e);
    std::string problem = store_error && store_error->disk_full()
                              ? "디스크 공간 부족: " + config_.data_dir + "에 데이터베이스를 쓸 자리가 없습니다 — 공간을 확보하세요"
                              : std::string("결과를 데이터베이스에 저장하지 못했습니다 — `ticket-alarm doctor`로 확인하세요: ") +
                                    e.what();
    logger("site")->error("크롤링 실패: {} — {}", site.name, problem);
    std::lock_guard<std::mutex> lock(state_mutex_);
    store_problem_ = std::move(problem);
  }
  try {
    deliver_now(report);
  } catch (const std::exception& e) {
    report.store_failed = true;
    logger("notify")->error("알림 전송 실패: 알림 대기열을 읽거나 기록하지 못했습니다 — {}", e.what());
  }
}

std::string Monitor::store_problem() const {
  if (deliveries_->record_failed())
    return "보낸 알림을 데이터베이스에 기록하지 못해 전송을 멈췄습니다 — `ticket-alarm doctor`로 확인하고 손상되었으면 "
           "`ticket-alarm restore`로 되살린 뒤 다시 시작하세요";
  std::lock_guard<std::mutex> lock(state_mutex_);
  return store_problem_;
}

void Monitor::add_delivery(const NotifyReport& n, CycleReport& report) {
  report.sent += n.sent;
  report.failed += n.failed;
  report.rate_limited += n.rate_limited;
  report.webhook_dead |= n.webhook_dead;
  report.record_failed |= n.record_failed;
  if (events_.on_delivery && n.requests > 0) events_.on_delivery(n);
}

void Monitor::start_delivery_worker() {
  // --dry-run prints what is due and leaves it queued: a thread would print it again and again.
  if (!deliveries_->has_webhook() || options_.dry_run) return;
  std::lock_guard<std::mutex> lock(worker_mutex_);
  bool ops_taken = false;
  for (std::size_t route = 0; route < deliveries_->route_count(); ++route) {
    if (!deliveries_->routes()[route]->has_webhook()) continue;
    workers_.push_back(std::make_unique<DeliveryWorker>(*deliveries_, route, !ops_taken, [this](const NotifyReport& n) {
      if (events_.on_delivery) events_.on_delivery(n);
    }));
    ops_taken = true;
  }
}

void Monitor::stop_delivery_worker() {
  std::vector<std::unique_ptr<DeliveryWorker>> workers;
  {
    std::lock_guard<std::mutex> lock(worker_mutex_);
    workers = std::move(workers_);
    workers_.clear();
  }
  workers.clear();  // joins outside the lock: stop() may be waiting for them
}

void Monitor::log_memory() {
  auto stats = pool_.stats();
  logger("main")->info("메모리 사용량: 컨트롤러 {:.1f} MB, Chromium {:.1f} MB (브라우저 {}개, 재시작 {}회)",
                       self_rss_kib() / 1024.0, stats.chromium_memory_kib / 1024.0, stats.browsers_running,
                       stats.browser_restarts + stats.browser_recycles);
}

int Monitor::run_loop() {
  int callback = Shutdown::instance().add_callback([this] { stop(); });
  logger("main")->info("모니터 시작: 사이트 {}개, 주기 {}초", sites_.size(), config_.interval);
  start_delivery_worker();
  while (!stop_.stop_requested() && !Shutdown::instance().requested()) {
    run_cycle();
    if (!stop_.wait_until(schedule_.next_cycle(SysClock::now()))) break;
  }
  stop_delivery_worker();
  if (warm_) warm_->clear();
  Shutdown::instance().remove_callback(callback);
  logger("main")->info("모니터 종료");
  return 0;
}

}  // namespace ta
