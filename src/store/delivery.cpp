#include "store/delivery.h"

#include "store/store_error.h"

namespace ta {

const char* to_string(DeliveryKind kind) {
  switch (kind) {
    case DeliveryKind::New: return "new";
    case DeliveryKind::Update: return "update";
    case DeliveryKind::Cancel: return "cancel";
    case DeliveryKind::Test: return "test";
    case DeliveryKind::Summary: return "summary";
    case DeliveryKind::Also: return "also";
  }
  return "new";
}

const char* to_string(DeliveryState status) {
  switch (status) {
    case DeliveryState::Pending: return "pending";
    case DeliveryState::Deferred: return "deferred";
    case DeliveryState::Retry: return "retry";
    case DeliveryState::Sent: return "sent";
    case DeliveryState::Failed: return "failed";
    case DeliveryState::Stale: return "stale";
  }
  return "pending";
}

bool is_waiting(DeliveryState status) {
  return status == DeliveryState::Pending || status == DeliveryState::Deferred || status == DeliveryState::Retry;
}

bool is_alert(DeliveryKind kind) {
  return kind == DeliveryKind::New || kind == DeliveryKind::Update || kind == DeliveryKind::Cancel ||
         kind == DeliveryKind::Also;
}

DeliveryKind delivery_kind_from_string(const std::string& text) {
  if (text == "new") return DeliveryKind::New;
  if (text == "update") return DeliveryKind::Update;
  if (text == "cancel") return DeliveryKind::Cancel;
  if (text == "test") return DeliveryKind::Test;
  if (text == "summary") return DeliveryKind::Summary;
  if (text == "also") return DeliveryKind::Also;
  throw StoreError("read delivery kind", "unknown kind '" + text + "'");
}

DeliveryState delivery_state_from_string(const std::string& text) {
  if (text == "pending") return DeliveryState::Pending;
  if (text == "sent") return DeliveryState::Sent;
  if (text == "deferred") return DeliveryState::Deferred;
  if (text == "retry") return DeliveryState::Retry;
  if (text == "failed") return DeliveryState::Failed;
  if (text == "stale") return DeliveryState::Stale;
  throw StoreError("read delivery status", "unknown status '" + text + "'");
}

}  // namespace ta
