#include "store/delivery.h"

#include "store/store_error.h"

namespace ta {

const char* to_string(DeliveryKind kind) {
  switch (kind) {
    case DeliveryKind::New: return "new";
    case DeliveryKind::Update: return "update";
    case DeliveryKind::Test: return "test";
  }
  return "new";
}

const char* to_string(DeliveryState status) {
  switch (status) {
    case DeliveryState::Pending: return "pending";
    case DeliveryState::Sent: return "sent";
    case DeliveryState::Failed: return "failed";
  }
  return "pending";
}

DeliveryKind delivery_kind_from_string(const std::string& text) {
  if (text == "new") return DeliveryKind::New;
  if (text == "update") return DeliveryKind::Update;
  if (text == "test") return DeliveryKind::Test;
  throw StoreError("read delivery kind", "unknown kind '" + text + "'");
}

DeliveryState delivery_state_from_string(const std::string& text) {
  if (text == "pending") return DeliveryState::Pending;
  if (text == "sent") return DeliveryState::Sent;
  if (text == "failed") return DeliveryState::Failed;
  throw StoreError("read delivery status", "unknown status '" + text + "'");
}

}  // namespace ta
