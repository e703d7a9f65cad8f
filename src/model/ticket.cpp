#include "model/ticket.h"

namespace ta {

Opening headline_opening(const Ticket& t) {
  return Opening{t.open_type.empty() ? "general" : t.open_type, t.open_type_label, t.open_at,
                 round_of_label(t.open_type_label)};
}

void ensure_openings(Ticket& t) {
  if (t.openings.empty()) t.openings.push_back(headline_opening(t));
}

nlohmann::json to_json(const Ticket& t) {
  nlohmann::json j = {
      {"site", t.site},           {"site_name", t.site_name},
      {"id", t.id},               {"title", t.title},
      {"open_at", nullptr},       {"open_text", t.open_text},
      {"open_type", t.open_type}, {"open_type_label", t.open_type_label},
      {"venue", t.venue},         {"url", t.url},
      {"image", t.image},         {"badges", t.badges},
      {"genre", t.genre},
  };
  if (t.open_at) j["open_at"] = *t.open_at;
  j["openings"] = nlohmann::json::array();
  for (const auto& o : t.openings) j["openings"].push_back(to_json(o));
  return j;
}

Ticket ticket_from_json(const nlohmann::json& j) {
  Ticket t;
  auto str = [&](const char* k) { return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string(); };
  t.site = str("site");
  t.site_name = str("site_name");
  t.id = str("id");
  t.title = str("title");
  if (j.contains("open_at") && j["open_at"].is_string()) t.open_at = j["open_at"].get<std::string>();
  t.open_text = str("open_text");
  t.open_type = str("open_type");
  t.open_type_label = str("open_type_label");
  t.venue = str("venue");
  t.url = str("url");
  t.image = str("image");
  t.genre = str("genre");
  if (j.contains("badges") && j["badges"].is_array())
    for (auto& b : j["badges"]) if (b.is_string()) t.badges.push_back(b.get<std::string>());
  // Payloads stored before openings existed carry only the headline.
  if (j.contains("openings")) t.openings = openings_from_json(j["openings"]);
  ensure_openings(t);
  return t;
}

}  // namespace ta
