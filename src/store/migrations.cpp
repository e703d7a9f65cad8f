#include "store/migrations.h"

#include "log/log.h"
#include "store/sqlite.h"
#include "store/store_error.h"

namespace ta {

// Times are unix seconds (INTEGER); open_at keeps the normalised ISO text for display and
// open_at_epoch for comparisons. Keys are (site, id) as the crawler gives them.
static const char* const kSchemaV1 = R"sql(
CREATE TABLE tickets (
  site TEXT NOT NULL,
  id TEXT NOT NULL,
  site_name TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  open_at TEXT,
  open_at_epoch INTEGER,
  open_text TEXT NOT NULL DEFAULT '',
  open_type TEXT NOT NULL DEFAULT '',
  open_type_label TEXT NOT NULL DEFAULT '',
  venue TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '',
  image TEXT NOT NULL DEFAULT '',
  badges TEXT NOT NULL DEFAULT '[]',
  genre TEXT NOT NULL DEFAULT '',
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  PRIMARY KEY (site, id)
);
CREATE INDEX tickets_open_at ON tickets(open_at_epoch);
CREATE INDEX tickets_last_seen ON tickets(last_seen);

CREATE TABLE deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  site TEXT,
  ticket_id TEXT,
  webhook TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('new', 'update', 'test')),
  status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  discord_message_id TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  sent_at INTEGER,
  payload TEXT NOT NULL,
  previous TEXT,
  FOREIGN KEY (site, ticket_id) REFERENCES tickets(site, id) ON DELETE CASCADE
);
CREATE INDEX deliveries_due ON deliveries(status, webhook, next_attempt_at);
CREATE INDEX deliveries_ticket ON deliveries(site, ticket_id);

CREATE TABLE announced (
  site TEXT NOT NULL,
  id TEXT NOT NULL,
  open_at TEXT,
  open_type TEXT NOT NULL DEFAULT '',
  announced_at INTEGER NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  title_key TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL CHECK (source IN ('sent', 'legacy')),
  PRIMARY KEY (site, id)
);
CREATE INDEX announced_title ON announced(title_key) WHERE source = 'legacy';

CREATE TABLE cycles (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  site TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL,
  items INTEGER NOT NULL,
  new_items INTEGER NOT NULL,
  strategy TEXT NOT NULL DEFAULT '',
  error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cycles_site ON cycles(site, started_at);

CREATE TABLE daily_stats (
  day TEXT NOT NULL,
  site TEXT NOT NULL,
  crawled INTEGER NOT NULL DEFAULT 0,
  new INTEGER NOT NULL DEFAULT 0,
  sent INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, site)
);

CREATE TABLE webhooks (
  key TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('ok', 'dead')),
  last_error TEXT NOT NULL DEFAULT '',
  updated_at INTEGER NOT NULL
);
)sql";

// v2: a notice has openings (presale, general, rounds), each a row; a notice stored before has its
// one list-page opening. Whether its detail page was read is a named state, not an inference.
static const char* const kOpeningsV2 = R"sql(
ALTER TABLE tickets ADD COLUMN detail_state TEXT NOT NULL DEFAULT 'none'
  CHECK (detail_state IN ('none', 'wanted', 'read', 'failed'));
ALTER TABLE tickets ADD COLUMN detail_attempts INTEGER NOT NULL DEFAULT 0;

CREATE TABLE openings (
  site TEXT NOT NULL,
  notice_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('fanclub', 'presale', 'general', 'nth_round', 'last', 'other')),
  label TEXT NOT NULL DEFAULT '',
  at TEXT,
  at_epoch INTEGER,
  round INTEGER,
  PRIMARY KEY (site, notice_id, seq),
  FOREIGN KEY (site, notice_id) REFERENCES tickets(site, id) ON DELETE CASCADE
);
CREATE INDEX openings_at ON openings(at_epoch);

-- A priority notice (PRIORITY_KEYWORDS) is sent before the backlog.
ALTER TABLE deliveries ADD COLUMN priority INTEGER NOT NULL DEFAULT 0 CHECK (priority IN (0, 1));

INSERT INTO openings (site, notice_id, seq, kind, label, at, at_epoch, round)
  SELECT site, id, 0,
         CASE WHEN open_type IN ('fanclub', 'presale', 'general', 'nth_round', 'last', 'other') THEN open_type
              ELSE 'general' END,
         open_type_label, open_at, open_at_epoch, NULL
  FROM tickets;
)sql";

