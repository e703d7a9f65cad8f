// What the store knows per route (channel): its counts for the dashboard, and the sent message a
// cross-site "also" edits.
#include "store/delivery_rows.h"
#include "store/store.h"

namespace ta {

std::vector<RouteCounts> Store::route_counts() {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement q(*db_,
              "SELECT route, "
              "(SELECT webhook FROM deliveries l WHERE l.route = d.route ORDER BY l.id DESC LIMIT 1), "
              "SUM(status IN ('pending', 'deferred', 'retry')), SUM(status = 'sent'), SUM(status = 'failed'), "
              "MAX(sent_at) FROM deliveries d WHERE kind <> 'test' GROUP BY route ORDER BY route");
  std::vector<RouteCounts> out;
  while (q.step()) {
    RouteCounts c;
    c.route = q.column_text(0);
    c.webhook = q.column_text(1);
    c.waiting = q.column_int(2);
    c.sent = q.column_int(3);
    c.failed = q.column_int(4);
    if (auto at = q.column_optional_int(5)) c.last_sent_at = static_cast<std::time_t>(*at);
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<Delivery> Store::sent_message_of(const std::string& route, const std::string& site, const std::string& id) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement alert(*db_,
                  "SELECT webhook, discord_message_id FROM deliveries WHERE route = ? AND site = ? AND ticket_id = ? "
                  "AND kind = 'new' AND status = 'sent' AND discord_message_id <> '' ORDER BY id LIMIT 1");
  alert.bind(1, route).bind(2, site).bind(3, id);
  if (!alert.step()) return {};
  const std::string webhook = alert.column_text(0);
  const std::string message_id = alert.column_text(1);
  Statement same(*db_, std::string("SELECT ") + kDeliveryColumns +
                           " FROM deliveries WHERE webhook = ? AND discord_message_id = ? AND kind <> 'also' ORDER BY id");
  same.bind(1, webhook).bind(2, message_id);
  std::vector<Delivery> out;
  while (same.step()) out.push_back(read_delivery(same));
  return out;
}

std::vector<Delivery> Store::sent_also_for(const std::string& route, const std::string& site, const std::string& id) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement q(*db_, std::string("SELECT ") + kDeliveryColumns +
                        " FROM deliveries WHERE route = ? AND kind = 'also' AND status = 'sent' "
                        "AND json_extract(previous, '$.site') = ? AND json_extract(previous, '$.id') = ? ORDER BY id");
  q.bind(1, route).bind(2, site).bind(3, id);
  std::vector<Delivery> out;
  while (q.step()) out.push_back(read_delivery(q));
  return out;
}

}  // namespace ta
