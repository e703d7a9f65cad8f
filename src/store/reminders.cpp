#include <set>
#include <tuple>

#include "normalize/kst_time.h"
#include "store/reminder_rows.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "store/store_error.h"

namespace ta {

const char* to_string(ReminderState state) {
  switch (state) {
    case ReminderState::Scheduled: return "scheduled";
    case ReminderState::Sent: return "sent";
    case ReminderState::Skipped: return "skipped";
    case ReminderState::Cancelled: return "cancelled";
    case ReminderState::Failed: return "failed";
  }
  return "scheduled";
}

ReminderState reminder_state_from_string(const std::string& text) {
  if (text == "scheduled") return ReminderState::Scheduled;
  if (text == "sent") return ReminderState::Sent;
  if (text == "skipped") return ReminderState::Skipped;
  if (text == "cancelled") return ReminderState::Cancelled;
  if (text == "failed") return ReminderState::Failed;
  throw StoreError("read reminder status", "unknown status '" + text + "'");
}

namespace {

using OpeningKey = std::tuple<std::string, std::string, std::int64_t, int>;  // kind, label, at, offset

// Every (opening, offset) the notice's timed openings call for, whatever its moment.
std::set<OpeningKey> wanted_reminders(const Ticket& t, const std::vector<int>& offsets) {
  std::set<OpeningKey> out;
  for (const auto& o : t.openings) {
    const auto at = o.at ? parse_iso(*o.at) : std::nullopt;
    if (!at) continue;
    for (int offset : offsets) out.insert({o.kind, o.label, static_cast<std::int64_t>(*at), offset});
  }
  return out;
}

constexpr const char* kReminderColumns =
    "r.id, r.site, r.notice_id, r.opening_kind, r.opening_label, r.opening_at, r.offset_min, r.due_at, r.webhook, "
    "r.priority, r.status, t.title, t.url, t.site_name, r.route";

Reminder read_reminder(const Statement& q) {
  Reminder r;
  r.id = q.column_int(0);
  r.site = q.column_text(1);
  r.notice_id = q.column_text(2);
  r.opening_kind = q.column_text(3);
  r.opening_label = q.column_text(4);
  r.opening_at = static_cast<std::time_t>(q.column_int(5));
  r.offset_min = static_cast<int>(q.column_int(6));
  r.due_at = static_cast<std::time_t>(q.column_int(7));
  r.webhook = q.column_text(8);
  r.priority = q.column_int(9) != 0;
  r.status = reminder_state_from_string(q.column_text(10));
  r.title = q.column_text(11);
  r.url = q.column_text(12);
  r.site_name = q.column_text(13);
  r.route = q.column_text(14);
  return r;
}

}  // namespace

void sync_reminders(Database& db, const Ticket& t, const ReminderPolicy& policy, std::time_t now) {
  // A scheduled reminder stays while its opening does, even once due (the sender has it in hand).
  const auto wanted = policy.wanted ? wanted_reminders(t, policy.offsets) : std::set<OpeningKey>{};
  Statement scheduled(db,
                      "SELECT id, opening_kind, opening_label, opening_at, offset_min FROM reminders "
                      "WHERE site = ? AND notice_id = ? AND route = ? AND status = 'scheduled'");
  scheduled.bind(1, t.site).bind(2, t.id).bind(3, policy.route);
  std::vector<std::int64_t> cancelled;
  while (scheduled.step()) {
    const OpeningKey key{scheduled.column_text(1), scheduled.column_text(2), scheduled.column_int(3),
                         static_cast<int>(scheduled.column_int(4))};
    if (!wanted.count(key)) cancelled.push_back(scheduled.column_int(0));
  }
  Statement cancel(db, "UPDATE reminders SET status = 'cancelled' WHERE id = ?");
  for (std::int64_t id : cancelled) {
    cancel.reset();
    cancel.bind(1, id);
    cancel.run();
  }
  // Once per (opening, offset): a row already sent or skipped stays so; one cancelled earlier
  // (the opening moved away and back) is scheduled again.
  Statement insert(db,
                   "INSERT INTO reminders (site, notice_id, opening_kind, opening_label, opening_at, offset_min, due_at, "
                   "webhook, priority, status, created_at, route) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'scheduled', ?, ?) "
                   "ON CONFLICT (site, notice_id, opening_kind, opening_label, opening_at, offset_min, route) DO UPDATE SET "
                   "status = 'scheduled', webhook = excluded.webhook, priority = excluded.priority "
                   "WHERE reminders.status = 'cancelled'");
  for (const auto& [kind, label, at, offset] : wanted) {
    // A reminder whose moment passed before this crawl would only arrive late: none is made.
    if (at - static_cast<std::int64_t>(offset) * 60 < static_cast<std::int64_t>(now)) continue;
    insert.reset();
    insert.bind(1, t.site).bind(2, t.id).bind(3, kind).bind(4, label).bind(5, at).bind(6, offset);
    insert.bind(7, at - static_cast<std::int64_t>(offset) * 60).bind(8, policy.webhook_key);
    insert.bind(9, static_cast<std::int64_t>(policy.priority ? 1 : 0)).bind(10, static_cast<std::int64_t>(now));
    insert.bind(11, policy.route);
    insert.run();
  }
}

void cancel_reminders_outside(Database& db, const std::string& site, const std::vector<std::string>& routes) {
  std::string placeholders;
  for (std::size_t i = 0; i < routes.size(); ++i) placeholders += i ? ", ?" : "?";
  Statement cancel(db, "UPDATE reminders SET status = 'cancelled' WHERE site = ? AND status = 'scheduled' AND route NOT IN (" +
                           placeholders + ")");
  cancel.bind(1, site);
  for (std::size_t i = 0; i < routes.size(); ++i) cancel.bind(static_cast<int>(i) + 2, routes[i]);
  cancel.run();
}

std::vector<Reminder> Store::due_reminders(const std::string& webhook_key, std::time_t now, int limit) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement q(*db_, std::string("SELECT ") + kReminderColumns +
                        " FROM reminders r JOIN tickets t ON t.site = r.site AND t.id = r.notice_id "
                        "WHERE r.status = 'scheduled' AND r.webhook = ? AND r.due_at <= ? ORDER BY r.due_at, r.id LIMIT ?");
  q.bind(1, webhook_key).bind(2, static_cast<std::int64_t>(now)).bind(3, limit);
  std::vector<Reminder> out;
  while (q.step()) out.push_back(read_reminder(q));
  return out;
}

