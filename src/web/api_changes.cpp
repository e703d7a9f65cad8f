// /api/changes: what the dashboard's 최근 일정 변경·취소 shows — the schedule changes and
// cancellations fans were told about, each with what changed in plain Korean.
#include "normalize/site_mark.h"
#include "notify/opening_lines.h"
#include "web/api_views.h"

namespace ta {
namespace {

nlohmann::json change_lines(const Delivery& d) {
  if (!d.previous || d.previous->id != d.ticket_id || d.kind != DeliveryKind::Update) return nlohmann::json::array();
  return opening_change_lines_plain(*d.previous, d.ticket);
}

std::string reason(const Delivery& d) {
  const SiteMark mark = site_mark_of(d.ticket.title, d.ticket.open_type_label);
  if (d.kind == DeliveryKind::Cancel) return mark == SiteMark::cancelled ? "예매처 취소 공지" : "예매처 목록에서 내려감";
  return mark == SiteMark::none ? "오픈 일정 변경" : "예매처 일정 변경 공지";
}

std::string status_korean(DeliveryState s) {
  switch (s) {
    case DeliveryState::Sent: return "보냄";
    case DeliveryState::Failed: return "보내지 못함";
    default: return "보낼 예정";
  }
}

}  // namespace

nlohmann::json changes_view(Store& store, int limit) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& d : store.recent_changes(limit)) {
    nlohmann::json item = {{"site", d.site},
                           {"site_name", d.ticket.site_name.empty() ? site_display_name(d.site) : d.ticket.site_name},
                           {"kind", d.kind == DeliveryKind::Cancel ? "취소" : "일정 변경"},
                           {"reason", reason(d)},
                           {"title", d.ticket.title},
                           {"url", safe_link(d.ticket.url)},
                           {"changes", change_lines(d)},
                           {"status", status_korean(d.status)},
                           {"at", static_cast<std::int64_t>(d.created_at)}};
    const bool about_another = d.previous && d.previous->id != d.ticket_id;
    if (about_another) item["original"] = {{"title", d.previous->title}, {"url", safe_link(d.previous->url)}};
    items.push_back(std::move(item));
  }
  return {{"changes", items}};
}

}  // namespace ta
