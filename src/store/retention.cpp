#include "log/log.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace ta {

RetentionResult Store::apply_retention(std::time_t now, int retention_days) {
  RetentionResult out;
  if (retention_days <= 0) return out;  // 0 = keep everything
  std::lock_guard<std::mutex> lock(mutex_);
  const auto cutoff = static_cast<std::int64_t>(now) - static_cast<std::int64_t>(retention_days) * 86400;
  // A pending delivery still has to go out, and its ticket row is what stops a re-crawl from
  // queueing it a second time, so such tickets stay whatever their age.
  const std::string expired =
      "SELECT site, id FROM tickets t WHERE t.last_seen < :cutoff AND NOT EXISTS (SELECT 1 FROM deliveries d "
      "WHERE d.site = t.site AND d.ticket_id = t.id AND d.status IN " + std::string(kWaitingStatesSql) + ")";
  Transaction tx(*db_);
  {
    Statement q(*db_, std::string("DELETE FROM deliveries WHERE status NOT IN ") + kWaitingStatesSql +
                          " AND (site, ticket_id) IN (" + expired + ")");
    q.bind(":cutoff", cutoff);
    q.run();
    out.deliveries_deleted += db_->changes();
  }
  {
    Statement q(*db_, "DELETE FROM tickets WHERE (site, id) IN (" + expired + ")");
    q.bind(":cutoff", cutoff);
    q.run();
    out.tickets_deleted = db_->changes();
  }
  {
    Statement q(*db_, std::string("DELETE FROM deliveries WHERE ticket_id IS NULL AND status NOT IN ") +
                          kWaitingStatesSql + " AND created_at < ?");
    q.bind(1, cutoff);
    q.run();
    out.deliveries_deleted += db_->changes();
  }
  {
    // The old tool's alerts: once both the alert and its opening are past the retention, no
    // crawl can be that notice any more.
    Statement q(*db_,
                "DELETE FROM announced WHERE source = 'legacy' AND announced_at < ? AND "
                "(open_at IS NULL OR CAST(strftime('%s', open_at) AS INTEGER) < ?)");
    q.bind(1, cutoff).bind(2, cutoff);
    q.run();
    out.legacy_deleted = db_->changes();
  }
  {
    // The newest success and the newest failure per site feed site_status(), however old.
    Statement q(*db_,
                "DELETE FROM cycles WHERE started_at < ? AND id NOT IN "
                "(SELECT MAX(id) FROM cycles GROUP BY site, error = '')");
    q.bind(1, cutoff);
    q.run();
    out.cycles_deleted = db_->changes();
  }
  tx.commit();
  if (out.tickets_deleted || out.deliveries_deleted || out.cycles_deleted || out.legacy_deleted)
    logger("store")->info("보관 기간 {}일 지난 기록 정리: 공지 {}건, 알림 {}건, 수집 기록 {}건, 예전 도구 기록 {}건", retention_days,
                          out.tickets_deleted, out.deliveries_deleted, out.cycles_deleted, out.legacy_deleted);
  return out;
}

}  // namespace ta
