#include <limits>

#include "log/log.h"
#include "store/announced_lookup.h"
#include "store/daily_stats.h"
#include "store/first_run.h"
#include "store/delivery_rows.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace ta {

const char* const kDeliveryColumns =
    "id, site, ticket_id, webhook, kind, status, attempts, next_attempt_at, created_at, sent_at, last_error, "
    "discord_message_id, payload, previous, route";

static nlohmann::json object_from_text(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  return j.is_object() ? j : nlohmann::json::object();
}

static Ticket ticket_from_text(const std::string& text) { return ticket_from_json(object_from_text(text)); }

Delivery read_delivery(const Statement& q) {
  Delivery d;
  d.id = q.column_int(0);
  d.site = q.column_text(1);
  d.ticket_id = q.column_text(2);
  d.webhook = q.column_text(3);
  d.kind = delivery_kind_from_string(q.column_text(4));
  d.status = delivery_state_from_string(q.column_text(5));
  d.attempts = static_cast<int>(q.column_int(6));
  d.next_attempt_at = static_cast<std::time_t>(q.column_int(7));
  d.created_at = static_cast<std::time_t>(q.column_int(8));
  if (auto sent = q.column_optional_int(9)) d.sent_at = static_cast<std::time_t>(*sent);
  d.last_error = q.column_text(10);
  d.discord_message_id = q.column_text(11);
  const nlohmann::json payload = object_from_text(q.column_text(12));
  d.ticket = ticket_from_json(payload);
  if (d.kind == DeliveryKind::Summary) d.summary = summary_notices(payload);
  if (auto previous = q.column_optional_text(13)) d.previous = ticket_from_text(*previous);
  d.route = q.column_text(14);
  return d;
}

namespace {

std::optional<Delivery> find_delivery(Database& db, std::int64_t id) {
  Statement q(db, std::string("SELECT ") + kDeliveryColumns + " FROM deliveries WHERE id = ?");
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  return read_delivery(q);
}

// Sent, failed and stale are final: writing a result over one would send or count it twice.
Delivery require_waiting(Database& db, std::int64_t id, const char* operation) {
  auto d = find_delivery(db, id);
  if (!d) throw StoreError(std::string(operation) + " #" + std::to_string(id), "no such delivery");
  if (!is_waiting(d->status))
    throw StoreError(std::string(operation) + " #" + std::to_string(id),
                     std::string("delivery is already ") + to_string(d->status));
  return *d;
}

}  // namespace

std::vector<Delivery> Store::due_deliveries(const std::string& webhook_key, std::time_t now, int limit) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement q(*db_, std::string("SELECT ") + kDeliveryColumns +
                        " FROM deliveries WHERE webhook = ? AND status IN ('pending', 'retry') AND next_attempt_at <= ? "
                        "ORDER BY priority DESC, created_at, id LIMIT ?");
  q.bind(1, webhook_key).bind(2, static_cast<std::int64_t>(now)).bind(3, limit);
  std::vector<Delivery> out;
  while (q.step()) out.push_back(read_delivery(q));
  return out;
}

std::optional<std::time_t> Store::next_retry_at(const std::string& webhook_key) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement q(*db_, "SELECT MIN(next_attempt_at) FROM deliveries WHERE status = 'retry' AND webhook = ?");
  q.bind(1, webhook_key);
  if (!q.step()) return std::nullopt;
  auto at = q.column_optional_int(0);
  if (!at) return std::nullopt;
  return static_cast<std::time_t>(*at);
}

void Store::defer_deliveries(const std::vector<std::int64_t>& ids) {
  std::lock_guard<std::mutex> lock(mutex_);
  Transaction tx(*db_);
  Statement q(*db_, "UPDATE deliveries SET status = 'deferred' WHERE id = ? AND status = 'pending'");
  for (std::int64_t id : ids) {
    q.reset();
    q.bind(1, id);
    q.run();
  }
  tx.commit();
}

int Store::release_deferred(const std::string& webhook_key) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement q(*db_, "UPDATE deliveries SET status = 'pending' WHERE status = 'deferred' AND webhook = ?");
  q.bind(1, webhook_key);
  q.run();
  return db_->changes();
}

std::vector<Delivery> Store::recent_changes(int limit) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement q(*db_, std::string("SELECT ") + kDeliveryColumns +
                        " FROM deliveries WHERE kind IN ('update', 'cancel') AND status <> 'stale' ORDER BY id DESC LIMIT ?");
  q.bind(1, static_cast<std::int64_t>(limit));
  std::vector<Delivery> out;
  while (q.step()) out.push_back(read_delivery(q));
  return out;
}

std::optional<Delivery> Store::delivery(std::int64_t id) {
  std::lock_guard<std::mutex> lock(mutex_);
  return find_delivery(*db_, id);
}

