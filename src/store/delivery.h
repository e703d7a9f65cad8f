#pragma once
// One queued Discord message. The row is written in the same transaction that discovered the
// ticket, so a crash between crawling and sending leaves it pending instead of losing it.
#include <cstdint>
#include <ctime>
#include <optional>
#include <string>

#include "model/ticket.h"

namespace ta {

enum class DeliveryKind { New, Update, Test };
enum class DeliveryState { Pending, Sent, Failed };

// The words stored in the database: new | update | test, pending | sent | failed.
const char* to_string(DeliveryKind kind);
const char* to_string(DeliveryState status);
DeliveryKind delivery_kind_from_string(const std::string& text);
DeliveryState delivery_state_from_string(const std::string& text);

struct Delivery {
  std::int64_t id = 0;
  std::string site;       // empty for test messages
  std::string ticket_id;  // empty for test messages
  std::string webhook;    // webhook_key(); "" = queued while no webhook was configured
  DeliveryKind kind = DeliveryKind::New;
  DeliveryState status = DeliveryState::Pending;
  int attempts = 0;
  std::time_t next_attempt_at = 0;
  std::time_t created_at = 0;
  std::optional<std::time_t> sent_at;
  std::string last_error;
  std::string discord_message_id;
  Ticket ticket;                  // the ticket as it was when queued (what the message says)
  std::optional<Ticket> previous;  // updates only: the stored ticket before the change
};

}  // namespace ta
