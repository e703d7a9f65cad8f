#include "store/ticket_row.h"

#include <cstdint>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "store/sqlite.h"

namespace ta {

Ticket read_ticket(const Statement& row, int first) {
  Ticket t;
  t.site = row.column_text(first + 0);
  t.id = row.column_text(first + 1);
  t.site_name = row.column_text(first + 2);
  t.title = row.column_text(first + 3);
  t.open_at = row.column_optional_text(first + 4);
  t.open_text = row.column_text(first + 5);
  t.open_type = row.column_text(first + 6);
  t.open_type_label = row.column_text(first + 7);
  t.venue = row.column_text(first + 8);
  t.url = row.column_text(first + 9);
  t.image = row.column_text(first + 10);
  // A hand-edited or damaged badges column must not make the ticket unreadable.
  auto badges = nlohmann::json::parse(row.column_text(first + 11), nullptr, false);
  if (badges.is_array())
    for (const auto& b : badges)
      if (b.is_string()) t.badges.push_back(b.get<std::string>());
  t.genre = row.column_text(first + 12);
  return t;
}

std::string badges_json(const Ticket& t) { return nlohmann::json(t.badges).dump(); }

std::string content_hash(const Ticket& t) {
  const std::string text = to_json(t).dump();
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace ta
