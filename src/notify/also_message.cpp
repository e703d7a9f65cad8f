#include "notify/also_message.h"

#include "normalize/kst_time.h"
#include "normalize/ticket_time.h"
#include "notify/discord_escape.h"
#include "notify/discord_limits.h"
#include "notify/korean_time.h"
#include "notify/opening_lines.h"
#include "notify/text_fit.h"

namespace ta {
namespace {

using notify_text::fit;

std::string site_label(const Ticket& t) {
  std::string name = notify_text::trim(t.site_name);
  return escape_markdown(name.empty() ? t.site : name);
}

// "**YES24** · 2025년 12월 10일 (수) 오후 8시 — https://…"
std::string site_line(const Ticket& t) {
  std::string line = "**" + site_label(t) + "**";
  if (const auto at = next_opening_at(t, 0)) line += " · " + format_korean_kst(*at);  // the earliest
  const std::string url = embed_safe_url(t.url);
  if (!url.empty()) line += " — " + url;
  return line;
}

}  // namespace

nlohmann::json build_also_embed(const Notice& n, const EmbedOptions& options) {
  const Ticket& t = n.ticket;
  std::string title = notify_text::trim(t.title);
  if (title.empty()) title = "(제목 없음)";
  nlohmann::json embed = nlohmann::json::object();
  embed["title"] = fit("🔁 다른 예매처에서도 오픈: " + escape_markdown(title), discord::kMaxEmbedTitle);
  std::string description = site_label(t) + "에서도 예매합니다.";
  if (n.previous)
    description += "\n먼저 알린 공지: " + site_label(*n.previous) + " — " + escape_markdown(notify_text::trim(n.previous->title));
  embed["description"] = fit(description, 1024);
  const std::string url = embed_safe_url(t.url);
  if (!url.empty()) embed["url"] = url;
  embed["color"] = site_color(t.site);
  Ticket with_openings = t;
  ensure_openings(with_openings);
  const std::string openings = openings_text(with_openings);
  if (!openings.empty())
    embed["fields"] = nlohmann::json::array(
        {{{"name", "오픈 일정"}, {"value", fit(openings, discord::kMaxFieldValue)}, {"inline", false}}});
  embed["footer"] = {{"text", fit(site_label(t), 256)}};
  if (options.now != 0) embed["timestamp"] = format_kst_iso(options.now);
  return embed;
}

nlohmann::json build_also_edit(const std::vector<Notice>& message, std::size_t original, const std::vector<Ticket>& also,
                               const EmbedOptions& options) {
  nlohmann::json embeds = nlohmann::json::array();
  for (std::size_t i = 0; i < message.size(); ++i) {
    nlohmann::json embed = build_embed(message[i], options);
    if (i == original && !also.empty()) {
      std::string lines;
      for (const auto& t : also) lines += (lines.empty() ? "" : "\n") + site_line(t);
      if (!embed.contains("fields")) embed["fields"] = nlohmann::json::array();
      if (embed["fields"].size() >= discord::kMaxEmbedFields) embed["fields"].erase(embed["fields"].size() - 1);
      embed["fields"].push_back(
          {{"name", "다른 예매처에서도 오픈"}, {"value", fit(lines, discord::kMaxFieldValue)}, {"inline", false}});
    }
    embeds.push_back(std::move(embed));
  }
  return {{"embeds", embeds}, {"allowed_mentions", {{"parse", nlohmann::json::array()}}}};
}

}  // namespace ta