std::vector<Reminder> Store::scheduled_reminders(std::time_t from, int limit) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement q(*db_, std::string("SELECT ") + kReminderColumns +
                        " FROM reminders r JOIN tickets t ON t.site = r.site AND t.id = r.notice_id "
                        "WHERE r.status = 'scheduled' AND r.due_at >= ? ORDER BY r.due_at, r.id LIMIT ?");
  q.bind(1, static_cast<std::int64_t>(from)).bind(2, limit);
  std::vector<Reminder> out;
  while (q.step()) out.push_back(read_reminder(q));
  return out;
}

std::optional<std::time_t> Store::next_reminder_at(const std::string& webhook_key) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement q(*db_, "SELECT MIN(due_at) FROM reminders WHERE status = 'scheduled' AND webhook = ?");
  q.bind(1, webhook_key);
  if (!q.step()) return std::nullopt;
  auto at = q.column_optional_int(0);
  if (!at) return std::nullopt;
  return static_cast<std::time_t>(*at);
}

void Store::mark_reminder(std::int64_t id, ReminderState state, const std::string& detail, std::time_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement q(*db_,
              "UPDATE reminders SET status = ?, sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END, "
              "discord_message_id = CASE WHEN ? = 'sent' THEN ? ELSE discord_message_id END, "
              "last_error = CASE WHEN ? = 'sent' THEN '' ELSE ? END WHERE id = ? AND status = 'scheduled'");
  const std::string word = to_string(state);
  q.bind(1, word).bind(2, word).bind(3, static_cast<std::int64_t>(now)).bind(4, word).bind(5, detail);
  q.bind(6, word).bind(7, detail).bind(8, id);
  q.run();
  if (db_->changes() != 1)
    throw StoreError("mark_reminder #" + std::to_string(id), "no scheduled reminder with this id");
}

std::map<std::string, std::int64_t> Store::reminder_counts() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::map<std::string, std::int64_t> out;
  for (auto s : {ReminderState::Scheduled, ReminderState::Sent, ReminderState::Skipped, ReminderState::Cancelled,
                 ReminderState::Failed})
    out[to_string(s)] = 0;
  Statement q(*db_, "SELECT status, COUNT(*) FROM reminders GROUP BY status");
  while (q.step()) out[q.column_text(0)] = q.column_int(1);
  return out;
}

}  // namespace ta
