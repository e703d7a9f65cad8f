// Store::details_wanted: which crawled notices are worth a detail page this crawl.
#include "model/opening.h"
#include "store/notice_identity.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "normalize/kst_time.h"

namespace ta {
namespace {

bool same_instant(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  if (!a || !b) return !a && !b;
  const auto ea = parse_iso(*a), eb = parse_iso(*b);
  return ea && eb ? *ea == *eb : *a == *b;
}

}  // namespace

std::vector<bool> Store::details_wanted(const std::string& site, const std::vector<Ticket>& tickets) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<Ticket> resolved = tickets;
  for (auto& t : resolved) t.site = site;
  resolve_notice_ids(*db_, site, resolved);
  Statement q(*db_,
              "SELECT title, open_at, open_type_label, detail_state, detail_attempts FROM tickets "
              "WHERE site = ? AND id = ?");
  std::vector<bool> wanted;
  for (const auto& t : resolved) {
    q.reset();
    q.bind(1, site).bind(2, t.id);
    if (!q.step()) {
      wanted.push_back(true);
      continue;
    }
    const DetailState state = detail_state_from(q.column_text(3));
    const bool retry = state == DetailState::wanted ||
                       (state == DetailState::failed && q.column_int(4) < kDetailAttempts);
    // Only what this layer shows counts as a change (a poorer layer shows no label or time).
    const bool list_changed = q.column_text(0) != t.title ||
                              (t.open_at && !same_instant(q.column_optional_text(1), t.open_at)) ||
                              (!t.open_type_label.empty() && q.column_text(2) != t.open_type_label);
    wanted.push_back(retry || list_changed);
  }
  return wanted;
}

}  // namespace ta