// v3: a delivery's state is a word with a CHECK, not "pending" plus a timestamp to interpret:
// deferred (the per-cycle cap) and retry (after a failure, due at next_attempt_at) are told apart,
// stale records an alert whose openings had all passed, and a first-run summary is a kind.
// SQLite cannot change a CHECK in place, so the table is rebuilt; nothing references it.
static const char* const kDeliveryStatesV3 = R"sql(
CREATE TABLE deliveries_v3 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  site TEXT,
  ticket_id TEXT,
  webhook TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('new', 'update', 'test', 'summary')),
  status TEXT NOT NULL CHECK (status IN ('pending', 'deferred', 'retry', 'sent', 'failed', 'stale')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  discord_message_id TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  sent_at INTEGER,
  payload TEXT NOT NULL,
  previous TEXT,
  priority INTEGER NOT NULL DEFAULT 0 CHECK (priority IN (0, 1)),
  FOREIGN KEY (site, ticket_id) REFERENCES tickets(site, id) ON DELETE CASCADE
);
-- A v2 row still waiting was either never tried (pending) or pushed back by an answer (retry).
INSERT INTO deliveries_v3 (id, site, ticket_id, webhook, kind, status, attempts, next_attempt_at, last_error,
                           discord_message_id, created_at, sent_at, payload, previous, priority)
  SELECT id, site, ticket_id, webhook, kind,
         CASE WHEN status = 'pending' AND (attempts > 0 OR last_error <> '') THEN 'retry' ELSE status END,
         attempts, next_attempt_at, last_error, discord_message_id, created_at, sent_at, payload, previous, priority
  FROM deliveries;
DROP TABLE deliveries;
ALTER TABLE deliveries_v3 RENAME TO deliveries;
CREATE INDEX deliveries_due ON deliveries(status, webhook, next_attempt_at);
CREATE INDEX deliveries_ticket ON deliveries(site, ticket_id);

-- A notice counted in a first-run summary is announced (a later change is an update), by 'summary'.
CREATE TABLE announced_v3 (
  site TEXT NOT NULL,
  id TEXT NOT NULL,
  open_at TEXT,
  open_type TEXT NOT NULL DEFAULT '',
  announced_at INTEGER NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  title_key TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL CHECK (source IN ('sent', 'legacy', 'summary')),
  PRIMARY KEY (site, id)
);
INSERT INTO announced_v3 SELECT site, id, open_at, open_type, announced_at, title, title_key, source FROM announced;
DROP TABLE announced;
ALTER TABLE announced_v3 RENAME TO announced;
CREATE INDEX announced_title ON announced(title_key) WHERE source = 'legacy';
)sql";

// v4: a reminder before each opening, one row per (opening, minutes before) so a restart neither
// loses nor repeats one. An opening is named by kind, label and instant: when it moves, the old
// rows are cancelled and new ones scheduled. And the calendar feed's record of each opening.
static const char* const kRemindersV4 = R"sql(
CREATE TABLE reminders (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  site TEXT NOT NULL,
  notice_id TEXT NOT NULL,
  opening_kind TEXT NOT NULL,
  opening_label TEXT NOT NULL DEFAULT '',
  opening_at INTEGER NOT NULL,
  offset_min INTEGER NOT NULL CHECK (offset_min > 0),
  due_at INTEGER NOT NULL,
  webhook TEXT NOT NULL,
  priority INTEGER NOT NULL DEFAULT 0 CHECK (priority IN (0, 1)),
  status TEXT NOT NULL CHECK (status IN ('scheduled', 'sent', 'skipped', 'cancelled', 'failed')),
  last_error TEXT NOT NULL DEFAULT '',
  discord_message_id TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  sent_at INTEGER,
  UNIQUE (site, notice_id, opening_kind, opening_label, opening_at, offset_min),
  FOREIGN KEY (site, notice_id) REFERENCES tickets(site, id) ON DELETE CASCADE
);
CREATE INDEX reminders_due ON reminders(status, webhook, due_at);

