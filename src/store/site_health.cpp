#include "store/site_health.h"

#include <algorithm>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/sqlite.h"
#include "store/store.h"

namespace ta {
namespace {

constexpr std::size_t kBaselineSize = 10;

// A site judged for the first time (an upgraded store) starts from its recorded crawls.
std::vector<int> baseline_from_cycles(Database& db, const std::string& site) {
  Statement q(db, "SELECT items FROM cycles WHERE site = ? AND error = '' ORDER BY started_at DESC, id DESC LIMIT 10");
  q.bind(1, site);
  std::vector<int> items;
  while (q.step()) items.insert(items.begin(), static_cast<int>(q.column_int(0)));
  return items;
}

// The usual number of items: the median of the baseline, once it holds five crawls.
std::optional<int> usual_items(std::vector<int> baseline) {
  if (baseline.size() < 5) return std::nullopt;
  std::sort(baseline.begin(), baseline.end());
  return baseline[baseline.size() / 2];
}

// Why this crawl looks wrong, or "" when it looks like the site.
std::string suspicion(const CrawlShape& shape, std::optional<int> usual) {
  if (shape.extraction_failed) return "추출 결과 없음 — " + shape.error;
  if (!shape.ok) return "";
  if (usual && *usual >= 10 && shape.items * 5 < *usual)
    return "공지 " + std::to_string(shape.items) + "건 — 보통 " + std::to_string(*usual) + "건에서 80% 넘게 줄었습니다";
  const int seen = shape.items + shape.untitled;
  const int incomplete = shape.untitled + shape.without_opening;
  if (seen >= 5 && incomplete * 5 >= seen * 4)
    return "공지 " + std::to_string(seen) + "건 중 " + std::to_string(incomplete) + "건에 제목이나 오픈 일정이 없습니다";
  return "";
}

SiteHealth read_health(const Statement& q) {
  SiteHealth h;
  h.site = q.column_text(0);
  h.broken = q.column_text(1) == "broken";
  h.reason = q.column_text(2);
  h.strategy = q.column_text(3);
  h.since = static_cast<std::time_t>(q.column_int(4));
  h.suspicious_crawls = static_cast<int>(q.column_int(5));
  h.told_broken = q.column_text(6) == "broken";
  return h;
}

std::vector<int> baseline_of(const std::string& text) {
  std::vector<int> out;
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_array())
    for (const auto& n : j)
      if (n.is_number_integer()) out.push_back(n.get<int>());
  return out;
}

constexpr const char* kHealthColumns = "site, status, reason, strategy, since, suspicious_crawls, told, baseline";

}  // namespace

SiteVerdict Store::judge_site_health(const std::string& site, const CrawlShape& shape, std::time_t now, int after) {
  std::lock_guard<std::mutex> lock(mutex_);
  Transaction tx(*db_);
  SiteHealth h;
  h.site = site;
  h.since = now;
  Statement find(*db_, std::string("SELECT ") + kHealthColumns + " FROM site_health WHERE site = ?");
  find.bind(1, site);
  std::vector<int> baseline;
  if (find.step()) {
    h = read_health(find);
    baseline = baseline_of(find.column_text(7));
  } else {
    baseline = baseline_from_cycles(*db_, site);
  }

  const bool was_broken = h.broken;
  const std::string why = suspicion(shape, usual_items(baseline));
  if (!why.empty()) {
    ++h.suspicious_crawls;
    if (!h.broken && h.suspicious_crawls >= after) {
      h.broken = true;
      h.since = now;
    }
    if (h.broken) h.reason = "최근 " + std::to_string(h.suspicious_crawls) + "번 연속 " + why;
    if (!shape.strategy.empty()) h.strategy = shape.strategy;
  } else if (shape.ok) {
    h.suspicious_crawls = 0;
    if (h.broken) h.since = now;
    h.broken = false;
    h.reason = "공지 " + std::to_string(shape.items) + "건";
    h.strategy = shape.strategy;
    baseline.push_back(shape.items);
    if (baseline.size() > kBaselineSize) baseline.erase(baseline.begin());
  }
  Statement save(*db_,
                 "INSERT INTO site_health (site, status, reason, strategy, since, suspicious_crawls, told, baseline) "
                 "VALUES (?, ?, ?, ?, ?, ?, 'healthy', ?) ON CONFLICT (site) DO UPDATE SET status = excluded.status, "
                 "reason = excluded.reason, strategy = excluded.strategy, since = excluded.since, "
                 "suspicious_crawls = excluded.suspicious_crawls, baseline = excluded.baseline");
  save.bind(1, site).bind(2, std::string(h.broken ? "broken" : "healthy")).bind(3, h.reason).bind(4, h.strategy);
  save.bind(5, static_cast<std::int64_t>(h.since)).bind(6, static_cast<std::int64_t>(h.suspicious_crawls));
  save.bind(7, nlohmann::json(baseline).dump());
  save.run();
  tx.commit();
  return {h, h.broken != was_broken};
}

std::vector<SiteHealth> Store::site_health() {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement q(*db_, std::string("SELECT ") + kHealthColumns + " FROM site_health ORDER BY site");
  std::vector<SiteHealth> out;
  while (q.step()) out.push_back(read_health(q));
  return out;
}

void Store::mark_site_health_told(const std::string& site, bool broken) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement q(*db_, "UPDATE site_health SET told = ? WHERE site = ?");
  q.bind(1, std::string(broken ? "broken" : "healthy")).bind(2, site);
  q.run();
}

}  // namespace ta
