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

const char* to_string(DeliveryStatus status) {
  switch (status) {
    case DeliveryStatus::Pending: return "pending";
    case DeliveryStatus::Sent: return "sent";
    case DeliveryStatus::Failed: return "failed";
  }
  return "pending";
}

DeliveryKind delivery_kind_from_string(const std::string& text) {
  if (text == "new") return DeliveryKind::New;
  if (text == "update") return DeliveryKind::Update;
  if (text == "test") return DeliveryKind::Test;
  throw StoreError("read delivery kind", "unknown kind '" + text + "'");
}

DeliveryStatus delivery_status_from_string(const std::string& text) {
  if (text == "pending") return DeliveryStatus::Pending;
  if (text == "sent") return DeliveryStatus::Sent;
  if (text == "failed") return DeliveryStatus::Failed;
  throw StoreError("read delivery status", "unknown status '" + text + "'");
}

}  // namespace ta
