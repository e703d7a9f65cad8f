#pragma once
// One queued Discord message. The row is written in the same transaction that discovered the
// ticket, so a crash between crawling and sending leaves it pending instead of losing it.
#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "model/ticket.h"

namespace ta {

// cancel: the notice was withdrawn from the site's list, or the site posted that the show or its
// sale is cancelled; told once to the fans who got its alert. also: a show already announced from
// another site opens here too (same_show.h): the first alert is edited to list this site, or a
// short follow-up says so — never a second full alert.
enum class DeliveryKind { New, Update, Cancel, Test, Summary, Also };
// Where a delivery is in its life, stored as a word (never inferred from timestamps):
//   pending  — due now;
//   deferred — held back by max_notifications_per_cycle, due when the next cycle starts;
//   retry    — an attempt failed or was rate limited, due at next_attempt_at;
//   sent, failed (given up) and stale (every opening had passed when it would have gone out,
//   so it was never sent) are final.
enum class DeliveryState { Pending, Deferred, Retry, Sent, Failed, Stale };

// The states still waiting to go out, as an SQL list.
constexpr const char* kWaitingStatesSql = "('pending', 'deferred', 'retry')";
bool is_waiting(DeliveryState status);
// A message about one notice (new, update, cancel, also), as opposed to a test or a summary.
bool is_alert(DeliveryKind kind);

// The words stored in the database: new | update | cancel | test | summary | also, and the states
// above.
const char* to_string(DeliveryKind kind);
const char* to_string(DeliveryState status);
DeliveryKind delivery_kind_from_string(const std::string& text);
DeliveryState delivery_state_from_string(const std::string& text);

struct Delivery {
  std::int64_t id = 0;
  std::string site;       // empty for test messages; the site of a first-run summary
  std::string ticket_id;  // empty for test and summary messages
  std::string webhook;    // webhook_key(); "" = queued while no webhook was configured
  std::string route = "default";  // the configured route (channel) it is for
  DeliveryKind kind = DeliveryKind::New;
  DeliveryState status = DeliveryState::Pending;
  int attempts = 0;
  std::time_t next_attempt_at = 0;
  std::time_t created_at = 0;
  std::optional<std::time_t> sent_at;
  std::string last_error;
  std::string discord_message_id;
  Ticket ticket;                  // the ticket as it was when queued (what the message says)
  std::vector<Ticket> summary;    // summary messages only: the notices the summary counts
  // update: the stored ticket before the change; update/cancel from a site's change notice: the
  // notice it is about, when one was found; also: the other site's notice first announced
  std::optional<Ticket> previous;
};

}  // namespace ta
