#include "store/opening_rows.h"

#include "store/sqlite.h"
#include "normalize/kst_time.h"

namespace ta {

void save_openings(Database& db, const std::string& site, const std::string& id, const std::vector<Opening>& openings) {
  Statement clear(db, "DELETE FROM openings WHERE site = ? AND notice_id = ?");
  clear.bind(1, site).bind(2, id);
  clear.run();
  Statement insert(db,
                   "INSERT INTO openings (site, notice_id, seq, kind, label, at, at_epoch, round) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  std::int64_t seq = 0;
  for (const auto& o : openings) {
    const auto epoch = o.at ? parse_iso(*o.at) : std::nullopt;
    insert.reset();
    insert.bind(1, site).bind(2, id).bind(3, seq++).bind(4, o.kind.empty() ? std::string("general") : o.kind);
    insert.bind(5, o.label).bind(6, o.at);
    insert.bind(7, epoch ? std::optional<std::int64_t>(*epoch) : std::nullopt);
    insert.bind(8, o.round ? std::optional<std::int64_t>(*o.round) : std::nullopt);
    insert.run();
  }
}

std::vector<Opening> load_openings(Database& db, const std::string& site, const std::string& id) {
  Statement q(db, "SELECT kind, label, at, round FROM openings WHERE site = ? AND notice_id = ? ORDER BY seq");
  q.bind(1, site).bind(2, id);
  std::vector<Opening> out;
  while (q.step()) {
    Opening o{q.column_text(0), q.column_text(1), q.column_optional_text(2), std::nullopt};
    if (const auto r = q.column_optional_int(3)) o.round = static_cast<int>(*r);
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace ta
