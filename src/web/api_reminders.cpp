#include "normalize/open_type.h"
#include "web/api_views.h"

namespace ta {

nlohmann::json reminders_view(Store& store, std::time_t now, int limit) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : store.scheduled_reminders(now, limit)) {
    items.push_back({{"site", r.site},
                     {"site_name", r.site_name.empty() ? site_display_name(r.site) : r.site_name},
                     {"title", r.title},
                     {"url", safe_link(r.url)},
                     // The label the page showed, else the Korean name: never an internal code.
                     {"opening", r.opening_label.empty() ? open_type_korean(r.opening_kind) : r.opening_label},
                     {"opening_at", static_cast<std::int64_t>(r.opening_at)},
                     {"minutes_before", r.offset_min},
                     {"due_at", static_cast<std::int64_t>(r.due_at)}});
  }
  return {{"now", static_cast<std::int64_t>(now)}, {"reminders", items}};
}

}  // namespace ta