-- The calendar's memory of each timed opening: a stable key (kind, label, n-th of that kind and
-- label), the instant, how often it changed (SEQUENCE), when, and whether it was withdrawn.
CREATE TABLE calendar_events (
  site TEXT NOT NULL,
  notice_id TEXT NOT NULL,
  opening_key TEXT NOT NULL,
  kind TEXT NOT NULL,
  label TEXT NOT NULL DEFAULT '',
  at_epoch INTEGER NOT NULL,
  sequence INTEGER NOT NULL DEFAULT 0,
  modified_at INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('confirmed', 'cancelled')),
  PRIMARY KEY (site, notice_id, opening_key),
  FOREIGN KEY (site, notice_id) REFERENCES tickets(site, id) ON DELETE CASCADE
);
CREATE INDEX calendar_events_at ON calendar_events(at_epoch);
INSERT INTO calendar_events (site, notice_id, opening_key, kind, label, at_epoch, modified_at, status)
  SELECT o.site, o.notice_id, o.kind || '|' || o.label || '|' ||
           (SELECT COUNT(*) FROM openings p WHERE p.site = o.site AND p.notice_id = o.notice_id AND p.kind = o.kind
              AND p.label = o.label AND p.at_epoch IS NOT NULL AND p.seq < o.seq),
         o.kind, o.label, o.at_epoch, t.last_seen, 'confirmed'
  FROM openings o JOIN tickets t ON t.site = o.site AND t.id = o.notice_id WHERE o.at_epoch IS NOT NULL;
)sql";

// v5: whether a notice is still on its site's list is a word, not an inference from last_seen:
// listed, withdrawn (gone for several complete crawls while an opening was ahead), cancelled (the
// site said so) or superseded (a change notice of the site carries its schedule now); with the
// count of complete crawls it has been missing from and the site's own mark (site_mark.h).
// Deliveries gain the kind 'cancel' (rebuilt: SQLite cannot change a CHECK in place).
static const char* const kListingV5 = R"sql(
ALTER TABLE tickets ADD COLUMN listing TEXT NOT NULL DEFAULT 'listed'
  CHECK (listing IN ('listed', 'withdrawn', 'cancelled', 'superseded'));
ALTER TABLE tickets ADD COLUMN missing_crawls INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN site_mark TEXT NOT NULL DEFAULT 'none'
  CHECK (site_mark IN ('none', 'changed', 'cancelled'));

CREATE TABLE deliveries_v5 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  site TEXT,
  ticket_id TEXT,
  webhook TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('new', 'update', 'cancel', 'test', 'summary')),
  status TEXT NOT NULL CHECK (status IN ('pending', 'deferred', 'retry', 'sent', 'failed', 'stale')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  discord_message_id TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  sent_at INTEGER,
  payload TEXT NOT NULL,
  previous TEXT,
  priority INTEGER NOT NULL DEFAULT 0 CHECK (priority IN (0, 1)),
  FOREIGN KEY (site, ticket_id) REFERENCES tickets(site, id) ON DELETE CASCADE
);
INSERT INTO deliveries_v5 SELECT id, site, ticket_id, webhook, kind, status, attempts, next_attempt_at, last_error,
  discord_message_id, created_at, sent_at, payload, previous, priority FROM deliveries;
DROP TABLE deliveries;
ALTER TABLE deliveries_v5 RENAME TO deliveries;
CREATE INDEX deliveries_due ON deliveries(status, webhook, next_attempt_at);
CREATE INDEX deliveries_ticket ON deliveries(site, ticket_id);
)sql";

// v6: the canary's verdict per site (site_health.h) and what the ops channel was last told, so
// a restart neither repeats nor loses the one "broken" / "recovered" message.
static const char* const kSiteHealthV6 = R"sql(
CREATE TABLE site_health (
  site TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('healthy', 'broken')),
  reason TEXT NOT NULL DEFAULT '',
  strategy TEXT NOT NULL DEFAULT '',
  since INTEGER NOT NULL,
  suspicious_crawls INTEGER NOT NULL DEFAULT 0,
  told TEXT NOT NULL DEFAULT 'healthy' CHECK (told IN ('healthy', 'broken')),
  -- Item counts of the last ten crawls that looked like the site (a JSON array): "usual" comes
  -- from these, so a broken stretch never becomes the new normal.
  baseline TEXT NOT NULL DEFAULT '[]'
);
)sql";