std::int64_t Store::queue_test_delivery(const std::string& webhook_key, const Ticket& sample, std::time_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  // No site/ticket_id: a test message belongs to no ticket and must never mark one announced.
  Statement q(*db_,
              "INSERT INTO deliveries (site, ticket_id, webhook, kind, status, attempts, next_attempt_at, created_at, "
              "payload) VALUES (NULL, NULL, ?, 'test', 'pending', 0, ?, ?, ?)");
  q.bind(1, webhook_key).bind(2, static_cast<std::int64_t>(now)).bind(3, static_cast<std::int64_t>(now));
  q.bind(4, to_json(sample).dump());
  q.run();
  return db_->last_insert_rowid();
}

int Store::adopt_pending_deliveries(const std::string& route, const std::string& webhook_key) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement q(*db_, std::string("UPDATE deliveries SET webhook = ? WHERE status IN ") + kWaitingStatesSql +
                        " AND route = ? AND webhook <> ?");
  q.bind(1, webhook_key).bind(2, route).bind(3, webhook_key);
  q.run();
  const int moved = db_->changes();
  if (moved > 0) logger("store")->info("대기 중인 알림 {}건을 경로 {}의 현재 웹훅으로 옮김", moved, route);
  Statement reminders(*db_, "UPDATE reminders SET webhook = ? WHERE status = 'scheduled' AND route = ? AND webhook <> ?");
  reminders.bind(1, webhook_key).bind(2, route).bind(3, webhook_key);
  reminders.run();
  return moved;
}

void Store::mark_sent(std::int64_t id, const std::string& discord_message_id, std::time_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  Transaction tx(*db_);
  const Delivery d = require_waiting(*db_, id, "mark_sent");
  Statement q(*db_,
              "UPDATE deliveries SET status = 'sent', attempts = attempts + 1, sent_at = ?, discord_message_id = ?, "
              "last_error = '' WHERE id = ?");
  q.bind(1, static_cast<std::int64_t>(now)).bind(2, discord_message_id).bind(3, id);
  q.run();
  if (is_alert(d.kind)) {
    // A cancel leaves what the fans were told about the schedule as it was.
    if (d.kind != DeliveryKind::Cancel) {
      Ticket told = d.ticket;
      told.site = d.site;
      told.id = d.ticket_id;
      remember_sent(*db_, told, now);
    }
    DailyDelta delta;
    delta.sent = 1;
    bump_daily_stats(*db_, now, d.site, delta);
  }
  tx.commit();
}

void Store::mark_retry(std::int64_t id, const std::string& error, std::time_t next_attempt_at, bool count_attempt) {
  std::lock_guard<std::mutex> lock(mutex_);
  Transaction tx(*db_);
  require_waiting(*db_, id, "mark_retry");
  Statement q(*db_,
              "UPDATE deliveries SET status = 'retry', attempts = attempts + ?, last_error = ?, next_attempt_at = ? "
              "WHERE id = ?");
  q.bind(1, count_attempt ? 1 : 0).bind(2, error).bind(3, static_cast<std::int64_t>(next_attempt_at)).bind(4, id);
  q.run();
  tx.commit();
}

void Store::mark_failed(std::int64_t id, const std::string& error, std::time_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  Transaction tx(*db_);
  const Delivery d = require_waiting(*db_, id, "mark_failed");
  Statement q(*db_, "UPDATE deliveries SET status = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?");
  q.bind(1, error).bind(2, id);
  q.run();
  if (is_alert(d.kind)) {
    DailyDelta delta;
    delta.failed = 1;
    bump_daily_stats(*db_, now, d.site, delta);
  }
  tx.commit();
}

void Store::mark_stale(std::int64_t id, const std::string& reason) {
  std::lock_guard<std::mutex> lock(mutex_);
  Transaction tx(*db_);
  require_waiting(*db_, id, "mark_stale");
  Statement q(*db_, "UPDATE deliveries SET status = 'stale', last_error = ? WHERE id = ?");
  q.bind(1, reason).bind(2, id);
  q.run();
  tx.commit();
}

std::int64_t Store::pending_count() {
  std::lock_guard<std::mutex> lock(mutex_);
  return db_->query_int(std::string("SELECT COUNT(*) FROM deliveries WHERE status IN ") + kWaitingStatesSql);
}

std::map<std::string, std::int64_t> Store::counts_by_status() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::map<std::string, std::int64_t> out;
  for (auto s : {DeliveryState::Pending, DeliveryState::Deferred, DeliveryState::Retry, DeliveryState::Sent,
                 DeliveryState::Failed, DeliveryState::Stale})
    out[to_string(s)] = 0;
  Statement q(*db_, "SELECT status, COUNT(*) FROM deliveries GROUP BY status");
  while (q.step()) out[q.column_text(0)] = q.column_int(1);
  return out;
}

}  // namespace ta
