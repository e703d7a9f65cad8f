#include "store/sqlite.h"
#include "store/store.h"

namespace ta {

void Store::record_cycle(const CycleRecord& c) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement q(*db_,
              "INSERT INTO cycles (site, started_at, duration_ms, items, new_items, strategy, error) "
              "VALUES (?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, c.site).bind(2, static_cast<std::int64_t>(c.started_at)).bind(3, c.duration_ms).bind(4, c.items);
  q.bind(5, c.new_items).bind(6, c.strategy).bind(7, c.error);
  q.run();
}

}  // namespace ta
