// Store::record_crawl: the one place that decides whether a crawled ticket alerts.
//
// Ids are first resolved to the stored notices they are (notice_identity.h): the same notice read
// through another extract layer, or with a hash id that moved with its open time, is not new.
// Per (site, id), with "told" = the latest pending/sent delivery's ticket, else the values in
// `announced` from a sent message (what fans were or are about to be told):
//  - never stored, never told, no legacy match (id or title)      -> new
//  - otherwise compared with the stored row (or, when retention removed it, with "told"):
//    open_at gained or moved, open_type changed (both non-empty), or an opening moved, was added
//    or was removed (model/opening_changes.h), and not equal to "told"
//      -> update when something was told or a legacy entry matches (queued only when
//         policy.notify_updates), else new (it was stored but never announced, e.g. past or
//         filtered, and is news now)
//  - a legacy entry alone is never compared: the old tool's data is too rough to diff.
// A candidate is queued unless every timed opening (else open_at) is before now (and
// !announce_past) or policy.filter rejects it. Losing an open time (null after a value) is a
// crawl glitch, not news. A ticket is judged when it appears or changes: one stored while
// filtered out or past stays silent until then (changing KEYWORDS does not replay the backlog).
// Each route (channel) whose filter lets a candidate through gets a delivery of its own. A new
// notice whose show was announced from another site (same_show.h) is an "also", not a new alert.
#include <algorithm>
#include <set>

#include "log/log.h"
#include "model/opening_changes.h"
#include "model/opening_set.h"
#include "store/announced_lookup.h"
#include "store/calendar.h"
#include "store/change_notice.h"
#include "store/listing.h"
#include "normalize/site_mark.h"
#include "store/daily_stats.h"
#include "store/first_run.h"
#include "store/notice_identity.h"
#include "store/opening_rows.h"
#include "store/reminder_rows.h"
#include "store/same_show.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "normalize/kst_time.h"
#include "normalize/ticket_time.h"
#include "store/ticket_row.h"