// v7: several channels (config routes). Every delivery and reminder names the route it is for,
// so a route whose webhook is replaced takes its own waiting messages along and no other's;
// what was queued before is the old keys' route ('default'). A reminder is once per (opening,
// offset, route). Deliveries gain the kind 'also': the same show opening on another site, told
// by editing the first alert or in a short follow-up (rebuilt for the CHECK, ids kept).
static const char* const kRoutesV7 = R"sql(
CREATE TABLE deliveries_v7 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  site TEXT,
  ticket_id TEXT,
  webhook TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('new', 'update', 'cancel', 'test', 'summary', 'also')),
  status TEXT NOT NULL CHECK (status IN ('pending', 'deferred', 'retry', 'sent', 'failed', 'stale')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  discord_message_id TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  sent_at INTEGER,
  payload TEXT NOT NULL,
  previous TEXT,
  priority INTEGER NOT NULL DEFAULT 0 CHECK (priority IN (0, 1)),
  route TEXT NOT NULL DEFAULT 'default',
  FOREIGN KEY (site, ticket_id) REFERENCES tickets(site, id) ON DELETE CASCADE
);
INSERT INTO deliveries_v7 SELECT id, site, ticket_id, webhook, kind, status, attempts, next_attempt_at, last_error,
  discord_message_id, created_at, sent_at, payload, previous, priority, 'default' FROM deliveries;
DROP TABLE deliveries;
ALTER TABLE deliveries_v7 RENAME TO deliveries;
CREATE INDEX deliveries_due ON deliveries(status, webhook, next_attempt_at);
CREATE INDEX deliveries_ticket ON deliveries(site, ticket_id);

CREATE TABLE reminders_v7 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  site TEXT NOT NULL,
  notice_id TEXT NOT NULL,
  opening_kind TEXT NOT NULL,
  opening_label TEXT NOT NULL DEFAULT '',
  opening_at INTEGER NOT NULL,
  offset_min INTEGER NOT NULL CHECK (offset_min > 0),
  due_at INTEGER NOT NULL,
  webhook TEXT NOT NULL,
  priority INTEGER NOT NULL DEFAULT 0 CHECK (priority IN (0, 1)),
  status TEXT NOT NULL CHECK (status IN ('scheduled', 'sent', 'skipped', 'cancelled', 'failed')),
  last_error TEXT NOT NULL DEFAULT '',
  discord_message_id TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  sent_at INTEGER,
  route TEXT NOT NULL DEFAULT 'default',
  UNIQUE (site, notice_id, opening_kind, opening_label, opening_at, offset_min, route),
  FOREIGN KEY (site, notice_id) REFERENCES tickets(site, id) ON DELETE CASCADE
);
INSERT INTO reminders_v7 SELECT id, site, notice_id, opening_kind, opening_label, opening_at, offset_min, due_at,
  webhook, priority, status, last_error, discord_message_id, created_at, sent_at, 'default' FROM reminders;
DROP TABLE reminders;
ALTER TABLE reminders_v7 RENAME TO reminders;
CREATE INDEX reminders_due ON reminders(status, webhook, due_at);
)sql";

const std::vector<Migration>& store_migrations() {
  static const std::vector<Migration> migrations = {
      {1, "initial schema", kSchemaV1},
      {2, "openings, detail state and delivery priority", kOpeningsV2},
      {3, "delivery states (deferred, retry, stale) and the first-run summary", kDeliveryStatesV3},
      {4, "reminders and the calendar's openings", kRemindersV4},
      {5, "a notice's listing (withdrawn, cancelled) and cancel messages", kListingV5},
      {6, "the canary's verdict per site", kSiteHealthV6},
      {7, "routes: a delivery and a reminder per channel; the same show on another site", kRoutesV7},
  };
  return migrations;
}

int schema_version(Database& db) { return static_cast<int>(db.query_int("PRAGMA user_version")); }

int apply_migrations(Database& db, const std::vector<Migration>& migrations) {
  const int target = migrations.empty() ? 0 : migrations.back().version;
  if (schema_version(db) > target)
    throw StoreError("migrate " + db.path(), "database schema v" + std::to_string(schema_version(db)) +
                                                 " is newer than this program (v" + std::to_string(target) +
                                                 "); use a newer ticket-alarm");
  int applied = 0;
  for (const auto& m : migrations) {
    // Up-to-date databases must open without taking the write lock.
    if (schema_version(db) >= m.version) continue;
    Transaction tx(db);
    // Read again under the write lock: another process may have migrated since we looked.
    if (schema_version(db) >= m.version) continue;
    db.exec(m.sql);
    db.exec("PRAGMA user_version = " + std::to_string(m.version));
    tx.commit();
    ++applied;
    logger("store")->info("저장소 스키마 v{} 적용: {}", m.version, m.name);
  }
  return applied;
}

}  // namespace ta
