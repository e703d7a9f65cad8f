#pragma once
// The SQLite store: tickets seen, the Discord delivery queue, what was ever announced, crawl
// cycles and daily counters, in data_dir/ticket-alarm.db.
//
// Threading: one connection per Store object, every public method holds the object's mutex, so
// the monitor thread and the web dashboard may share one Store. They may also each open their own
// Store on the same file: WAL lets readers run while a writer commits, writers take the lock with
// BEGIN IMMEDIATE and wait up to 5 s (busy timeout) for each other.
#include <cstdint>
#include <ctime>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "model/ticket.h"
#include "store/crawl.h"
#include "store/dashboard.h"
#include "store/delivery.h"
#include "store/calendar.h"
#include "store/reminder.h"
#include "store/site_health.h"
#include "store/migrations.h"
#include "store/store_error.h"

namespace ta {

class Database;

constexpr int kStoreBusyTimeoutMs = 5000;

// data_dir + "/ticket-alarm.db".
std::string database_path(const std::string& data_dir);

// What an announcement remembers; `announced` rows outlive ticket retention.
struct AnnouncedEntry {
  std::string site;  // "" when a legacy entry could not be mapped to a site
  std::string id;    // the site's id, or the legacy raw key when unmappable
  std::string title;
  std::optional<std::string> open_at;
  std::string open_type;
  std::time_t announced_at = 0;
};

struct WebhookState {
  std::string status;  // ok | dead
  std::string last_error;
  std::time_t updated_at = 0;
};

struct RetentionResult {
  int tickets_deleted = 0;
  int deliveries_deleted = 0;
  int cycles_deleted = 0;
  int legacy_deleted = 0;  // the old tool's alerts, once they and their openings are past retention
};

class Store {
 public:
  // Opens or creates `db_path` (creating its directory), sets WAL, the busy timeout and foreign
  // keys, and applies `migrations`. Throws StoreError.
  explicit Store(const std::string& db_path, const std::vector<Migration>& migrations = store_migrations());
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // --- crawling -------------------------------------------------------------------------------
  // In one transaction: upserts every ticket (site forced to `site`), decides which are new or
  // updated, queues a pending delivery for each one that is announceable (the rules are spelled
  // out at the top of record_crawl.cpp), and bumps today's daily_stats (crawled, new).
  CrawlOutcome record_crawl(const std::string& site, const std::vector<Ticket>& tickets, std::time_t now,
                            const CrawlPolicy& policy);
  void record_cycle(const CycleRecord& cycle);
  // Which of a crawl's tickets want their detail page read: a notice not stored yet, one whose
  // list entry changed (title, open time or type), one whose detail is still wanted, or failed
  // fewer than kDetailAttempts times. Ids are resolved as record_crawl resolves them.
  std::vector<bool> details_wanted(const std::string& site, const std::vector<Ticket>& tickets);
  static constexpr int kDetailAttempts = 3;

  // --- delivery queue -------------------------------------------------------------------------
  // `webhook_key` is notify/webhook_url.h's webhook_key(url): the webhook id, never its token.
  // What may go out now for `webhook_key`: pending deliveries (queued by `now`) and retries whose
  // time has come, never a deferred one; priority ones first, then oldest first (created_at, id).
  std::vector<Delivery> due_deliveries(const std::string& webhook_key, std::time_t now, int limit);
  // When the earliest retry for `webhook_key` is due; nullopt when none is waiting.
  std::optional<std::time_t> next_retry_at(const std::string& webhook_key);
  // Over the per-cycle cap: pending -> deferred, due again once release_deferred() starts a cycle.
  void defer_deliveries(const std::vector<std::int64_t>& ids);
  int release_deferred(const std::string& webhook_key);
  std::optional<Delivery> delivery(std::int64_t id);
  // The latest schedule changes and cancellations told (or about to be told) to fans, newest first.
  std::vector<Delivery> recent_changes(int limit);
  std::int64_t queue_test_delivery(const std::string& webhook_key, const Ticket& sample, std::time_t now);
  // The route's webhook is `webhook_key` now: its waiting deliveries and scheduled reminders
  // queued while it had no webhook ("") or another one (replaced in the config) are re-addressed
  // to it; other routes' are left alone. Returns how many deliveries were moved.
  int adopt_pending_deliveries(const std::string& route, const std::string& webhook_key);
  // Every route that has deliveries, with its counts: the dashboard's channel table.
  std::vector<RouteCounts> route_counts();
  // The sent alert about (site, id) on `route` — its Discord message id — and every delivery sent
  // in that same message, in order: what an edit has to send again. Empty when none was sent.
  std::vector<Delivery> sent_message_of(const std::string& route, const std::string& site, const std::string& id);
  // The "also" deliveries sent for the notice (site, id) on `route`, oldest first.
  std::vector<Delivery> sent_also_for(const std::string& route, const std::string& site, const std::string& id);
  // Sent: remembered in `announced` for good, so the ticket never alerts again with these values.
  void mark_sent(std::int64_t id, const std::string& discord_message_id, std::time_t now);
  // State retry, due at `next_attempt_at`; a 429 passes count_attempt = false.
  void mark_retry(std::int64_t id, const std::string& error, std::time_t next_attempt_at, bool count_attempt);
  // Final (e.g. 400: Discord rejected the payload); counts an attempt.
  void mark_failed(std::int64_t id, const std::string& error, std::time_t now);
  // Final without sending: every opening had passed by the time it could go out.
  void mark_stale(std::int64_t id, const std::string& reason);
  std::int64_t pending_count();  // every delivery still waiting: pending, deferred or retry
  std::map<std::string, std::int64_t> counts_by_status();  // each state's word -> rows (all present)

