#include "notify/embed_builder.h"

#include "normalize/kst_time.h"
#include "normalize/site_mark.h"
#include "normalize/ticket_time.h"
#include "notify/discord_escape.h"
#include "notify/discord_limits.h"
#include "notify/also_message.h"
#include "notify/korean_time.h"
#include "notify/opening_lines.h"
#include "notify/summary_embed.h"
#include "notify/text_fit.h"

namespace ta {
namespace {

using notify_text::fit;

// Far below Discord's 2048: a site name is short, and a bounded footer keeps one embed (4 fields of
// 1024 + title 256) under the 6000 message total on its own.
constexpr std::size_t kFooterBudget = 256;
// The same reasoning for an update's list of changes.
constexpr std::size_t kDescriptionBudget = 1024;

// Scraped text is shown as-is: escaped markdown renders as the original characters, so a title
// with "*" or "__" cannot restyle the embed.
std::string scraped(const std::string& s, std::size_t max) { return fit(escape_markdown(s), max); }

std::string open_time_value(const Ticket& t) {
  if (t.open_at) {
    if (auto epoch = parse_iso(*t.open_at)) {
      std::string unix_time = std::to_string(static_cast<long long>(*epoch));
      return format_korean_kst(*epoch) + "\n<t:" + unix_time + ":F> (<t:" + unix_time + ":R>)";
    }
  }
  std::string shown = notify_text::trim(t.open_text);
  return shown.empty() ? "미정" : scraped(shown, discord::kMaxFieldValue);
}

void add_field(nlohmann::json& fields, const std::string& name, const std::string& value, bool inline_field) {
  std::string v = fit(value, discord::kMaxFieldValue);
  if (v.empty() || fields.size() >= discord::kMaxEmbedFields) return;
  fields.push_back({{"name", fit(name, discord::kMaxFieldName)}, {"value", v}, {"inline", inline_field}});
}

std::string badges_text(const std::vector<std::string>& badges) {
  std::string out;
  for (const auto& b : badges) {
    std::string clean = notify_text::trim(b);
    if (clean.empty()) continue;
    if (!out.empty()) out += " · ";
    out += escape_markdown(clean);
  }
  return out;
}


// A site's own change notice names another notice (the one fans were alerted about).
bool about_another_notice(const Notice& n) { return n.previous && n.previous->id != n.ticket.id; }

std::string kind_prefix(const Notice& n) {
  if (n.kind == NoticeKind::cancel) return "[취소] ";
  if (n.kind != NoticeKind::update) return "";
  return site_mark_of(n.ticket.title, n.ticket.open_type_label) == SiteMark::none ? "[오픈 일정 변경] " : "[일정 변경 공지] ";
}

// Fans should recognise the alert this follows: its title and link stand first (a webhook cannot
// reply to its earlier message).
std::string original_line(const Notice& n) {
  if (!about_another_notice(n)) return "";
  const std::string url = embed_safe_url(n.previous->url);
  const std::string title = escape_markdown(notify_text::trim(n.previous->title));
  return "원래 공지: " + title + (url.empty() ? "" : " — " + url) + "\n";
}

std::string change_description(const Notice& n) {
  const Ticket& t = n.ticket;
  const SiteMark mark = site_mark_of(t.title, t.open_type_label);
  if (n.kind == NoticeKind::cancel) {
    const std::string why = mark == SiteMark::cancelled ? "예매처가 취소 공지를 올렸습니다."
                                                        : "예매처 공지 목록에서 이 공지가 내려갔습니다.";
    return why + "\n" + original_line(n) + "예정된 오픈 알림은 보내지 않습니다.";
  }
  if (n.kind != NoticeKind::update) return "";
  if (mark != SiteMark::none && (about_another_notice(n) || !n.previous)) {
    std::string out = "예매처가 일정 변경 공지를 올렸습니다.\n" + original_line(n);
    if (n.previous && has_timed_opening(t)) out += opening_change_text(*n.previous, t);
    return out;
  }
  const std::string changes = n.previous ? opening_change_text(*n.previous, t) : "";
  return changes.empty() ? "오픈 일정이 변경되었습니다." : "오픈 일정이 변경되었습니다.\n" + changes;
}

}  // namespace

nlohmann::json build_embed(const Notice& notice, const EmbedOptions& options) {
  if (notice.kind == NoticeKind::summary) return build_summary_embed(notice, options);
  if (notice.kind == NoticeKind::also_on) return build_also_embed(notice, options);
  const Ticket& t = notice.ticket;
  std::string prefix;
  if (notice.priority) prefix += "⭐ ";
  prefix += genre_emoji(t) + " ";
  prefix += kind_prefix(notice);
  std::string title = notify_text::trim(t.title);
  if (title.empty()) title = "(제목 없음)";

  nlohmann::json embed = nlohmann::json::object();
  embed["title"] = fit(prefix + escape_markdown(title), discord::kMaxEmbedTitle);
  const std::string description = change_description(notice);
  if (!description.empty()) embed["description"] = fit(description, kDescriptionBudget);
  std::string url = embed_safe_url(t.url);
  if (!url.empty()) embed["url"] = url;
  embed["color"] = notice.priority ? kPriorityColor : site_color(t.site);

  nlohmann::json fields = nlohmann::json::array();
  const bool headline_only = t.openings.empty() || (t.openings.size() == 1 && t.openings[0] == headline_opening(t));
  if (headline_only) {
    add_field(fields, "오픈 일시", open_time_value(t), false);
  } else {
    // Fans buy at an opening: every one, each with its own time.
    add_field(fields, "오픈 일정", openings_text(t), false);
  }
  add_field(fields, "장소", escape_markdown(t.venue), true);
  std::string label = notify_text::trim(t.open_type_label);
  if (headline_only)
    add_field(fields, "예매 구분", label.empty() ? open_type_korean(t.open_type) : escape_markdown(label), true);
  add_field(fields, "태그", badges_text(t.badges), false);
  embed["fields"] = fields;

  std::string image = embed_safe_url(t.image);
  if (!image.empty()) embed["thumbnail"] = {{"url", image}};
  std::string site_name = notify_text::trim(t.site_name);
  if (site_name.empty()) site_name = notify_text::trim(t.site);
  embed["footer"] = {{"text", fit(site_name.empty() ? "ticket-alarm" : site_name, kFooterBudget)}};
  if (options.now != 0) embed["timestamp"] = format_kst_iso(options.now);
  return embed;
}

nlohmann::json build_embed(const Ticket& ticket, const EmbedOptions& options) {
  Notice n;
  n.ticket = ticket;
  return build_embed(n, options);
}

std::size_t embed_text_size(const nlohmann::json& embed) {
  auto len = [](const nlohmann::json& obj, const char* key) -> std::size_t {
    if (!obj.is_object()) return 0;
    auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? notify_text::code_points(it->get<std::string>()) : 0;
  };
  std::size_t n = len(embed, "title") + len(embed, "description");
  if (auto it = embed.find("fields"); it != embed.end() && it->is_array())
    for (const auto& f : *it) n += len(f, "name") + len(f, "value");
  if (auto it = embed.find("footer"); it != embed.end()) n += len(*it, "text");
  if (auto it = embed.find("author"); it != embed.end()) n += len(*it, "name");
  return n;
}

}  // namespace ta
