#include "store/notice_identity.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "store/sqlite.h"
#include "normalize/kst_time.h"
#include "store/title_key.h"

namespace ta {
namespace {

struct StoredNotice {
  std::string id;
  std::string venue_key;
  std::optional<std::time_t> open_at;
  std::string open_type;
  std::int64_t last_seen = 0;
};

std::optional<std::time_t> epoch_of(const std::optional<std::string>& iso) {
  return iso ? parse_iso(*iso) : std::nullopt;
}

std::map<std::string, std::vector<StoredNotice>> stored_by_title(Database& db, const std::string& site,
                                                                 std::set<std::string>* ids) {
  std::map<std::string, std::vector<StoredNotice>> out;
  Statement q(db, "SELECT id, title, venue, open_at, open_type, last_seen FROM tickets WHERE site = ?");
  q.bind(1, site);
  while (q.step()) {
    StoredNotice n{q.column_text(0), title_key(q.column_text(2)), epoch_of(q.column_optional_text(3)),
                   q.column_text(4), q.column_int(5)};
    ids->insert(n.id);
    out[title_key(q.column_text(1))].push_back(std::move(n));
  }
  return out;
}

// Higher is a better match; 0 is no match.
int match_score(const StoredNotice& n, const Ticket& t, const std::string& venue_key) {
  if (!is_text_hash_id(t.id) && !is_text_hash_id(n.id)) return 0;  // two site ids are two notices
  if (!venue_key.empty() && !n.venue_key.empty() && venue_key != n.venue_key) return 0;
  int score = 1;
  const auto open_at = epoch_of(t.open_at);
  if (open_at && n.open_at && *open_at == *n.open_at) score += 4;
  if (!t.open_type.empty() && t.open_type == n.open_type) score += 2;
  return score;
}

}  // namespace


void resolve_notice_ids(Database& db, const std::string& site, std::vector<Ticket>& tickets) {
  std::set<std::string> stored_ids;
  auto by_title = stored_by_title(db, site, &stored_ids);
  std::set<std::string> claimed;
  std::vector<Ticket*> unmatched;
  for (auto& t : tickets) {
    if (t.id.empty()) continue;
    if (stored_ids.count(t.id)) {
      claimed.insert(t.id);  // a second listing of it is dropped by the caller
      continue;
    }
    unmatched.push_back(&t);
  }
  // Best matches first, so a weak match cannot take a notice that another item matches exactly.
  struct Pair {
    int score;
    std::int64_t last_seen;
    Ticket* ticket;
    const StoredNotice* notice;
  };
  std::vector<Pair> pairs;
  for (Ticket* t : unmatched) {
    auto it = by_title.find(title_key(t->title));
    if (it == by_title.end()) continue;
    const std::string venue_key = title_key(t->venue);
    for (const auto& n : it->second)
      if (!claimed.count(n.id))
        if (int score = match_score(n, *t, venue_key); score > 0) pairs.push_back({score, n.last_seen, t, &n});
  }
  std::stable_sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) {
    return a.score != b.score ? a.score > b.score : a.last_seen > b.last_seen;
  });
  std::set<const Ticket*> done;
  for (const auto& p : pairs) {
    if (done.count(p.ticket) || claimed.count(p.notice->id)) continue;
    claimed.insert(p.notice->id);
    done.insert(p.ticket);
    p.ticket->id = p.notice->id;
  }
}

}  // namespace ta
