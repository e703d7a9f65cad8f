#pragma once
// Reading `deliveries` rows, shared by the queue and the route queries.
#include "store/delivery.h"
#include "store/sqlite.h"

namespace ta {

// The columns read_delivery expects, in order.
extern const char* const kDeliveryColumns;
Delivery read_delivery(const Statement& q);

}  // namespace ta
