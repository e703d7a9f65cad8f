#include "normalize/normalize_openings.h"

#include "model/opening_set.h"
#include "normalize/open_time.h"
#include "normalize/open_type.h"
#include "normalize/text_clean.h"

namespace ta {
namespace {

std::string text_of(const nlohmann::json& o, const char* key) {
  auto it = o.find(key);
  return it != o.end() && it->is_string() ? clean_text(it->get<std::string>()) : std::string();
}

std::optional<std::string> at_of(const nlohmann::json& o, const std::string& open_text, std::time_t now) {
  std::optional<std::string> at;
  if (auto it = o.find("open_at"); it != o.end() && !it->is_null()) at = open_time_from_value(*it, now);
  if (!at) at = parse_open_time(open_text, now);
  return at;
}

std::optional<int> round_field(const nlohmann::json& o, const std::string& label) {
  if (auto it = o.find("round"); it != o.end() && it->is_number_integer()) return it->get<int>();
  return round_of_label(label);
}

}  // namespace

std::vector<Opening> normalize_openings(const nlohmann::json& raw, std::time_t now, const std::string& title) {
  std::vector<Opening> parsed;
  if (!raw.is_array()) return parsed;
  for (const auto& o : raw) {
    if (!o.is_object()) continue;
    const std::string label = text_of(o, "label");
    const std::string open_text = text_of(o, "open_text");
    const auto at = at_of(o, open_text, now);
    if (label.empty() && open_text.empty() && !at) continue;
    parsed.push_back(Opening{classify_open_type(label, title).code, label, at, round_field(o, label)});
  }
  return canonical_openings(std::move(parsed));
}

}  // namespace ta
