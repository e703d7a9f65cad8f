#include "store/sqlite.h"
#include "store/store.h"

namespace ta {
namespace {

void set_status(Database& db, const std::string& key, const char* status, const std::string& error, std::time_t now) {
  Statement q(db,
              "INSERT INTO webhooks (key, status, last_error, updated_at) VALUES (?, ?, ?, ?) "
              "ON CONFLICT(key) DO UPDATE SET status = excluded.status, last_error = excluded.last_error, "
              "updated_at = excluded.updated_at");
  q.bind(1, key).bind(2, status).bind(3, error).bind(4, static_cast<std::int64_t>(now));
  q.run();
}

}  // namespace

void Store::set_webhook_dead(const std::string& key, const std::string& error, std::time_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  set_status(*db_, key, "dead", error, now);
}

void Store::set_webhook_ok(const std::string& key, std::time_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  set_status(*db_, key, "ok", "", now);
}

std::optional<WebhookState> Store::webhook_status(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement q(*db_, "SELECT status, last_error, updated_at FROM webhooks WHERE key = ?");
  q.bind(1, key);
  if (!q.step()) return std::nullopt;
  return WebhookState{q.column_text(0), q.column_text(1), static_cast<std::time_t>(q.column_int(2))};
}

}  // namespace ta