  // --- reminders ------------------------------------------------------------------------------
  // record_crawl keeps them in step with each notice's openings (CrawlPolicy::reminder_offsets).
  // Scheduled reminders for `webhook_key` due by `now`, soonest first, with their notice's title.
  std::vector<Reminder> due_reminders(const std::string& webhook_key, std::time_t now, int limit);
  // Scheduled reminders due at or after `from` (any webhook), soonest first: the dashboard's list.
  std::vector<Reminder> scheduled_reminders(std::time_t from, int limit);
  std::optional<std::time_t> next_reminder_at(const std::string& webhook_key);
  // scheduled -> sent (detail: Discord's message id), skipped or failed (detail: why).
  void mark_reminder(std::int64_t id, ReminderState state, const std::string& detail, std::time_t now);
  std::map<std::string, std::int64_t> reminder_counts();  // each state's word -> rows (all present)

  // The calendar feed's events (store/calendar.h), soonest first.
  std::vector<CalendarEvent> calendar_events(const CalendarQuery& query);

  // --- webhooks -------------------------------------------------------------------------------
  void set_webhook_dead(const std::string& key, const std::string& error, std::time_t now);
  void set_webhook_ok(const std::string& key, std::time_t now);
  std::optional<WebhookState> webhook_status(const std::string& key);  // nullopt: never reported

  // --- announced memory -----------------------------------------------------------------------
  // True when (site, id) was announced, or a legacy entry has the same normalised title (and,
  // when both sides have one, the same open time to the minute) on the same or an unknown site.
  // Told before, or covered by the old tool's history as judged at `now` (announced_lookup.h).
  bool is_announced(const Ticket& ticket, std::time_t now);
  // Legacy import: inserts entries not yet known; returns how many were new.
  int add_legacy_announced(const std::vector<AnnouncedEntry>& entries);

  // --- retention ------------------------------------------------------------------------------
  // Deletes tickets unseen for `retention_days` with their sent/failed deliveries (never a
  // ticket with a pending delivery), old test deliveries and old cycles (the latest per site is
  // kept). `announced` is never pruned.
  RetentionResult apply_retention(std::time_t now, int retention_days);

  // --- dashboard ------------------------------------------------------------------------------
  // Tickets opening at or after filter.from (default now), by open_at then site and id.
  std::vector<StoredTicket> upcoming(std::time_t now, const UpcomingFilter& filter, int limit, int offset);
  std::optional<StoredTicket> ticket(const std::string& site, const std::string& id);
  std::vector<SiteStatus> site_status();  // one per site that has cycles, by site

  // The canary (store/site_health.h): judges one crawl before its cycle is recorded (the usual
  // item count comes from the cycles before it); broken after `after` suspicious crawls in a row,
  // healthy again at the first crawl that looks like the site.
  SiteVerdict judge_site_health(const std::string& site, const CrawlShape& shape, std::time_t now, int after);
  std::vector<SiteHealth> site_health();  // every site judged so far, by site
  // What the ops channel has now been told about the site.
  void mark_site_health_told(const std::string& site, bool broken);
  // The last `days` KST days up to today (the day of `now`), newest first; days without counts
  // are absent.
  std::vector<DailyCount> daily_counts(std::time_t now, int days);

  int schema_version();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::mutex mutex_;
  std::unique_ptr<Database> db_;
};

}  // namespace ta
