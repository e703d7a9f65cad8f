#pragma once
// What the monitor hands to Store::record_crawl and gets back.
#include <cstdint>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

#include "model/ticket.h"

namespace ta {

// One channel a notice may go to (config routes): its own deliveries and reminders.
struct RoutePolicy {
  std::string route = "default";
  std::string webhook_key;  // as CrawlPolicy::webhook_key
  // As CrawlPolicy::filter / priority, for this route (its sites, genres and keywords).
  std::function<bool(const Ticket&)> filter;
  std::function<bool(const Ticket&)> priority;
};

struct CrawlPolicy {
  // Every route a notice may go to; each that `filter` lets through gets its own delivery and
  // reminders. Empty: the one route "default" made of webhook_key, filter and priority below.
  std::vector<RoutePolicy> routes;
  // Deliveries are queued for this webhook. "" (no webhook configured) still queues them so the
  // notifier can log "would send" and Store::adopt_pending_deliveries hands them to the webhook
  // once one is configured: nothing discovered meanwhile is lost.
  std::string webhook_key;
  bool notify_updates = true;  // queue an `update` when an announced ticket's open_at/open_type changes
  bool announce_past = false;  // announce tickets whose open_at is already before `now`
  // Keyword filters live with the caller; empty = every ticket passes. Called with the store's
  // lock held: it must not call back into the Store.
  std::function<bool(const Ticket&)> filter;
  // PRIORITY_KEYWORDS: such a delivery goes before the backlog (deliveries.priority). Same rules
  // as `filter`; empty = none is.
  std::function<bool(const Ticket&)> priority;
  // config first_run "summary": a site's first crawl into this store (no notice of it stored and
  // none announced) queues one summary delivery instead of an alert per notice; its notices are
  // remembered as announced (source 'summary'), so a later change alerts as an update. Priority
  // notices still alert on their own.
  bool summarize_first_crawl = false;
  // config reminders: minutes before each opening of every notice `filter` passes; empty: none
  // (and any still scheduled are cancelled).
  std::vector<int> reminder_offsets;
  // config withdrawn_after: a notice missing from this many complete crawls in a row while an
  // opening is still ahead was withdrawn by the site: its reminders and calendar events are
  // cancelled and, if fans were told about it, a cancel message is queued. 0: never.
  int withdrawn_after = 3;
  // This crawl read the site's whole list (fewer items than max_items): a notice it did not list
  // is not on the site. Otherwise only notices newer than one it listed count as missing.
  bool list_complete = false;
};

struct CrawlOutcome {
  int items = 0;                        // tickets in the crawl (after dropping duplicates)
  std::vector<Ticket> new_tickets;      // first sighting of (site, id), not announced before
  std::vector<Ticket> updated_tickets;  // announced/queued before, open_at or open_type changed
  std::vector<std::int64_t> queued;     // delivery ids queued by this crawl, in order (a summary's too)
  std::vector<Ticket> summarized;       // first crawl: counted in the summary instead of alerted
  int past_skipped = 0;                 // would be announced, but open_at < now and !announce_past
  int filtered_out = 0;                 // would be announced, but policy.filter said no
  std::vector<Ticket> withdrawn;        // gone from the list for withdrawn_after crawls, by this one
  std::vector<Ticket> also_on;          // new here, but the same show was announced from another site
};

// One crawl attempt of one site, successful or not (then `error` says why).
struct CycleRecord {
  std::string site;
  std::time_t started_at = 0;
  std::int64_t duration_ms = 0;
  int items = 0;
  int new_items = 0;
  std::string strategy;
  std::string error;  // "" = success
};

}  // namespace ta
