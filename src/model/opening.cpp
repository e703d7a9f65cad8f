#include "model/opening.h"

#include <regex>

namespace ta {

std::optional<int> round_of_label(const std::string& label) {
  static const std::regex nth("([0-9]+)\\s*차");
  std::smatch m;
  if (!std::regex_search(label, m, nth)) return std::nullopt;
  try {
    return std::stoi(m[1].str());
  } catch (const std::exception&) {
    return std::nullopt;  // a digit run too long for an int is no round
  }
}

const char* to_string(DetailState s) {
  switch (s) {
    case DetailState::wanted: return "wanted";
    case DetailState::read: return "read";
    case DetailState::failed: return "failed";
    case DetailState::none: break;
  }
  return "none";
}

DetailState detail_state_from(const std::string& s) {
  if (s == "wanted") return DetailState::wanted;
  if (s == "read") return DetailState::read;
  if (s == "failed") return DetailState::failed;
  return DetailState::none;
}

nlohmann::json to_json(const Opening& o) {
  nlohmann::json j = {{"kind", o.kind}, {"label", o.label}, {"at", nullptr}, {"round", nullptr}};
  if (o.at) j["at"] = *o.at;
  if (o.round) j["round"] = *o.round;
  return j;
}

Opening opening_from_json(const nlohmann::json& j) {
  Opening o;
  if (!j.is_object()) return o;
  auto str = [&](const char* k) {
    auto it = j.find(k);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  o.kind = str("kind");
  o.label = str("label");
  if (auto it = j.find("at"); it != j.end() && it->is_string()) o.at = it->get<std::string>();
  if (auto it = j.find("round"); it != j.end() && it->is_number_integer()) o.round = it->get<int>();
  return o;
}

std::vector<Opening> openings_from_json(const nlohmann::json& j) {
  std::vector<Opening> out;
  if (!j.is_array()) return out;
  for (const auto& o : j) out.push_back(opening_from_json(o));
  return out;
}

}  // namespace ta