namespace ta {
namespace {

struct OpenValues {
  std::optional<std::string> open_at;
  std::string open_type;
  std::vector<Opening> openings;
};

OpenValues values_of(const Ticket& t) { return {t.open_at, t.open_type, t.openings}; }

struct StoredNotice {
  Ticket ticket;
  DetailState detail = DetailState::none;
  int detail_attempts = 0;
  Listing listing = Listing::listed;
  SiteMark mark = SiteMark::none;
};

bool same_time(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  if (!a || !b) return !a && !b;
  const auto a_epoch = parse_iso(*a);
  const auto b_epoch = parse_iso(*b);
  if (a_epoch && b_epoch) return *a_epoch == *b_epoch;
  return *a == *b;
}

bool changed(const OpenValues& before, const Ticket& now) {
  const bool time_changed = now.open_at && !same_time(before.open_at, now.open_at);
  const bool type_changed = !before.open_type.empty() && !now.open_type.empty() && before.open_type != now.open_type;
  return time_changed || type_changed || !opening_changes(before.openings, now.openings).empty();
}

bool same_as_told(const OpenValues& told, const Ticket& now) {
  return same_time(told.open_at, now.open_at) && (told.open_type.empty() || told.open_type == now.open_type) &&
         opening_changes(told.openings, now.openings).empty();
}

std::optional<StoredNotice> stored_notice(Database& db, Statement& q, const std::string& site, const std::string& id) {
  q.reset();
  q.bind(1, site).bind(2, id);
  if (!q.step()) return std::nullopt;
  StoredNotice s{read_ticket(q, 0), detail_state_from(q.column_text(kTicketColumnCount)),
                 static_cast<int>(q.column_int(kTicketColumnCount + 1)), listing_from(q.column_text(kTicketColumnCount + 2)),
                 site_mark_from(q.column_text(kTicketColumnCount + 3))};
  s.ticket.openings = load_openings(db, site, id);
  ensure_openings(s.ticket);
  return s;
}

struct DetailColumns {
  DetailState state;
  int attempts;
};

// What the store remembers about the detail page after this crawl.
DetailColumns detail_after(const std::optional<StoredNotice>& stored, const Ticket& t) {
  const DetailColumns before = stored ? DetailColumns{stored->detail, stored->detail_attempts} : DetailColumns{DetailState::none, 0};
  switch (t.detail) {
    case DetailState::none: return before;
    case DetailState::wanted: return {DetailState::wanted, before.attempts};
    case DetailState::read: return {DetailState::read, 0};
    case DetailState::failed: return {DetailState::failed, before.attempts + 1};
  }
  return before;
}

std::optional<OpenValues> last_told(Database& db, Statement& latest_delivery, const std::string& site,
                                    const std::string& id) {
  latest_delivery.reset();
  latest_delivery.bind(1, site).bind(2, id);
  if (latest_delivery.step()) {
    auto payload = nlohmann::json::parse(latest_delivery.column_text(0), nullptr, false);
    if (payload.is_object()) return values_of(ticket_from_json(payload));
  }
  const auto announced = find_announced(db, site, id);
  if (announced && !announced->legacy) {
    Ticket told;
    told.open_at = announced->entry.open_at;
    told.open_type = announced->entry.open_type;
    ensure_openings(told);  // what was announced: its headline
    return values_of(told);
  }
  return std::nullopt;
}

// A poorer extract layer (the text fallback, a mobile list) shows less than the one that stored
// the notice: no open-type label (its type is then only guessed from the title), no venue, no
// time, no link. What it does not show is not a change, and must not erase what was known.
void keep_what_this_layer_does_not_show(const Ticket& stored, Ticket& t) {
  const Opening listed_headline = headline_opening(t);
  if (t.open_type_label.empty() && !stored.open_type.empty()) {
    t.open_type = stored.open_type;
    t.open_type_label = stored.open_type_label;
  }
  if (!t.open_at && stored.open_at) {
    t.open_at = stored.open_at;
    if (t.open_text.empty()) t.open_text = stored.open_text;
  }
  if (t.venue.empty()) t.venue = stored.venue;
  if (t.url.empty()) t.url = stored.url;  // an alert must keep its link
  if (t.image.empty()) t.image = stored.image;
  if (t.genre.empty()) t.genre = stored.genre;

  for (auto& o : t.openings)
    if (o == listed_headline) o = headline_opening(t);
  t.openings = canonical_openings(std::move(t.openings));
}

// A crawl that did not read the detail page keeps the openings known before (from a detail page
// or a richer list row) that this list does not name, with this list's headline in place of the
// stored one; an opening this list names (same kind and label) is taken as the list shows it.
void keep_known_openings(const Ticket& stored, Ticket& t) {
  if (t.detail == DetailState::read) return;
  std::vector<Opening> known;
  for (const auto& o : stored.openings) {
    const bool named_here = std::any_of(t.openings.begin(), t.openings.end(),
                                        [&](const Opening& l) { return l.kind == o.kind && l.label == o.label; });
    if (o != headline_opening(stored) && !named_here) known.push_back(o);
  }
  t.openings = merge_openings(known, t.openings);
}

// A notice seen again is listed again; one the site cancelled or superseded stays so unless its
// own schedule changed since (then it is alive after all).
Listing listing_after(const std::optional<StoredNotice>& stored, bool schedule_changed) {
  if (!stored || stored->listing == Listing::withdrawn || schedule_changed) return Listing::listed;
  return stored->listing;
}

// What this crawl decided about one notice.
struct Judgement {
  std::optional<DeliveryKind> kind;
  std::optional<Ticket> previous;
  Listing listing = Listing::listed;
};

// A notice the site marks as a change or cancellation (normalize/site_mark.h). Newly posted, it
// is a message about the notice it names: a cancellation cancels that one's schedule, a change
// that carries times takes it over. Marked later (the same id retitled), it is a change or a
// cancellation of itself, told when its alert was.
void judge_site_mark(Database& db, const Ticket& t, SiteMark mark, const std::optional<StoredNotice>& stored,
                     bool told, Judgement& j, std::time_t now) {
  if (mark == SiteMark::none) return;
  if (j.kind == DeliveryKind::New && !stored) {
    j.kind = mark == SiteMark::cancelled ? DeliveryKind::Cancel : DeliveryKind::Update;
    j.previous = find_original(db, t);
    if (!j.previous) return;
    if (mark == SiteMark::cancelled || has_timed_opening(t)) {
      const Listing retired = mark == SiteMark::cancelled ? Listing::cancelled : Listing::superseded;
      set_listing(db, j.previous->site, j.previous->id, retired);
      cancel_schedule(db, j.previous->site, j.previous->id, now);
      logger("store")->info("예매처 {} 공지: {} → {}", site_mark_korean(mark), t.title, j.previous->title);
    }
    return;
  }
  // The same title read again is no news, whatever an older version of this program stored.
  if (!stored || stored->mark == mark) return;
  if (stored->ticket.title == t.title && stored->ticket.open_type_label == t.open_type_label) return;
  if (mark == SiteMark::cancelled) {
    j.listing = Listing::cancelled;
    cancel_schedule(db, t.site, t.id, now);
    j.kind = told ? std::optional<DeliveryKind>(DeliveryKind::Cancel) : std::nullopt;
    j.previous.reset();
  } else if (!j.kind && told) {
    j.kind = DeliveryKind::Update;
    j.previous = stored->ticket;
  }
}

// The routes a crawl's notices may go to: policy.routes, or the one its single-route fields make.
std::vector<RoutePolicy> routes_of(const CrawlPolicy& policy) {
  if (!policy.routes.empty()) return policy.routes;
  return {RoutePolicy{"default", policy.webhook_key, policy.filter, policy.priority}};
}

// Which routes want a notice, and which of them give it priority.
struct RouteVerdicts {
  std::vector<bool> wanted, priority;
  bool any_wanted() const { return std::find(wanted.begin(), wanted.end(), true) != wanted.end(); }
};

RouteVerdicts judge_routes(const std::vector<RoutePolicy>& routes, const Ticket& t) {
  RouteVerdicts v;
  for (const auto& r : routes) {
    v.wanted.push_back(!r.filter || r.filter(t));
    v.priority.push_back(r.priority && r.priority(t));
  }
  return v;
}

std::vector<std::string> route_names(const std::vector<RoutePolicy>& routes) {
  std::vector<std::string> out;
  for (const auto& r : routes) out.push_back(r.route);
  return out;
}

}  // namespace

CrawlOutcome Store::record_crawl(const std::string& site, const std::vector<Ticket>& tickets, std::time_t now,
                                 const CrawlPolicy& policy) {
  std::lock_guard<std::mutex> lock(mutex_);
  Transaction tx(*db_);
  Statement find_stored(*db_, std::string("SELECT ") + kTicketColumns +
                                  ", detail_state, detail_attempts, listing, site_mark FROM tickets WHERE site = ? AND id = ?");
  Statement latest_delivery(*db_,
                            "SELECT payload FROM deliveries WHERE site = ? AND ticket_id = ? "
                            "AND kind <> 'cancel' AND status IN ('pending', 'deferred', 'retry', 'sent') ORDER BY id DESC LIMIT 1");
  Statement upsert(*db_,
                   "INSERT INTO tickets (site, id, site_name, title, open_at, open_at_epoch, open_text, open_type, "
                   "open_type_label, venue, url, image, badges, genre, first_seen, last_seen, content_hash, detail_state, "
                   "detail_attempts, listing, missing_crawls, site_mark) "
                   "VALUES (:site, :id, :site_name, :title, :open_at, :open_at_epoch, :open_text, :open_type, "
                   ":open_type_label, :venue, :url, :image, :badges, :genre, :now, :now, :hash, :detail_state, "
                   ":detail_attempts, :listing, 0, :site_mark) "
                   "ON CONFLICT(site, id) DO UPDATE SET site_name = excluded.site_name, title = excluded.title, "
                   "open_at = excluded.open_at, open_at_epoch = excluded.open_at_epoch, "
                   "open_text = excluded.open_text, open_type = excluded.open_type, "
                   "open_type_label = excluded.open_type_label, venue = excluded.venue, url = excluded.url, "
                   "image = excluded.image, badges = excluded.badges, genre = excluded.genre, "
                   "last_seen = excluded.last_seen, content_hash = excluded.content_hash, "
                   "detail_state = excluded.detail_state, detail_attempts = excluded.detail_attempts, "
                   "listing = excluded.listing, missing_crawls = 0, site_mark = excluded.site_mark");
  Statement queue(*db_,
                  "INSERT INTO deliveries (site, ticket_id, webhook, kind, status, attempts, next_attempt_at, "
                  "created_at, payload, previous, priority, route) VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?, ?, ?)");

  std::vector<Ticket> resolved = tickets;
  for (auto& t : resolved) t.site = site;
  resolve_notice_ids(*db_, site, resolved);

  const std::vector<RoutePolicy> routes = routes_of(policy);
  CrawlOutcome out;
  auto enqueue = [&](const Ticket& t, DeliveryKind kind, const std::optional<Ticket>& previous, bool priority,
                     const RoutePolicy& route) {
    queue.reset();
    queue.bind(1, t.site).bind(2, t.id).bind(3, route.webhook_key).bind(4, to_string(kind));
    queue.bind(5, static_cast<std::int64_t>(now)).bind(6, static_cast<std::int64_t>(now)).bind(7, to_json(t).dump());
    queue.bind(8, previous ? std::optional<std::string>(to_json(*previous).dump()) : std::nullopt);
    queue.bind(9, static_cast<std::int64_t>(priority ? 1 : 0)).bind(10, route.route);
    queue.run();
    out.queued.push_back(db_->last_insert_rowid());
  };
  const bool first_crawl = policy.summarize_first_crawl && is_first_crawl(*db_, site);
  std::vector<std::vector<Ticket>> summarized(routes.size());  // per route
  std::set<std::string> seen_ids;
  for (Ticket t : resolved) {
    if (t.id.empty()) {
      logger("store")->warn("id 없는 공지를 건너뜀 ({}): {}", site, t.title);
      continue;
    }
    if (!seen_ids.insert(t.id).second) continue;  // the same notice listed twice on one page
    ensure_openings(t);
    ++out.items;

    const auto stored_notice_row = stored_notice(*db_, find_stored, site, t.id);
    if (stored_notice_row) {
      keep_what_this_layer_does_not_show(stored_notice_row->ticket, t);
      keep_known_openings(stored_notice_row->ticket, t);
    }
    const std::optional<Ticket> stored =
        stored_notice_row ? std::optional<Ticket>(stored_notice_row->ticket) : std::nullopt;
    const auto told = last_told(*db_, latest_delivery, site, t.id);
    const bool legacy = !told && announced_unlocked(*db_, t, now);

    Judgement j;
    std::optional<DeliveryKind>& kind = j.kind;
    std::optional<Ticket>& previous = j.previous;
    if (!stored && !told && !legacy) {
      kind = DeliveryKind::New;
      out.new_tickets.push_back(t);
    } else if (stored || told) {
      const OpenValues before = stored ? values_of(*stored) : *told;
      if (changed(before, t) && !(told && same_as_told(*told, t))) {
        if (told || legacy) {
          out.updated_tickets.push_back(t);
          if (policy.notify_updates) kind = DeliveryKind::Update;
          // "What changed" is measured against what fans were told, not a glitchy stored row.
          previous = stored ? *stored : t;
          if (told) {
            previous->open_at = told->open_at;
            previous->open_type = told->open_type;
            previous->openings = told->openings;
          }
        } else {
          kind = DeliveryKind::New;
        }
      }
    }

    j.listing = listing_after(stored_notice_row, kind.has_value());
    const SiteMark mark = site_mark_of(t.title, t.open_type_label);
    if (!first_crawl) judge_site_mark(*db_, t, mark, stored_notice_row, told || legacy, j, now);

    const auto open_epoch = t.open_at ? parse_iso(*t.open_at) : std::nullopt;
    // Read once into plain values: GCC 12 misreports the optional as maybe-uninitialized below.
    const bool has_open_epoch = open_epoch.has_value();
    const std::time_t open_epoch_value = open_epoch.value_or(0);
    upsert.reset();
    upsert.bind(":site", t.site).bind(":id", t.id).bind(":site_name", t.site_name).bind(":title", t.title);
    upsert.bind(":open_at", t.open_at);
    upsert.bind(":open_at_epoch", has_open_epoch ? std::optional<std::int64_t>(open_epoch_value) : std::nullopt);
    upsert.bind(":open_text", t.open_text).bind(":open_type", t.open_type);
    upsert.bind(":open_type_label", t.open_type_label).bind(":venue", t.venue).bind(":url", t.url);
    upsert.bind(":image", t.image).bind(":badges", badges_json(t)).bind(":genre", t.genre);
    upsert.bind(":now", static_cast<std::int64_t>(now)).bind(":hash", content_hash(t));
    const DetailColumns detail = detail_after(stored_notice_row, t);
    upsert.bind(":detail_state", std::string(to_string(detail.state)));
    upsert.bind(":detail_attempts", static_cast<std::int64_t>(detail.attempts));
    upsert.bind(":listing", std::string(to_string(j.listing))).bind(":site_mark", std::string(to_string(mark)));
    upsert.run();
    // Most crawls change nothing: rewrite the rows only when the openings did.
    const bool relisted = stored_notice_row && !keeps_schedule(stored_notice_row->listing) && keeps_schedule(j.listing);
    if (!stored || stored->openings != t.openings || relisted) {
      if (!stored || stored->openings != t.openings) save_openings(*db_, t.site, t.id, t.openings);
      if (keeps_schedule(j.listing)) sync_calendar(*db_, t, now);
    }
    if (relisted) logger("store")->info("다시 게시된 공지 ({}): {}", site, t.title);
    const RouteVerdicts verdicts = judge_routes(routes, t);
    for (std::size_t r = 0; r < routes.size(); ++r)
      sync_reminders(*db_, t,
                     ReminderPolicy{policy.reminder_offsets, routes[r].route, routes[r].webhook_key,
                                    verdicts.wanted[r] && keeps_schedule(j.listing), verdicts.priority[r]},
                     now);

    if (!kind) continue;
    if (all_openings_past(t, now) && !policy.announce_past) {
      ++out.past_skipped;
      continue;
    }
    if (!verdicts.any_wanted()) {
      ++out.filtered_out;
      continue;
    }
    const std::optional<Ticket> same_show = *kind == DeliveryKind::New && mark == SiteMark::none && !first_crawl
                                                ? find_same_show(*db_, t)
                                                : std::nullopt;
    if (same_show) {
      out.also_on.push_back(t);
      logger("store")->info("다른 예매처에서 이미 알린 공연 ({} → {}): {}", same_show->site, site, t.title);
    }
    bool in_summary = false;
    for (std::size_t r = 0; r < routes.size(); ++r) {
      if (!verdicts.wanted[r]) continue;
      if (first_crawl && *kind == DeliveryKind::New && !verdicts.priority[r]) {
        summarized[r].push_back(t);
        in_summary = true;
        continue;
      }
      if (same_show && alerted_on_route(*db_, routes[r].route, *same_show))
        enqueue(t, DeliveryKind::Also, same_show, verdicts.priority[r], routes[r]);
      else
        enqueue(t, *kind, previous, verdicts.priority[r], routes[r]);
    }
    if (in_summary) {
      remember_summarized(*db_, t, now);
      out.summarized.push_back(t);
    }
  }

  if (policy.withdrawn_after > 0 && out.items > 0) {
    for (const auto& missing : count_missing(*db_, site, seen_ids, policy.list_complete)) {
      if (missing.missing_crawls != policy.withdrawn_after) continue;
      auto gone = stored_notice(*db_, find_stored, site, missing.id);
      if (!gone || !next_opening_at(gone->ticket, now)) continue;  // over anyway: nothing to call off
      set_listing(*db_, site, missing.id, Listing::withdrawn);
      cancel_schedule(*db_, site, missing.id, now);
      out.withdrawn.push_back(gone->ticket);
      logger("store")->info("예매처 목록에서 내려간 공지 ({}회 연속 없음, {}): {}", missing.missing_crawls, site,
                            gone->ticket.title);
      if (!last_told(*db_, latest_delivery, site, missing.id)) continue;
      const RouteVerdicts verdicts = judge_routes(routes, gone->ticket);
      for (std::size_t r = 0; r < routes.size(); ++r)
        if (verdicts.wanted[r]) enqueue(gone->ticket, DeliveryKind::Cancel, std::nullopt, verdicts.priority[r], routes[r]);
    }
  }

  cancel_reminders_outside(*db_, site, route_names(routes));
  for (std::size_t r = 0; r < routes.size(); ++r)
    if (!summarized[r].empty())
      out.queued.push_back(queue_summary(*db_, site, summarized[r], routes[r].route, routes[r].webhook_key, now));

  DailyDelta delta;
  delta.crawled = out.items;
  delta.new_items = static_cast<std::int64_t>(out.new_tickets.size());
  bump_daily_stats(*db_, now, site, delta);
  tx.commit();
  return out;
}

}  // namespace ta
